package org.marugoto.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The plan in force when a case closes ends with it: after closing (月岡家) and after closing and reopening
 * (ペレイラ・シルバ家, demo data) version 1 no longer says "agreed (in force)", and the reopened case works on a new
 * draft.
 */
@MarugotoTest
class PlanAfterClosureTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    List<Map<String, Object>> plans(String household) {
        return jdbc.sql("""
                        select p.id, p.version_no, p.status from support_plan p
                        join support_case c on c.id = p.case_id join household h on h.id = c.household_id
                        where h.name = ? order by p.version_no""").param(household).query().listOfRows();
    }

    @Test
    @WithUserDetails("caseworker3")
    void afterClosingAndReopeningVersion1IsEndedAndVersion2IsTheDraft() throws Exception {
        List<Map<String, Object>> plans = plans("ペレイラ・シルバ家");
        assertThat(plans)
                .extracting(p -> p.get("version_no") + ":" + p.get("status"))
                .containsExactly("1:ENDED", "2:DRAFT");
        mvc.perform(get("/plans/" + plans.getFirst().get("id")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("終了（事例の終結時）")))
                .andExpect(content().string(not(containsString("合意済み（実施中）"))));
        UUID kase = jdbc.sql("""
                        select c.id from support_case c join household h on h.id = c.household_id
                        where h.name = 'ペレイラ・シルバ家'""").query(UUID.class).single();
        mvc.perform(get("/cases/" + kase))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("合意済み（実施中）"))));
    }

    @Test
    void aClosedCasesPlanIsEnded() {
        assertThat(plans("月岡家")).extracting(p -> p.get("status")).containsOnly("ENDED");
        // a case that never closed keeps its plan in force
        assertThat(plans("佐々木家")).extracting(p -> p.get("status")).contains("AGREED");
    }
}
