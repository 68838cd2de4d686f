package org.marugoto.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marugoto.Downloads;
import org.marugoto.MarugotoTest;
import org.marugoto.Reauthenticated;
import org.marugoto.casework.domain.CaseService;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PeopleFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The caseload export (decision 0033): re-authentication first, the page's masking, the audit with rows and filters. */
@MarugotoTest
class CaseListExportTests {

    static final String HIDDEN = "（この機関には表示しません）";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    CaseService cases;

    @Autowired
    PeopleApi people;

    @Autowired
    Clock clock;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    long exports() {
        return jdbc.sql("select count(*) from audit_event where action = 'EXPORT' and record_type = 'case'")
                .query(Long.class)
                .single();
    }

    java.util.Set<UUID> exportIds() {
        return new java.util.HashSet<>(
                jdbc.sql("select id from audit_event where action = 'EXPORT' and record_type = 'case'")
                        .query(UUID.class)
                        .list());
    }

    /**
     * The details of the one export recorded since {@code before}: the test clock may stand still, or another test
     * may have exported while it had jumped ahead, so the latest row by time is not necessarily this one.
     */
    String newExportDetails(java.util.Set<UUID> before) {
        List<String> added = new ArrayList<>();
        jdbc.sql("select id, details from audit_event where action = 'EXPORT' and record_type = 'case'")
                .query(rs -> {
                    if (!before.contains(rs.getObject("id", UUID.class))) {
                        added.add(rs.getString("details"));
                    }
                });
        assertThat(added).hasSize(1);
        return added.getFirst();
    }

    @Test
    void withoutAFreshPasswordTheExportAsksForItAndExportsNothing() throws Exception {
        long before = exports();
        UserDetails coordinator = users.loadUserByUsername("coordinator");
        MvcResult result = mvc.perform(get("/cases/export.csv?all=true")
                        .with(user(coordinator))
                        .session(Reauthenticated.notYet()))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl())
                .isEqualTo("/reauth?next=%2Fcases%2Fexport.csv%3Fall%3Dtrue");
        assertThat(exports()).isEqualTo(before);
    }

    @Test
    void theCsvHoldsEveryCaseOfTheListMaskedAsThePageAndTheAuditHasTheRowCountAndFilters() throws Exception {
        UserDetails coordinator = users.loadUserByUsername("coordinator");
        long before = exports();
        java.util.Set<UUID> earlier = exportIds();
        MvcResult result = mvc.perform(get("/cases/export.csv")
                        .param("all", "true")
                        .param("sort", "OLDEST")
                        .with(user(coordinator))
                        .session(Reauthenticated.session(clock)))
                .andReturn();
        // StreamingResponseBody: the body is written asynchronously
        if (result.getRequest().isAsyncStarted()) {
            result = mvc.perform(
                            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(result))
                    .andReturn();
        }
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getHeader("Content-Disposition")).contains("caseload.csv");
        assertThat(result.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
        List<List<String>> csv = Downloads.parseCsv(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(csv.getFirst()).containsExactly("事例番号", "世帯", "主担当", "状態", "概要", "課題", "開始");

        PeopleFixtures.actAs(users, "coordinator");
        List<CaseView> all = cases.myCases(true);
        Map<UUID, String> names =
                people.householdNames(all.stream().map(CaseView::householdId).toList());
        List<CaseView> oldestFirst = all.stream()
                .sorted(java.util.Comparator.comparing(CaseView::openedAt)
                        .thenComparing(CaseView::caseNumber, java.util.Comparator.reverseOrder()))
                .toList();
        assertThat(csv).hasSize(all.size() + 1);
        assertThat(all).isNotEmpty();
        for (int i = 0; i < oldestFirst.size(); i++) {
            CaseView expected = oldestFirst.get(i);
            List<String> row = csv.get(i + 1);
            assertThat(row.get(0)).isEqualTo(expected.caseNumber());
            assertThat(row.get(1))
                    .as("the household is named exactly where the page names it")
                    .isEqualTo(Objects.requireNonNullElse(names.get(expected.householdId()), HIDDEN));
        }

        assertThat(exports()).isEqualTo(before + 1);
        String details = newExportDetails(earlier);
        assertThat(details).isEqualTo("filters=all=true status= sort=OLDEST, format=csv, rows=" + all.size());
    }

    @Test
    void aCaseworkerExportsTheirOwnCaseloadAsXlsxWithTheStateFilter() throws Exception {
        UserDetails worker = users.loadUserByUsername("caseworker");
        java.util.Set<UUID> earlier = exportIds();
        MvcResult result = mvc.perform(get("/cases/export.xlsx")
                        .param("all", "true")
                        .param("status", "SUPPORT")
                        .with(user(worker))
                        .session(Reauthenticated.session(clock)))
                .andReturn();
        if (result.getRequest().isAsyncStarted()) {
            result = mvc.perform(
                            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(result))
                    .andReturn();
        }
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        PeopleFixtures.actAs(users, "caseworker");
        List<CaseView> mine = cases.myCases(false).stream()
                .filter(c -> c.status() == CaseStatus.SUPPORT)
                .toList();
        try (XSSFWorkbook book =
                new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("事例番号");
            assertThat(sheet.getLastRowNum())
                    .as("a caseworker's 'all' is their own list")
                    .isEqualTo(mine.size());
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                assertThat(row.getCell(3).getStringCellValue()).isEqualTo("支援中");
            }
        }
        String details = newExportDetails(earlier);
        assertThat(details).isEqualTo("filters=all=false status=SUPPORT sort=NEWEST, format=xlsx, rows=" + mine.size());
    }
}
