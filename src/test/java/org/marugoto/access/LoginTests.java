package org.marugoto.access;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

@MarugotoTest
class LoginTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theLoginPageIsJapanese() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"ja\"")))
                .andExpect(content().string(containsString("ユーザー名")))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                // OpenID Connect is off unless configured (OidcLoginTests turns it on)
                .andExpect(content().string(not(containsString("/oauth2/authorization/"))));
    }

    @Test
    void anonymousUsersAreSentToTheLoginPage() throws Exception {
        mvc.perform(get("/admin/areas")).andExpect(status().is3xxRedirection());
    }

    @Test
    void aDemoAccountLogsIn() throws Exception {
        mvc.perform(formLogin().user("planner").password("marugoto-demo"))
                .andExpect(authenticated().withUsername("planner"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void aWrongPasswordDoesNotLogIn() throws Exception {
        mvc.perform(formLogin().user("planner2").password("wrong-password"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void theAccountIsLockedAfterFiveFailures() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user("coordinator2").password("wrong-" + i)).andExpect(unauthenticated());
        }
        mvc.perform(formLogin().user("coordinator2").password("marugoto-demo")).andExpect(unauthenticated());
    }

    @Test
    void theLanguageChoiceIsRemembered() throws Exception {
        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(content().string(containsString("<html lang=\"en\"")))
                .andExpect(content().string(containsString("Username")))
                .andExpect(cookie().value("MARUGOTO_LANG", "en"));
        mvc.perform(get("/login").cookie(new Cookie("MARUGOTO_LANG", "en")))
                .andExpect(content().string(containsString("Password")));
    }

    @Test
    @WithUserDetails("caseworker")
    void theHomePageShowsAgencyRolesAndCapabilities() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("美月野市 北部地域包括支援センター")))
                .andExpect(content().string(containsString("相談員")))
                .andExpect(content().string(containsString("機関・窓口を調べる")))
                .andExpect(content().string(not(containsString("職員アカウントを管理する"))));
    }

    @Test
    @WithUserDetails("caseworker")
    void anUnknownPageGivesATranslatedNotFoundWithoutStackTrace() throws Exception {
        mvc.perform(get("/admin/agencies/" + java.util.UUID.randomUUID())).andExpect(status().isForbidden());
        mvc.perform(get("/directory/" + java.util.UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("ページが見つかりません")))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    @WithUserDetails("caseworker")
    void aSessionOlderThanTwelveHoursEndsHoweverActiveItWas() throws Exception {
        org.springframework.mock.web.MockHttpSession old = new org.springframework.mock.web.MockHttpSession() {
            @Override
            public long getCreationTime() {
                return System.currentTimeMillis()
                        - java.time.Duration.ofHours(13).toMillis();
            }
        };
        mvc.perform(get("/").session(old)).andExpect(redirectedUrl("/login?timeout"));
        org.assertj.core.api.Assertions.assertThat(old.isInvalid()).isTrue();
    }
}
