package org.marugoto.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@MarugotoTest
class CaseworkControllerTests {

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

    UUID conferenceOf(UUID caseId, String kind) {
        return jdbc.sql("select id from case_conference where case_id = ? and kind = ? order by scheduled_at limit 1")
                .params(caseId, kind)
                .query(UUID.class)
                .single();
    }

    @Test
    @WithUserDetails("coordinator")
    void theCoordinatorsPagesShowTheDemoCases() throws Exception {
        mvc.perform(get("/cases"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("期限を過ぎたもの")))
                .andExpect(content().string(containsString("ケアプラン作成とデイサービスの調整")));
        UUID sasaki = caseOf("佐々木家");
        mvc.perform(get("/cases/" + sasaki))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("支援中")))
                .andExpect(content().string(containsString("母と二人で、この家で安心して暮らし続けたい。")))
                .andExpect(content().string(containsString("就労準備支援の初回")));
        mvc.perform(get("/cases/" + sasaki + "/assessments"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("第2版")));
        mvc.perform(get("/cases/" + sasaki + "/assessment")).andExpect(status().isOk());
        mvc.perform(get("/cases/" + sasaki + "/plan")).andExpect(status().isOk());
        mvc.perform(get("/cases/" + sasaki + "/close")).andExpect(status().isOk());
        mvc.perform(get("/cases/" + sasaki + "/conferences/new?kind=SHIEN")).andExpect(status().isOk());
        mvc.perform(get("/conferences/" + conferenceOf(sasaki, "JUSHO")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("少しずつなら")));
        mvc.perform(get("/cases/" + caseOf("月岡家")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("民生委員が月1回訪問")));
    }

    @Test
    @WithUserDetails("coordinator2")
    void everyMunicipalCoordinatorOpensTheCaseWithItsHousehold() throws Exception {
        mvc.perform(get("/cases/" + caseOf("佐々木家")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("佐々木")));
    }

    @Test
    @WithUserDetails("caseworker")
    void aTeamMemberOutsideA支援会議SeesThatItExistsButNotWhatItShared() throws Exception {
        UUID saito = caseOf("齋藤家");
        mvc.perform(get("/cases/" + caseOf("佐々木家"))).andExpect(status().isOk());
        mvc.perform(get("/cases/" + saito)).andExpect(status().isForbidden());
        UUID watanabe = caseOf("渡邉家");
        mvc.perform(get("/conferences/" + conferenceOf(watanabe, "SHIEN"))).andExpect(status().isForbidden());
    }

    @Test
    @WithUserDetails("caseworker3")
    void a支援会議MemberReadsItsMinutes() throws Exception {
        UUID watanabe = caseOf("渡邉家");
        mvc.perform(get("/conferences/" + conferenceOf(watanabe, "SHIEN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("長女の欠席が月8日")));
    }

    @Test
    @WithUserDetails("coordinator")
    void thePlansPersonIsChosenInThePlanAndPrintedAsItsPerson() throws Exception {
        UUID kase = caseOf("佐々木家");
        // a case person who is not the household's SELF: before, the form printed the SELF member as 本人 always
        UUID chosen = jdbc.sql("""
                        select p.person_id from support_case_person p
                        join household_member m on m.person_id = p.person_id and m.member_to is null
                        where p.case_id = ? and m.relationship <> 'SELF' limit 1
                        """).param(kase).query(UUID.class).single();
        String givenName = jdbc.sql("select given_name from person where id = ?")
                .param(chosen)
                .query(String.class)
                .single();
        mvc.perform(get("/cases/" + kase + "/plan"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"personId\"")));
        Integer draftVersion = jdbc.sql("select version from support_plan where case_id = ? and status = 'DRAFT'")
                .param(kase)
                .query(Integer.class)
                .optional()
                .orElse(null);
        var save = post("/cases/" + kase + "/plan")
                .with(csrf())
                .param("personId", chosen.toString())
                .param("aim", "自分のペースで働きたい")
                .param("periodFrom", java.time.LocalDate.now().toString())
                .param("periodTo", java.time.LocalDate.now().plusMonths(6).toString())
                .param("reviewDate", java.time.LocalDate.now().plusMonths(3).toString())
                .param("goals[0].issue", "仕事")
                .param("goals[0].goal", "週2日働く");
        if (draftVersion != null) {
            save.param("draftVersion", draftVersion.toString());
        }
        mvc.perform(save).andExpect(status().is3xxRedirection());
        UUID plan = jdbc.sql("select id from support_plan where case_id = ? and status = 'DRAFT'")
                .param(kase)
                .query(UUID.class)
                .single();
        assertThat(jdbc.sql("select person_id from support_plan where id = ?")
                        .param(plan)
                        .query(UUID.class)
                        .single())
                .isEqualTo(chosen);
        MvcResult result = mvc.perform(get("/plans/" + plan + "/pdf"))
                .andExpect(status().isOk())
                .andReturn();
        try (var document =
                org.apache.pdfbox.Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            String selfLine = text.lines()
                    .filter(line -> line.contains("本人氏名"))
                    .findFirst()
                    .orElseThrow();
            assertThat(selfLine).contains(givenName);
        }
    }

    @Test
    @WithUserDetails("coordinator")
    void theAgreedPlanPrintsAsAFormWithJapaneseText() throws Exception {
        UUID plan = jdbc.sql("select id from support_plan where case_id = ? and status = 'AGREED'")
                .param(caseOf("佐々木家"))
                .query(UUID.class)
                .single();
        MvcResult result = mvc.perform(get("/plans/" + plan + "/pdf"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andReturn();
        try (var document =
                org.apache.pdfbox.Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("プラン兼事業等利用申込書")
                    .contains("佐々木")
                    .contains("母と二人で、この家で安心して暮らし続けたい。")
                    .contains("家計相談と滞納の分納の調整")
                    .contains("本人署名");
        }
        assertThat(jdbc.sql("select count(*) from audit_event where record_id = ? and action = 'EXPORT'")
                        .param(caseOf("佐々木家"))
                        .query(Integer.class)
                        .single())
                .isPositive();
    }

    @Test
    @WithUserDetails("caseworker5")
    void a支援会議RecordPrintsOnlyForItsMembers() throws Exception {
        UUID shien = conferenceOf(caseOf("渡邉家"), "SHIEN");
        MvcResult result = mvc.perform(get("/conferences/" + shien + "/pdf"))
                .andExpect(status().isOk())
                .andReturn();
        try (var document =
                org.apache.pdfbox.Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains("守秘義務")
                    .contains("長女の欠席が月8日");
        }
        // a member from another agency, outside the case team: the meeting page, without the case
        mvc.perform(get("/conferences/" + shien))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("長女の欠席が月8日")));
        mvc.perform(get("/cases/" + caseOf("渡邉家"))).andExpect(status().isForbidden());
    }

    @Test
    @WithUserDetails("caseworker")
    void aNonMemberCannotPrintA支援会議Record() throws Exception {
        mvc.perform(get("/conferences/" + conferenceOf(caseOf("渡邉家"), "SHIEN") + "/pdf"))
                .andExpect(status().isForbidden());
    }

    @Test
    @WithUserDetails("caseworker")
    void badPlanInputShowsMessagesAndSavesNothing() throws Exception {
        UUID sasaki = caseOf("佐々木家");
        long before = jdbc.sql("select count(*) from support_plan where case_id = ?")
                .param(sasaki)
                .query(Long.class)
                .single();
        mvc.perform(post("/cases/" + sasaki + "/plan")
                        .with(csrf())
                        .param("aim", "")
                        .param("periodFrom", "平成32年1月1日")
                        .param("periodTo", "2027-01-01")
                        .param("reviewDate", "2026-12-01")
                        .param("goals[0].issue", "課題")
                        .param("goals[0].goal", "目標")
                        .param("goals[0].actions[0].description", "支援")
                        .param("goals[0].actions[0].dueDate", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("その元号にその年はありません")))
                .andExpect(content().string(containsString("支援内容の担当機関を選んでください。")))
                .andExpect(content().string(not(containsString("案を保存しました"))));
        assertThat(jdbc.sql("select count(*) from support_plan where case_id = ?")
                        .param(sasaki)
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    @WithUserDetails("coordinator")
    void anIllegalStatusChangeIsRefusedWithAMessage() throws Exception {
        UUID sasaki = caseOf("佐々木家");
        int version = jdbc.sql("select version from support_case where id = ?")
                .param(sasaki)
                .query(Integer.class)
                .single();
        mvc.perform(post("/cases/" + sasaki + "/status")
                        .with(csrf())
                        .param("version", String.valueOf(version))
                        .param("to", "ASSESSMENT"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status from support_case where id = ?")
                        .param(sasaki)
                        .query(String.class)
                        .single())
                .isEqualTo("SUPPORT");
    }

    @Test
    @WithUserDetails("coordinator")
    void anUnknownCaseActionHasNoHandler() throws Exception {
        mvc.perform(post("/cases/" + caseOf("佐々木家") + "/archive").with(csrf()).param("version", "0"))
                .andExpect(status().isNotFound());
    }

    @Test
    @WithUserDetails("coordinator")
    void theCaseTimelineShowsDatesAndTimesNotRawInstants() throws Exception {
        String ja = mvc.perform(get("/cases/" + caseOf("佐々木家")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the timelines (progress and history), not the form's datetime-local input whose value is ISO
        ja = ja.substring(ja.indexOf("id=\"progress-list\""));
        org.assertj.core.api.Assertions.assertThat(ja)
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}")
                .containsPattern("令和\\d+年\\d+月\\d+日 \\d{2}:\\d{2}")
                // one form of a date, not 和暦 and ISO side by side
                .doesNotContainPattern("日（\\d{4}-\\d{2}-\\d{2}）");
        String en = mvc.perform(get("/cases/" + caseOf("佐々木家")).param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        en = en.substring(en.indexOf("id=\"progress-list\""));
        org.assertj.core.api.Assertions.assertThat(en)
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}")
                .containsPattern("\\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}");
    }

    @Test
    @WithUserDetails("coordinator")
    void aCaseWithAnOriginThatDoesNotExistGetsAMessageNotA500() throws Exception {
        UUID household = jdbc.sql("select id from household where name = '佐々木家' limit 1")
                .query(UUID.class)
                .single();
        UUID lead = jdbc.sql("select id from staff_account where username = 'coordinator'")
                .query(UUID.class)
                .single();
        long before =
                jdbc.sql("select count(*) from support_case").query(Long.class).single();
        mvc.perform(post("/cases/new")
                        .with(csrf())
                        .param("householdId", household.toString())
                        .param("leadAccountId", lead.toString())
                        .param("origin", "NO_SUCH_ORIGIN")
                        .param("summary", "由来の不正な開始"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("相談の始まり（開始のきっかけ）を選び直してください。")));
        assertThat(jdbc.sql("select count(*) from support_case")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }
}
