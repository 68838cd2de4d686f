package org.marugoto.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.access.domain.StaffService;
import org.marugoto.directory.DirectoryApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

@MarugotoTest
class StaffAdminControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffService staff;

    @Autowired
    DirectoryApi directory;

    @Autowired
    java.time.Clock clock;

    @Test
    @WithUserDetails("admin")
    void createsAnAccount() throws Exception {
        String agency = directory.agencyByCode("HEALTH").orElseThrow().id().toString();
        mvc.perform(post("/admin/staff/new")
                        .with(csrf())
                        .sessionAttr(Reauthentication.SESSION_ATTRIBUTE, clock.instant())
                        .param("username", "mvc.hoken")
                        .param("displayName", "保健 花子")
                        .param("displayNameKana", "ほけん はなこ")
                        .param("agencyId", agency)
                        .param("roles", "CASEWORKER")
                        .param("enabled", "true")
                        .param("password", "a-long-enough-secret"))
                .andExpect(status().is3xxRedirection());
        assertThat(staff.loadUserByUsername("mvc.hoken").has(Role.CASEWORKER)).isTrue();
    }

    @Test
    @WithUserDetails("admin")
    void badInputIsShownAtTheFieldsAndNothingIsCreated() throws Exception {
        mvc.perform(post("/admin/staff/new")
                        .with(csrf())
                        .param("username", "mvc.bad")
                        .param("displayName", "")
                        .param("agencyId", "")
                        .param("password", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("入力してください。")))
                .andExpect(content().string(containsString("選んでください。")));
        assertThat(staff.exists("mvc.bad")).isFalse();
    }

    @Test
    @WithUserDetails("admin")
    void listSearchesByName() throws Exception {
        mvc.perform(get("/admin/staff").param("q", "こばやし"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("小林 さくら")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("山口 翔太"))));
    }

    @Test
    @WithUserDetails("auditor")
    void auditorsCannotManageAccountsButCanReadTheAuditLog() throws Exception {
        mvc.perform(get("/admin/staff")).andExpect(status().isForbidden());
        mvc.perform(get("/audit"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("監査ログ")));
    }

    @Test
    @WithUserDetails("caseworker")
    void caseworkersCannotReadTheAuditLog() throws Exception {
        mvc.perform(get("/audit")).andExpect(status().isForbidden());
    }
}
