package org.marugoto.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.planning.domain.AreaPlanService;
import org.marugoto.planning.domain.PlanService;
import org.marugoto.planning.domain.PlanService.HeadingKind;
import org.marugoto.planning.domain.ProgressService;
import org.marugoto.shared.CurrentActor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The plan's pages as the planner, a department's member, other staff and a resident see them: who may open what,
 * the charts with their tables, the progress form with its criteria and errors, the reports as PDF and Excel, the
 * import's preview and save, a closed year refusing changes with a message, and the public pages without a session.
 */
@MarugotoTest
class PlanningControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    PlanService plans;

    @Autowired
    ProgressService progress;

    @Autowired
    JdbcClient jdbc;

    UserDetails as(String username) {
        return users.loadUserByUsername(username);
    }

    PlanService.Plan demo() {
        return plans.plans().stream()
                .filter(p -> p.name().contains("美月野市地域福祉計画"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void thePlannerSeesTheOverviewMeasuresAndIndicatorsWithCharts() throws Exception {
        PlanService.Plan plan = demo();
        mvc.perform(get("/planning").with(user(as("planner"))))
                .andExpect(redirectedUrl("/planning/plans/" + plan.id()));
        mvc.perform(get("/planning/plans/" + plan.id()).with(user(as("planner"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(plan.basicGoal())))
                .andExpect(content().string(containsString("ネットワーク化")));
        PlanService.Heading theme = plans.headings(plan.id(), HeadingKind.THEME).get(1);
        String list = mvc.perform(get("/planning/plans/" + plan.id() + "/measures")
                        .param("theme", theme.id().toString())
                        .with(user(as("planner"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains("認知症サポーター養成講座").doesNotContain("子ども食堂の立ち上げ");
        mvc.perform(get("/planning/plans/" + plan.id() + "/indicators").with(user(as("planner"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString("role=\"img\"")))
                .andExpect(content().string(containsString("記録から集計：受け付けた相談")));
        mvc.perform(get("/planning/plans/" + plan.id() + "/areas").with(user(as("planner"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("北部圏域 地域福祉活動計画")));
        // not a planner, not a department member: refused
        mvc.perform(get("/planning/plans/" + plan.id()).with(user(as("caseworker"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/planning").with(user(as("caseworker")))).andExpect(status().isForbidden());
    }

    @Test
    void aDepartmentMemberEntersProgressWithTheCriteriaShownAndErrorsAtTheField() throws Exception {
        PlanService.Plan plan = demo();
        ProgressService.Year open = progress.year(plan.id(), 2026).orElseThrow();
        PlanService.Measure own = plans.search(new PlanService.Criteria(
                        plan.id(),
                        null,
                        null,
                        plans.departmentByName("生活自立支援課").orElseThrow().id(),
                        null,
                        false))
                .get(0);
        PlanService.Measure other = plans.search(new PlanService.Criteria(
                        plan.id(),
                        null,
                        null,
                        plans.departmentByName("こども家庭課").orElseThrow().id(),
                        null,
                        false))
                .get(0);
        mvc.perform(get("/planning").with(user(as("caseworker6")))).andExpect(redirectedUrl("/planning/progress"));
        mvc.perform(get("/planning/progress").with(user(as("caseworker6"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(own.name())))
                .andExpect(content().string(not(containsString(other.name()))));
        String form = "/planning/years/" + open.id() + "/measures/" + own.id();
        mvc.perform(get(form).with(user(as("caseworker6"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("計画以上に進んだ")))
                .andExpect(content().string(containsString("大きく遅れている・実施できなかった")));
        int version = progress.progress(open.id(), own.id())
                .map(ProgressService.Progress::version)
                .orElse(-1);
        // no result: shown again with the message at the field, nothing saved
        mvc.perform(post(form)
                        .with(user(as("caseworker6")))
                        .with(csrf())
                        .param("version", "" + version)
                        .param("result", "")
                        .param("evaluation", "B"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("実績を入力してください。")));
        mvc.perform(post(form)
                        .with(user(as("caseworker6")))
                        .with(csrf())
                        .param("version", "" + version)
                        .param("result", "相談支援員を1名増員した。")
                        .param("evaluation", "A")
                        .param("issues", "")
                        .param("nextDirection", "出張相談を増やす"))
                .andExpect(redirectedUrl("/planning/progress"));
        assertThat(progress.progress(open.id(), own.id()).orElseThrow().result())
                .isEqualTo("相談支援員を1名増員した。");
        // the same form again (stale): the newer entry is shown with the stale-edit message
        mvc.perform(post(form)
                        .with(user(as("caseworker6")))
                        .with(csrf())
                        .param("version", "" + version)
                        .param("result", "古い版")
                        .param("evaluation", "D"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("他の人がこの記録を更新しました")));
        assertThat(progress.progress(open.id(), own.id()).orElseThrow().result())
                .isEqualTo("相談支援員を1名増員した。");
        // another department's measure
        mvc.perform(get("/planning/years/" + open.id() + "/measures/" + other.id())
                        .with(user(as("caseworker6"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/planning/years/" + open.id() + "/measures/" + other.id())
                        .with(user(as("caseworker6")))
                        .with(csrf())
                        .param("version", "-1")
                        .param("result", "x")
                        .param("evaluation", "A"))
                .andExpect(status().isForbidden());
        // the planner's year page is not theirs
        mvc.perform(get("/planning/years/" + open.id()).with(user(as("caseworker6"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void theClosedYearsReportDownloadsAsPdfAndExcelAndRefusesChanges() throws Exception {
        PlanService.Plan plan = demo();
        ProgressService.Year closed = progress.year(plan.id(), 2025).orElseThrow();
        MvcResult pdf = mvc.perform(
                        get("/planning/years/" + closed.id() + "/report.pdf").with(user(as("planner"))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn();
        try (PDDocument document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            assertThat(document.getPage(0).getMediaBox().getWidth()).isBetween(594f, 596f);
            String text = new PDFTextStripper().getText(document).replace(" ", "");
            assertThat(text).contains("2025年度進捗状況報告書").contains("地域見守り活動支援事業").contains("推進協議会");
        }
        MvcResult xlsx = mvc.perform(
                        get("/planning/years/" + closed.id() + "/report.xlsx").with(user(as("planner"))))
                .andExpect(status().isOk())
                .andReturn();
        try (XSSFWorkbook workbook =
                new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            assertThat(workbook.getSheet("施策の進捗").getRow(4).getCell(1).getStringCellValue())
                    .isEqualTo("地域見守り活動支援事業");
            assertThat(workbook.getSheet("指標").getPhysicalNumberOfRows()).isEqualTo(17);
        }
        mvc.perform(get("/planning/years/" + closed.id() + "/report.pdf").with(user(as("caseworker"))))
                .andExpect(status().isForbidden());
        // frozen: the comment and a figure are refused with a message, nothing changes
        mvc.perform(post("/planning/years/" + closed.id() + "/comment")
                        .with(user(as("planner")))
                        .with(csrf())
                        .param("version", "" + closed.version())
                        .param("comment", "締切後の変更"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("この年度は締め切られているため、変更できません。")));
        assertThat(progress.year(closed.id()).committeeComment()).doesNotContain("締切後の変更");
        mvc.perform(get("/planning/years/" + closed.id()).with(user(as("planner"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("この年度は締め切られています。")))
                .andExpect(content().string(not(containsString("id=\"close-year\""))));
    }

    @Test
    void thePlannerRemindsTheDepartmentsThatHaveNotEntered() throws Exception {
        PlanService.Plan plan = demo();
        ProgressService.Year open = progress.year(plan.id(), 2026).orElseThrow();
        mvc.perform(get("/planning/years/" + open.id()).with(user(as("planner"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("未入力あり")))
                .andExpect(content().string(containsString("caseworker5")));
        mvc.perform(post("/planning/years/" + open.id() + "/remind")
                        .with(user(as("planner")))
                        .with(csrf()))
                .andExpect(redirectedUrl("/planning/years/" + open.id()))
                .andExpect(flash().attributeExists("reminded"));
        // the reminder reaches the department's home page as an urgent item
        mvc.perform(get("/").with(user(as("caseworker5"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("plan-progress-to-enter")))
                .andExpect(content().string(containsString("督促あり")));
        // the item's detail is translated: the fiscal year reads "FY2026" in English
        mvc.perform(get("/").param("lang", "en").with(user(as("caseworker5"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("FY2026")))
                .andExpect(content().string(not(containsString("2026年度"))));
        mvc.perform(get("/").param("lang", "en").with(user(as("planner"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("FY2026: ")));
    }

    @Test
    void anImportIsPreviewedWithRowErrorsAndSavedOnlyWhenClean() throws Exception {
        CurrentActor.actAs(as("planner"));
        UUID plan = plans.createPlan("取り込みテスト計画", 2014, 2016, "目標", null);
        plans.addHeading(plan, HeadingKind.THEME, 1, "見守り");
        plans.addHeading(plan, HeadingKind.SERVICE_TYPE, 1, "人材育成");
        SecurityContextHolder.clearContext();
        String header = "番号,施策名,内容,施策の方向性,テーマ,サービス類型,所管課,実施主体,重点施策\n";
        String bad = header + "1,見守り,内容,,1,1,テスト課,市,\n2,研修,内容,,7,1,テスト課,市,\n";
        String preview = mvc.perform(multipart("/planning/plans/" + plan + "/import")
                        .file(new MockMultipartFile("file", "m.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                        .with(user(as("planner")))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(preview)
                .contains("誤りが1件あるため取り込めません。")
                .contains("「7」はこの計画にない番号です。")
                .doesNotContain("id=\"save-import\"");
        assertThat(plans.measureCount(plan)).isZero();
        String good = header + "1,見守り,内容,,1,1,テスト課,市,\n2,研修,内容,,1,1,テスト課,市,○\n";
        String checked = mvc.perform(multipart("/planning/plans/" + plan + "/import")
                        .file(new MockMultipartFile("file", "m.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8)))
                        .with(user(as("planner")))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(checked).contains("新規 2件・変更 0件・変更なし 0件").contains("id=\"save-import\"");
        // the preview carries the file itself to the save button
        assertThat(checked)
                .contains("value=\""
                        + java.util.Base64.getEncoder().encodeToString(good.getBytes(StandardCharsets.UTF_8)) + "\"");
        mvc.perform(post("/planning/plans/" + plan + "/import/save")
                        .with(user(as("planner")))
                        .with(csrf())
                        .param("filename", "m.csv")
                        .param(
                                "content",
                                java.util.Base64.getEncoder().encodeToString(good.getBytes(StandardCharsets.UTF_8))))
                .andExpect(redirectedUrl("/planning/plans/" + plan + "/measures"))
                .andExpect(flash().attribute("importedNew", 2L));
        assertThat(plans.measureCount(plan)).isEqualTo(2);
        mvc.perform(get("/planning/plans/" + plan + "/import").with(user(as("caseworker"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void thePlannerMakesAStaffMemberADepartmentMemberAndRemovesThem() throws Exception {
        PlanService.Department disability = plans.departmentByName("障害者支援課").orElseThrow();
        mvc.perform(get("/planning/progress").with(user(as("caseworker4")))).andExpect(status().isForbidden());
        mvc.perform(post("/planning/departments/" + disability.id() + "/members")
                        .with(user(as("planner")))
                        .with(csrf())
                        .param("username", "caseworker4"))
                .andExpect(flash().attributeExists("added"));
        mvc.perform(get("/planning/progress").with(user(as("caseworker4"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ひきこもり地域支援センターの運営")));
        mvc.perform(get("/planning/departments").with(user(as("planner"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("caseworker4")));
        mvc.perform(post("/planning/departments/" + disability.id() + "/members")
                        .with(user(as("planner")))
                        .with(csrf())
                        .param("username", "no-such-user"))
                .andExpect(flash().attribute("actionError", "planning.department.noSuchUser"));
        UUID account = ((org.marugoto.shared.Actor) as("caseworker4")).accountId();
        mvc.perform(post("/planning/departments/" + disability.id() + "/members/remove")
                        .with(user(as("planner")))
                        .with(csrf())
                        .param("accountId", account.toString()))
                .andExpect(flash().attributeExists("removed"));
        mvc.perform(get("/planning/progress").with(user(as("caseworker4")))).andExpect(status().isForbidden());
        mvc.perform(post("/planning/departments/" + disability.id() + "/members")
                        .with(user(as("caseworker4")))
                        .with(csrf())
                        .param("username", "caseworker4"))
                .andExpect(status().isForbidden());
    }

    @Test
    void residentsSearchThePublicPlanWithoutASession() throws Exception {
        PlanService.Plan plan = demo();
        PlanService.Heading theme = plans.headings(plan.id(), HeadingKind.THEME).get(3);
        MvcResult home = mvc.perform(get("/public/plan"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(plan.basicGoal())))
                .andReturn();
        assertThat(home.getRequest().getSession(false)).isNull();
        mvc.perform(get("/public/plan/measures").param("theme", theme.id().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("子ども食堂の立ち上げ・運営支援")))
                .andExpect(content().string(not(containsString("認知症サポーター養成講座"))));
        mvc.perform(get("/public/plan/measures").param("q", "ヤングケアラー"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ヤングケアラー支援事業")));
        mvc.perform(get("/public/plan/indicators"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg")));
        String north = jdbc.sql("select id::text from area where code = 'N1'")
                .query(String.class)
                .single();
        mvc.perform(get("/public/plan/areas").param("area", north))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ひとり暮らし高齢者の見守り体制づくり")))
                .andExpect(content().string(not(containsString("駅前の商店街と連携した見守り"))));
        ProgressService.Year closed = progress.year(plan.id(), 2025).orElseThrow();
        ProgressService.Year open = progress.year(plan.id(), 2026).orElseThrow();
        mvc.perform(get("/public/plan/years/" + closed.id())).andExpect(status().isOk());
        // an open year's entries are drafts: not published
        mvc.perform(get("/public/plan/years/" + open.id())).andExpect(status().isNotFound());
        mvc.perform(get("/public/plan/measures/" + UUID.randomUUID())).andExpect(status().isNotFound());
    }

    @Test
    void thePlannerEditsAMeasureOnItsFormWithErrorsAtTheFieldAndAStaleFormRefused() throws Exception {
        PlanService.Plan plan = demo();
        plans.saveMeasure(
                plan.id(),
                new PlanService.MeasureDraft(
                        "CT-1",
                        "画面で編集する施策",
                        "内容",
                        1,
                        java.util.List.of(2),
                        java.util.List.of(1),
                        java.util.List.of("地域福祉推進課"),
                        java.util.List.of(),
                        false));
        PlanService.Measure measure = plans.measureByNumber(plan.id(), "CT-1").orElseThrow();
        String url = "/planning/measures/" + measure.id() + "/edit";
        mvc.perform(get(url).with(user(as("planner"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"measure-form\"")))
                .andExpect(content().string(containsString(measure.name())));
        mvc.perform(get(url).with(user(as("caseworker5")))).andExpect(status().isForbidden());
        // a blank name comes back at its field, nothing changed
        mvc.perform(post(url)
                        .with(user(as("planner")))
                        .with(csrf())
                        .param("version", "" + measure.version())
                        .param("name", "")
                        .param("departments", "地域福祉推進課"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name-error")));
        assertThat(plans.measure(measure.id()).name()).isEqualTo(measure.name());
        // a stale version shows the newer measure with the message
        mvc.perform(post(url)
                        .with(user(as("planner")))
                        .with(csrf())
                        .param("version", "" + (measure.version() - 1))
                        .param("name", "古い画面からの変更")
                        .param("departments", "地域福祉推進課"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"stale\"")));
        assertThat(plans.measure(measure.id()).name()).isEqualTo(measure.name());
        mvc.perform(post(url)
                        .with(user(as("planner")))
                        .with(csrf())
                        .param("version", "" + measure.version())
                        .param("name", measure.name() + "（改）")
                        .param("content", measure.content())
                        .param("departments", measure.departmentNames())
                        .param("themes", "1")
                        .param("actors", "SHAKYO")
                        .param("priority", "true"))
                .andExpect(redirectedUrl("/planning/measures/" + measure.id()))
                .andExpect(flash().attribute("measureSaved", true));
        PlanService.Measure after = plans.measure(measure.id());
        assertThat(after.name()).endsWith("（改）");
        assertThat(after.priority()).isTrue();
        assertThat(after.actors()).containsExactly(PlanService.MeasureActor.SHAKYO);
    }

    @Test
    void thePlannerEditsAnIndicatorsTargetsAndABadNumberIsRefusedAtTheField() throws Exception {
        PlanService.Plan plan = demo();
        org.marugoto.planning.domain.IndicatorService.Indicator indicator = indicators.indicators(plan.id()).stream()
                .filter(i -> i.code().equals("12"))
                .findFirst()
                .orElseThrow();
        String url = "/planning/indicators/" + indicator.id() + "/edit";
        mvc.perform(get(url).with(user(as("planner"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"indicator-form\"")));
        int version = jdbc.sql("select version from plan_indicator where id = ?")
                .param(indicator.id())
                .query(Integer.class)
                .single();
        mvc.perform(post(url)
                        .with(user(as("planner")))
                        .with(csrf())
                        .param("version", "" + version)
                        .param("name", indicator.name())
                        .param("unit", indicator.unit())
                        .param("baselineYear", "" + indicator.baselineYear())
                        .param("baselineValue", "41")
                        .param("targets[0]", "abc"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("の目標は0以上の数で入力してください。")));
        mvc.perform(post(url)
                        .with(user(as("planner")))
                        .with(csrf())
                        .param("version", "" + version)
                        .param("name", indicator.name())
                        .param("definition", indicator.definition())
                        .param("unit", indicator.unit())
                        .param("baselineYear", "" + indicator.baselineYear())
                        .param("baselineValue", "41")
                        .param("targets[0]", plain(indicator, plan.firstYear()))
                        .param("targets[1]", plain(indicator, plan.firstYear() + 1))
                        .param("targets[2]", plain(indicator, plan.firstYear() + 2))
                        .param("targets[3]", plain(indicator, plan.firstYear() + 3))
                        .param("targets[4]", "62"))
                .andExpect(status().is3xxRedirection());
        assertThat(indicators.indicator(indicator.id()).targets())
                .containsEntry(plan.firstYear(), indicator.targets().get(plan.firstYear()))
                .hasSize(5);
        assertThat(indicators.indicator(indicator.id()).targets().get(plan.firstYear() + 4))
                .isEqualByComparingTo("62");
    }

    @Autowired
    org.marugoto.planning.domain.IndicatorService indicators;

    static String plain(org.marugoto.planning.domain.IndicatorService.Indicator indicator, int year) {
        java.math.BigDecimal t = indicator.targets().get(year);
        return t == null ? "" : t.stripTrailingZeros().toPlainString();
    }

    @Test
    void thePlannerCreatesAWardPlanAndAPriorityItemAndASecondSubmitAddsNothing() throws Exception {
        PlanService.Plan plan = demo();
        org.marugoto.area.AreaView west = areaApi.findByCode("W").orElseThrow();
        org.marugoto.area.AreaView district = areaApi.findByCode("W1-1").orElseThrow();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/planning/plans/" + plan.id() + "/areas")
                            .with(user(as("planner")))
                            .with(csrf())
                            .param("areaId", west.id().toString())
                            .param("name", "西部圏域 地域福祉活動計画")
                            .param("body", "西部圏域地域福祉推進協議会"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("saved", true));
        }
        List<AreaPlanService.AreaPlan> found = areaPlanService.areaPlans(plan.id(), west.id()).stream()
                .filter(ap -> ap.name().equals("西部圏域 地域福祉活動計画"))
                .toList();
        assertThat(found).hasSize(1);
        UUID areaPlan = found.getFirst().id();
        mvc.perform(post("/planning/area-plans/" + areaPlan + "/items")
                        .with(user(as("planner")))
                        .with(csrf())
                        .param("districtId", district.id().toString())
                        .param("title", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("actionError", "planning.area.itemInvalid"));
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/planning/area-plans/" + areaPlan + "/items")
                            .with(user(as("planner")))
                            .with(csrf())
                            .param("districtId", district.id().toString())
                            .param("title", "買い物に困る高齢者の見守り")
                            .param("actions", "移動販売の日に声かけ"))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(areaPlanService.areaPlans(plan.id(), west.id()).stream()
                        .filter(ap -> ap.id().equals(areaPlan))
                        .findFirst()
                        .orElseThrow()
                        .items())
                .extracting(AreaPlanService.Item::title)
                .containsExactly("買い物に困る高齢者の見守り");
        mvc.perform(get("/planning/plans/" + plan.id() + "/areas").with(user(as("planner"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("買い物に困る高齢者の見守り")));
        mvc.perform(post("/planning/plans/" + plan.id() + "/areas")
                        .with(user(as("caseworker5")))
                        .with(csrf())
                        .param("areaId", west.id().toString())
                        .param("name", "x"))
                .andExpect(status().isForbidden());
    }

    @Autowired
    org.marugoto.area.AreaApi areaApi;

    @Autowired
    AreaPlanService areaPlanService;
}
