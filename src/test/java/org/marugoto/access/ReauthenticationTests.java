package org.marugoto.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.access.domain.StaffCommand;
import org.marugoto.access.domain.StaffService;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.directory.DirectoryApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@MarugotoTest
class ReauthenticationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffService staff;

    @Autowired
    DirectoryApi directory;

    @Autowired
    AuditApi audit;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @org.springframework.beans.factory.annotation.Value("${marugoto.demo.totp-secret}")
    String demoSecret;

    StaffView account(String username) {
        UUID agency = directory.agencyByCode("JIRITSU").orElseThrow().id();
        return staff.create(
                username,
                "correct-horse-battery",
                new StaffCommand("試験 次郎", "しけん じろう", null, agency, Set.of(Role.CASEWORKER), true));
    }

    MockHttpServletRequestBuilder promote(StaffView account) {
        return post("/admin/staff/" + account.id())
                .with(csrf())
                .header("Referer", "http://localhost/admin/staff/" + account.id())
                .param("displayName", account.displayName())
                .param("agencyId", account.agencyId().toString())
                .param("roles", "CASEWORKER", "AGENCY_SUPERVISOR")
                .param("enabled", "true")
                .param("version", String.valueOf(account.version()));
    }

    @Test
    @WithUserDetails("admin")
    void aRoleChangeAsksForThePasswordFirstAndWorksAfterwards() throws Exception {
        StaffView account = account("t.reauth1");
        MockHttpSession session = new MockHttpSession();

        mvc.perform(promote(account).session(session))
                .andExpect(redirectedUrl("/reauth?next=%2Fadmin%2Fstaff%2F" + account.id()));
        assertThat(staff.loadUserByUsername("t.reauth1").roles()).containsExactly(Role.CASEWORKER);

        mvc.perform(get("/reauth").param("next", "/admin/staff/" + account.id()).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("本人確認")))
                .andExpect(content().string(containsString("value=\"/admin/staff/" + account.id() + "\"")));
        mvc.perform(post("/reauth")
                        .with(csrf())
                        .session(session)
                        .param("password", "marugoto-demo")
                        .param("code", MfaLoginTests.nextCode(demoSecret))
                        .param("next", "/admin/staff/" + account.id()))
                .andExpect(redirectedUrl("/admin/staff/" + account.id()));

        mvc.perform(promote(account).session(session)).andExpect(redirectedUrl("/admin/staff/" + account.id()));
        assertThat(staff.loadUserByUsername("t.reauth1").roles())
                .containsExactlyInAnyOrder(Role.CASEWORKER, Role.AGENCY_SUPERVISOR);
        assertThat(audit.byActor("admin", 50))
                .anySatisfy(event -> assertThat(event.action()).isEqualTo(AuditAction.LOGIN_SUCCESS));
    }

    @Test
    @WithUserDetails("admin")
    void disablingAnAccountNeedsARecentReauthenticationButRenamingDoesNot() throws Exception {
        StaffView account = account("t.reauth2");
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/admin/staff/" + account.id())
                        .with(csrf())
                        .session(session)
                        .header("Referer", "http://localhost/admin/staff/" + account.id())
                        .param("displayName", "試験 三郎")
                        .param("agencyId", account.agencyId().toString())
                        .param("roles", "CASEWORKER")
                        .param("enabled", "true")
                        .param("version", String.valueOf(account.version())))
                .andExpect(redirectedUrl("/admin/staff/" + account.id()));
        int version = jdbc.sql("select version from staff_account where id = ?")
                .param(account.id())
                .query(Integer.class)
                .single();
        assertThat(staff.loadUserByUsername("t.reauth2").displayName()).isEqualTo("試験 三郎");

        // a re-authentication six minutes ago is too old
        session.setAttribute(Reauthentication.SESSION_ATTRIBUTE, clock.instant().minus(Duration.ofMinutes(6)));
        mvc.perform(post("/admin/staff/" + account.id())
                        .with(csrf())
                        .session(session)
                        .header("Referer", "http://localhost/admin/staff/" + account.id())
                        .param("displayName", "試験 三郎")
                        .param("agencyId", account.agencyId().toString())
                        .param("roles", "CASEWORKER")
                        .param("enabled", "false")
                        .param("version", String.valueOf(version)))
                .andExpect(redirectedUrl("/reauth?next=%2Fadmin%2Fstaff%2F" + account.id()));
        assertThat(staff.loadUserByUsername("t.reauth2").isEnabled()).isTrue();

        session.setAttribute(Reauthentication.SESSION_ATTRIBUTE, clock.instant().minus(Duration.ofMinutes(4)));
        mvc.perform(post("/admin/staff/" + account.id())
                        .with(csrf())
                        .session(session)
                        .param("displayName", "試験 三郎")
                        .param("agencyId", account.agencyId().toString())
                        .param("roles", "CASEWORKER")
                        .param("enabled", "false")
                        .param("version", String.valueOf(version)))
                .andExpect(redirectedUrl("/admin/staff/" + account.id()));
        assertThat(staff.loadUserByUsername("t.reauth2").isEnabled()).isFalse();
    }

    @Test
    @WithUserDetails("admin2")
    void aWrongPasswordIsRefusedAndAuditedAndTheReturnAddressStaysLocal() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/reauth")
                        .with(csrf())
                        .session(session)
                        .param("password", "not-my-password")
                        .param("next", "/admin/staff"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("本人確認できませんでした")));
        assertThat(session.getAttribute(Reauthentication.SESSION_ATTRIBUTE)).isNull();
        assertThat(audit.byActor("admin2", 20))
                .anySatisfy(event -> assertThat(event.action()).isEqualTo(AuditAction.LOGIN_FAILURE));

        for (String elsewhere :
                new String[] {"https://evil.example/", "//evil.example/x", "/\\evil.example", "/login"}) {
            mvc.perform(post("/reauth")
                            .with(csrf())
                            .session(session)
                            .param("password", "marugoto-demo")
                            .param("code", MfaLoginTests.nextCode(demoSecret))
                            .param("next", elsewhere))
                    .andExpect(redirectedUrl("/"));
        }
        assertThat(session.getAttribute(Reauthentication.SESSION_ATTRIBUTE)).isInstanceOf(Instant.class);
    }
}
