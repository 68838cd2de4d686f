package org.marugoto.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.area.AreaApi;
import org.marugoto.consultation.ConsultationApi;
import org.marugoto.consultation.domain.ConsultationService;
import org.marugoto.people.PeopleApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The statistics page, its CSV and Excel downloads (the same figures as the page), who may use them, that each use
 * is audited, and the open data without login (small counts suppressed, no person).
 */
@MarugotoTest
class StatisticsControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    PeopleApi people;

    @Autowired
    ConsultationService consultations;

    @Autowired
    ConsultationApi consultationApi;

    @Autowired
    AreaApi areas;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void record() {
        StatisticsFixtures.record(users, people, consultations, areas);
        SecurityContextHolder.clearContext();
    }

    UserDetails as(String username) {
        return users.loadUserByUsername(username);
    }

    long audited(String action) {
        return jdbc.sql("select count(*) from audit_event where record_type = 'statistics' and action = ?")
                .param(action)
                .query(Long.class)
                .single();
    }

    String care() {
        return consultationApi.issueCodesByCode().get("CARE").nameJa();
    }

    @Test
    void theCoordinatorSeesEveryReportAsATableWithAChartAndTheLookIsAudited() throws Exception {
        long before = audited("READ");
        String page = mvc.perform(get("/statistics")
                        .param("period", StatisticsFixtures.PERIOD)
                        .param("scope", "city")
                        .with(user(as("coordinator"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("平成22年6月（2010年6月）")))
                .andExpect(content().string(containsString("id=\"table-consultations-issue\"")))
                .andExpect(content().string(containsString("<title id=\"chart-consultations-issue-title\">")))
                .andExpect(content().string(containsString("role=\"img\"")))
                .andExpect(content().string(containsString("/statistics/report.csv?report=consultations-issue")))
                .andExpect(content().string(containsString("/statistics/report.xlsx?report=referrals")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(care()).contains("重層的支援会議").contains("相談のあった世帯");
        // no person: none of the fixture's names or addresses
        assertThat(page).doesNotContain("統計 花子").doesNotContain("南台1-2-");
        assertThat(audited("READ")).isEqualTo(before + 1);
    }

    @Test
    void theCsvHasABomJapaneseHeadersAndTheSameFiguresAsThePage() throws Exception {
        long before = audited("EXPORT");
        MvcResult result = mvc.perform(get("/statistics/report.csv")
                        .param("report", "consultations-channel")
                        .param("period", StatisticsFixtures.PERIOD)
                        .with(user(as("planner"))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string(
                                "Content-Disposition",
                                containsString("statistics-consultations-channel-M2010-06-city.csv")))
                .andReturn();
        byte[] bytes = result.getResponse().getContentAsByteArray();
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("\uFEFF\"相談経路\",\"相談件数\"\r\n\"来所\",\"6\"\r\n\"電話\",\"1\"\r\n");
        assertThat(audited("EXPORT")).isEqualTo(before + 1);
        // by area, the small counts are the same marker as on the page
        String s1 = "area:" + areas.findByCode("S1").orElseThrow().id();
        String area = mvc.perform(get("/statistics/report.csv")
                        .param("report", "consultations-channel")
                        .param("period", StatisticsFixtures.PERIOD)
                        .param("scope", s1)
                        .with(user(as("planner"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(area).contains("\"来所\",\"6\"").contains("\"電話\",\"5未満\"");
        String page = mvc.perform(get("/statistics")
                        .param("period", StatisticsFixtures.PERIOD)
                        .param("scope", s1)
                        .with(user(as("planner"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("5未満");
    }

    @Test
    void theExcelFileOpensWithPoiAndHasTheSameNumbers() throws Exception {
        byte[] xlsx = mvc.perform(get("/statistics/report.xlsx")
                        .param("report", "consultations-issue")
                        .param("period", StatisticsFixtures.PERIOD)
                        .with(user(as("supervisor"))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("spreadsheetml.sheet")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("相談の分類別件数");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
                    .contains("平成22年6月")
                    .contains("市全体");
            Row header = sheet.getRow(3);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("相談の分類");
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("相談件数");
            List<String> rows = new ArrayList<>();
            for (int r = 4; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Cell count = row.getCell(1);
                assertThat(count.getCellType()).isEqualTo(CellType.NUMERIC);
                rows.add(row.getCell(0).getStringCellValue() + "=" + Math.round(count.getNumericCellValue()));
            }
            assertThat(rows)
                    .containsExactly(
                            care() + "=6",
                            consultationApi.issueCodesByCode().get("HEALTH").nameJa() + "=1",
                            consultationApi.issueCodesByCode().get("INCOME").nameJa() + "=1");
        }
    }

    @Test
    void onlyCoordinatorsSupervisorsAndPlannersUseTheStatistics() throws Exception {
        mvc.perform(get("/statistics").with(user(as("caseworker")))).andExpect(status().isForbidden());
        mvc.perform(get("/statistics/report.csv").with(user(as("minsei")))).andExpect(status().isForbidden());
        mvc.perform(get("/statistics")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/statistics").with(user(as("supervisor")))).andExpect(status().isOk());
        // a supervisor may not choose another agency
        String other = jdbc.sql("select id::text from agency where code = 'JIRITSU'")
                .query(String.class)
                .single();
        mvc.perform(get("/statistics").param("scope", "agency:" + other).with(user(as("supervisor"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/statistics").param("scope", "agency:" + other).with(user(as("coordinator"))))
                .andExpect(status().isOk());
        // a report that does not exist; nonsense in the period falls back to this fiscal year
        mvc.perform(get("/statistics/report.csv").param("report", "nothing").with(user(as("coordinator"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/statistics").param("period", "<script>").with(user(as("coordinator"))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<script>"))));
    }

    @Test
    void theYearlyReportIsAWorkbookAndAPdfPerProjectCountedFromTheRecords() throws Exception {
        long before = audited("EXPORT");
        byte[] xlsx = mvc.perform(get("/statistics/yearly.xlsx")
                        .param("period", StatisticsFixtures.PERIOD)
                        .with(user(as("coordinator"))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("yearly-report-FY2010.xlsx")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        java.util.Map<String, String> figures = new java.util.LinkedHashMap<>();
        List<String> projects = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("平成22年度（2010年度） 重層的支援体制整備事業 実績報告");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue())
                    .contains("平成22年4月1日")
                    .contains("2011-03-31");
            for (int r = 6; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String project = row.getCell(0).getStringCellValue();
                if (!projects.contains(project)) {
                    projects.add(project);
                }
                Cell figure = row.getCell(2);
                figures.put(
                        row.getCell(1).getStringCellValue(),
                        figure.getCellType() == CellType.NUMERIC
                                ? Double.toString(figure.getNumericCellValue())
                                : figure.getStringCellValue());
            }
        }
        assertThat(projects).containsExactly("包括的相談支援事業", "多機関協働事業", "アウトリーチ等を通じた継続的支援事業", "参加支援事業", "地域づくり事業");
        // FY2010 holds only the fixture's seven consultations about six households (one with several issues)
        assertThat(figures)
                .containsEntry("相談受付件数", "7.0")
                .containsEntry("　うち来所", "6.0")
                .containsEntry("相談のあった世帯", "6.0")
                .containsEntry("　うち複数の課題を抱える世帯", "1.0")
                .containsEntry("　複数の課題を抱える世帯の割合（％）", "16.7");
        MvcResult pdf = mvc.perform(
                        get("/statistics/yearly.pdf").param("period", "FY2010").with(user(as("planner"))))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andReturn();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("平成22年度（2010年度）")
                    .contains("包括的相談支援事業")
                    .contains("地域づくり事業")
                    .contains("相談受付件数");
        }
        assertThat(audited("EXPORT")).isEqualTo(before + 2);
        mvc.perform(get("/statistics/yearly.pdf").with(user(as("caseworker")))).andExpect(status().isForbidden());
    }

    @Test
    void theCoordinatorAndTheSupervisorSeeTheirDashboardsLinkedFromHome() throws Exception {
        mvc.perform(get("/").with(user(as("coordinator"))))
                .andExpect(content().string(containsString("/statistics/dashboard")));
        long before = audited("READ");
        String coordinator = mvc.perform(get("/statistics/dashboard").with(user(as("coordinator"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(coordinator)
                .contains("id=\"report-dash-overdue\"", "id=\"report-dash-cases\"", "id=\"report-dash-meetings\"")
                .contains("id=\"report-dash-outreach\"")
                .doesNotContain("id=\"report-dash-caseload\"")
                .contains("role=\"img\"");
        // the open cases by stage are exactly the cases not closed now
        long open = jdbc.sql("select count(*) from support_case where status <> 'CLOSED'")
                .query(Long.class)
                .single();
        long shown = 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "<td class=\"number\" data-label=\"件数\">(\\d+)</td>")
                .matcher(coordinator.substring(
                        coordinator.indexOf("id=\"table-dash-cases\""),
                        coordinator.indexOf("id=\"report-dash-meetings\"")));
        while (m.find()) {
            shown += Long.parseLong(m.group(1));
        }
        assertThat(shown).isEqualTo(open);
        assertThat(audited("READ")).isEqualTo(before + 1);
        mvc.perform(get("/statistics/dashboard").with(user(as("supervisor"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"report-dash-caseload\"")))
                .andExpect(content().string(containsString("id=\"report-dash-unanswered\"")))
                .andExpect(content().string(not(containsString("id=\"report-dash-overdue\""))));
        mvc.perform(get("/statistics/dashboard").with(user(as("planner")))).andExpect(status().isForbidden());
        mvc.perform(get("/statistics/dashboard").with(user(as("caseworker")))).andExpect(status().isForbidden());
    }

    @Test
    void theOpenDataIsPublicSuppressedAndDescribed() throws Exception {
        MvcResult page = mvc.perform(get("/public/open-data/statistics"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("CC BY 4.0")))
                .andExpect(content().string(containsString("consultations_by_area".replace("_by_", "-by-"))))
                .andExpect(content().string(containsString("fiscal_year")))
                .andReturn();
        assertThat(page.getRequest().getSession(false)).isNull();
        String csv = mvc.perform(get("/public/open-data/statistics/consultations-by-area.csv")
                        .param("year", "2010"))
                .andExpect(status().isOk())
                .andExpect(header().string("Link", containsString("creativecommons.org/licenses/by/4.0")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        // the year 2010 is not published (only recent years); every published year is
        assertThat(csv)
                .startsWith(
                        "\uFEFFfiscal_year,fiscal_year_ja,area_code,area_name,area_level,consultations,suppressed,row_type\r\n");
        String all = mvc.perform(get("/public/open-data/statistics/consultations-by-area.csv"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        for (String line : all.split("\r\n")) {
            if (line.startsWith("\uFEFF")) {
                continue;
            }
            String[] cells = line.split(",");
            String count = cells[5];
            if (!count.isEmpty()) {
                long n = Long.parseLong(count);
                assertThat(n == 0 || n >= 5).as(line).isTrue();
            } else {
                assertThat(cells[6]).as(line).isEqualTo("true");
            }
        }
        assertThat(all).doesNotContain("花子").doesNotContain("南台1-2-");
        // totals are published (of each year, of each area, of all), with the complementary suppression behind them
        assertThat(all).contains(",year_total\r\n").contains(",area_total\r\n").contains(",total\r\n");
        String year = mvc.perform(get("/public/open-data/statistics/consultations-by-area.csv")
                        .param("year", all.substring(all.indexOf("\r\n") + 2).split(",")[0]))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        // a year's file is cut from the same table: every line of it is a line of the whole file
        for (String line : year.split("\r\n")) {
            if (!line.startsWith("\uFEFF")) {
                assertThat(all).contains(line + "\r\n");
            }
        }
        assertThat(year).contains(",year_total\r\n").doesNotContain(",area_total\r\n");
        mvc.perform(get("/public/open-data/statistics/consultations-by-area.json"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("\"license\":\"https://creativecommons.org/licenses/by/4.0/\"")))
                .andExpect(content().string(containsString("\"dictionary\"")))
                .andExpect(content().string(containsString("\"suppressed\"")));
    }
}
