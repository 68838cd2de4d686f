package org.marugoto.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marugoto.Downloads;
import org.marugoto.MarugotoTest;
import org.marugoto.Reauthenticated;
import org.marugoto.people.domain.PersonSearch;
import org.marugoto.people.domain.SearchHit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The household search's export (decision 0033): re-authentication first, the persons and households the search
 * page lists for the same query (the same reach, order and masking), dates of birth exact or approximate, and the
 * audit with the row count and the query.
 */
@MarugotoTest
class HouseholdListExportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    PersonSearch search;

    @Autowired
    Clock clock;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    long exports() {
        return jdbc.sql("select count(*) from audit_event where action = 'EXPORT' and record_type = 'household'")
                .query(Long.class)
                .single();
    }

    @Test
    void withoutAFreshPasswordTheExportAsksForItAndExportsNothing() throws Exception {
        long before = exports();
        MvcResult result = mvc.perform(get("/people/export.csv?q={q}", "佐々木")
                        .with(user(users.loadUserByUsername("caseworker")))
                        .session(Reauthenticated.notYet()))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).startsWith("/reauth?next=%2Fpeople%2Fexport.csv%3Fq%3D%25");
        assertThat(exports()).isEqualTo(before);
    }

    @Test
    void theCsvHoldsWhatTheSearchPageListsAndTheAuditHasTheRowCountAndTheQuery() throws Exception {
        PeopleFixtures.actAs(users, "caseworker");
        List<SearchHit> hits = search.search("佐々木");
        SecurityContextHolder.clearContext();
        assertThat(hits).isNotEmpty();
        // one person found is known only by an approximate date of birth (an age given at intake)
        UUID approximate = hits.getFirst().person().id();
        java.sql.Date exact = jdbc.sql("select birth_date from person where id = ?")
                .param(approximate)
                .query(java.sql.Date.class)
                .optional()
                .orElse(null);
        jdbc.sql("update person set birth_date = null, birth_year = 1944, birth_estimated = true where id = ?")
                .param(approximate)
                .update();
        try {
            long before = exports();
            java.util.Set<UUID> earlier = new java.util.HashSet<>(
                    jdbc.sql("select id from audit_event where action = 'EXPORT' and record_type = 'household'")
                            .query(UUID.class)
                            .list());
            MvcResult result = Downloads.download(
                    mvc,
                    get("/people/export.csv")
                            .param("q", "佐々木")
                            .with(user(users.loadUserByUsername("caseworker")))
                            .session(Reauthenticated.session(clock)));
            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            assertThat(result.getResponse().getHeader("Content-Disposition")).contains("households.csv");
            assertThat(result.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
            List<List<String>> csv =
                    Downloads.parseCsv(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(csv.getFirst()).containsExactly("氏名", "よみ", "生年月日", "住所", "世帯", "世帯番号", "一致した理由");
            assertThat(csv).hasSize(hits.size() + 1);
            for (int i = 0; i < hits.size(); i++) {
                SearchHit hit = hits.get(i);
                List<String> row = csv.get(i + 1);
                assertThat(row.get(0)).isEqualTo(hit.person().fullName());
                assertThat(row.get(3))
                        .isEqualTo(
                                hit.person().masked()
                                        ? "（支援措置のため非表示）"
                                        : java.util.Objects.requireNonNullElse(
                                                hit.person().address(), ""));
                assertThat(row.get(5))
                        .isEqualTo(String.join(
                                "・",
                                hit.households().stream()
                                        .map(HouseholdView::caseNumber)
                                        .toList()));
                if (hit.person().id().equals(approximate)) {
                    assertThat(row.get(2)).isEqualTo("1944年頃（推定）");
                } else if (hit.person().birthDate() != null) {
                    assertThat(row.get(2)).isEqualTo(hit.person().birthDate().toString());
                }
            }
            assertThat(exports()).isEqualTo(before + 1);
            List<String> added = new ArrayList<>();
            jdbc.sql("select id, details from audit_event where action = 'EXPORT' and record_type = 'household'")
                    .query(rs -> {
                        if (!earlier.contains(rs.getObject("id", UUID.class))) {
                            added.add(rs.getString("details"));
                        }
                    });
            assertThat(added).hasSize(1);
            assertThat(added.getFirst()).isEqualTo("filters=q=佐々木, format=csv, rows=" + hits.size());
        } finally {
            jdbc.sql("update person set birth_date = ?, birth_year = null, birth_estimated = false where id = ?")
                    .params(exact, approximate)
                    .update();
        }
    }

    @Test
    void theXlsxHasEnglishHeadingsInEnglishAndAnEmptyQueryExportsNoRow() throws Exception {
        MvcResult result = Downloads.download(
                mvc,
                get("/people/export.xlsx")
                        .param("q", "佐々木")
                        .param("lang", "en")
                        .with(user(users.loadUserByUsername("caseworker")))
                        .session(Reauthenticated.session(clock)));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        try (XSSFWorkbook book =
                new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            var head = book.getSheetAt(0).getRow(0);
            assertThat(head.getCell(0).getStringCellValue()).isEqualTo("Name");
            assertThat(head.getCell(1).getStringCellValue()).isEqualTo("Reading");
            assertThat(book.getSheetAt(0).getLastRowNum()).isPositive();
        }
        MvcResult empty = Downloads.download(
                mvc,
                get("/people/export.csv")
                        .with(user(users.loadUserByUsername("caseworker")))
                        .session(Reauthenticated.session(clock)));
        assertThat(empty.getResponse().getStatus()).isEqualTo(200);
        assertThat(Downloads.parseCsv(empty.getResponse().getContentAsString(StandardCharsets.UTF_8)))
                .hasSize(1);
    }

    @Test
    void theSearchPageOffersTheExportOfItsResults() throws Exception {
        String body = mvc.perform(get("/people").param("q", "佐々木").with(user(users.loadUserByUsername("caseworker"))))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(body);
        assertThat(page.getElementById("export-households-csv").attr("href")).startsWith("/people/export.csv?q=");
        assertThat(page.getElementById("export-households-xlsx").attr("href")).startsWith("/people/export.xlsx?q=");
    }
}
