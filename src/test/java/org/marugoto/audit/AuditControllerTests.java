package org.marugoto.audit;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

@MarugotoTest
class AuditControllerTests {

    @Autowired
    MockMvc mvc;

    @Test
    @WithUserDetails("auditor")
    void theAuditorVerifiesTheChain() throws Exception {
        mvc.perform(get("/audit/verify"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("改ざんは見つかりませんでした")));
    }

    @Test
    @WithUserDetails("auditor2")
    void theAuditorSeesWhatAnAccountDid() throws Exception {
        mvc.perform(get("/audit").param("actor", "caseworker"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("このアカウントの操作")));
    }

    @Test
    @WithUserDetails("auditor")
    void aMalformedRecordIdIsExplained() throws Exception {
        mvc.perform(get("/audit").param("record", "not-an-id"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("記録IDの形式が正しくありません")));
    }

    @Test
    @WithUserDetails("planner")
    void plannersCannotReadTheAuditTrail() throws Exception {
        mvc.perform(get("/audit/verify")).andExpect(status().isForbidden());
    }
}
