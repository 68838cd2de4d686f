package org.marugoto.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The support plan editor's rows (issue #13): "add" and "remove" post the form with a change and get it back as
 * typed, with the row added or removed and nothing saved; with htmx only the rows come back. Saving binds every row,
 * however many there are.
 */
@MarugotoTest
class PlanEditorTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    UUID caseOf(String household) {
        return jdbc.sql("""
                        select c.id from support_case c join household h on h.id = c.household_id
                        where h.name = ? order by c.opened_at limit 1
                        """).param(household).query(UUID.class).single();
    }

    long plans(UUID kase) {
        return jdbc.sql("select count(*) from support_plan where case_id = ?")
                .param(kase)
                .query(Long.class)
                .single();
    }

    MockHttpServletRequestBuilder typed(UUID kase) {
        return post("/cases/" + kase + "/plan")
                .with(csrf())
                .param("aim", "母と二人で暮らし続けたい")
                .param("periodFrom", "2026-12-01")
                .param("periodTo", "2027-05-31")
                .param("reviewDate", "2027-03-01")
                .param("goals[0].issue", "家計が苦しい")
                .param("goals[0].goal", "滞納を減らしたい")
                .param("goals[0].actions[0].description", "家計相談")
                .param("goals[0].actions[0].dueDate", "平成32年1月1日")
                .param("goals[1].issue", "母の通院")
                .param("goals[1].goal", "通院を続けたい")
                .param("goals[1].actions[0].description", "通院の付き添い")
                .param("goals[1].actions[1].description", "送迎の手配");
    }

    @Test
    @WithUserDetails("coordinator")
    void addingAnActionRowWithoutScriptsKeepsEverythingTypedAndSavesNothing() throws Exception {
        UUID kase = caseOf("佐々木家");
        long before = plans(kase);
        String page = mvc.perform(typed(kase).param("change", "action:1"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("<html")
                .contains("母と二人で暮らし続けたい</textarea>")
                .contains("value=\"平成32年1月1日\"") // a wrong date stays as typed, without a message yet
                .contains("value=\"送迎の手配\"")
                .contains("id=\"goals1.actions2.description\"")
                .doesNotContain("id=\"goals1.actions3.description\"")
                .doesNotContain("id=\"goals2.issue\"")
                .doesNotContain("その元号にその年はありません")
                .contains("data-focus=\"goals1.actions2.description\"");
        assertThat(plans(kase)).isEqualTo(before);
    }

    @Test
    @WithUserDetails("coordinator")
    void withHtmxOnlyTheRowsComeBack() throws Exception {
        UUID kase = caseOf("佐々木家");
        String rows = mvc.perform(typed(kase).param("change", "goal").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(rows)
                .doesNotContain("<html")
                .doesNotContain("name=\"aim\"")
                .startsWith("<div id=\"plan-rows\"")
                .contains("id=\"goals2.issue\"", "id=\"goals2.actions0.description\"")
                .contains("value=\"通院の付き添い\"");
    }

    @Test
    @WithUserDetails("coordinator")
    void removingAGoalRenumbersTheRowsThatFollow() throws Exception {
        UUID kase = caseOf("佐々木家");
        String page = mvc.perform(typed(kase).param("change", "remove-goal:0"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .doesNotContain("家計が苦しい")
                .contains("value=\"母の通院\"")
                .contains("id=\"goals0.actions1.description\"")
                .doesNotContain("id=\"goals1.issue\"");
        String withoutAction = mvc.perform(typed(kase).param("change", "remove-action:1:0"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(withoutAction).doesNotContain("通院の付き添い").contains("value=\"送迎の手配\"");
    }

    @Test
    @WithUserDetails("coordinator")
    void aWrongActionIsNamedAtItsFieldAndLinkedFromTheSummary() throws Exception {
        UUID kase = caseOf("佐々木家");
        long before = plans(kase);
        String page = mvc.perform(typed(kase))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("href=\"#goals0.actions0.dueDate\"", "href=\"#goals0.actions0.agencyId\"")
                .contains("その元号にその年はありません", "支援内容の担当機関を選んでください。")
                .contains("aria-invalid=\"true\" id=\"goals0.actions0.agencyId\"")
                .contains("value=\"通院の付き添い\"", "value=\"送迎の手配\"");
        assertThat(plans(kase)).isEqualTo(before);
    }

    @Test
    @WithUserDetails("coordinator")
    void aChangeNamingNoRowLeavesTheFormAsTyped() throws Exception {
        UUID kase = caseOf("佐々木家");
        mvc.perform(typed(kase).param("change", "remove-action:9:9")).andExpect(status().isOk());
        mvc.perform(typed(kase).param("change", "action:x")).andExpect(status().isOk());
        mvc.perform(typed(kase).param("change", "nonsense")).andExpect(status().isOk());
    }

    @Test
    @WithUserDetails("caseworker3")
    void aPlanWithMoreRowsThanTheEditorOnceHadIsSavedWhole() throws Exception {
        UUID kase = caseOf("髙橋家");
        Integer draftVersion = jdbc.sql("select version from support_plan where case_id = ? and status = 'DRAFT'")
                .param(kase)
                .query(Integer.class)
                .single();
        UUID agency = jdbc.sql("select id from agency where code = 'KODOMO'")
                .query(UUID.class)
                .single();
        var save = post("/cases/" + kase + "/plan")
                .with(csrf())
                .param("draftVersion", draftVersion.toString())
                .param("aim", "父の介護と子育てを、ひとりで抱えこまずに続けたい。")
                .param("periodFrom", "2026-12-01")
                .param("periodTo", "2027-05-31")
                .param("reviewDate", "2027-03-01");
        for (int g = 0; g < 4; g++) {
            save.param("goals[" + g + "].issue", "課題" + g).param("goals[" + g + "].goal", "目標" + g);
            for (int a = 0; a < 5; a++) {
                String p = "goals[" + g + "].actions[" + a + "].";
                save.param(p + "description", "支援" + g + "-" + a)
                        .param(p + "agencyId", agency.toString())
                        .param(p + "dueDate", "2027-01-1" + a);
            }
        }
        mvc.perform(save).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("""
                        select count(*) from support_plan_action a join support_plan p on p.id = a.plan_id
                        where p.case_id = ? and p.status = 'DRAFT'
                        """).param(kase).query(Long.class).single()).isEqualTo(20);
        mvc.perform(get("/cases/" + kase + "/plan")).andExpect(status().isOk());
    }
}
