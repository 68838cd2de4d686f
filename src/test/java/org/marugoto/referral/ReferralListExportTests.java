package org.marugoto.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marugoto.Downloads;
import org.marugoto.MarugotoTest;
import org.marugoto.Reauthenticated;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.referral.domain.ReferralService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The referral lists' export (decision 0033): re-authentication first, every page of both lists with the page's state
 * filter and order, the households named only where the page names them, the audit with the row count and the filters.
 */
@MarugotoTest
class ReferralListExportTests {

    static final String HIDDEN = "（この機関には表示しません）";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    ReferralService referrals;

    @Autowired
    PeopleApi people;

    @Autowired
    Clock clock;

    @Autowired
    org.springframework.context.MessageSource messages;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    long exports() {
        return jdbc.sql("select count(*) from audit_event where action = 'EXPORT' and record_type = 'referral'")
                .query(Long.class)
                .single();
    }

    Set<UUID> exportIds() {
        return new HashSet<>(jdbc.sql("select id from audit_event where action = 'EXPORT' and record_type = 'referral'")
                .query(UUID.class)
                .list());
    }

    /** The details of the one export recorded since {@code before} (the test clock may stand still or jump). */
    String newExportDetails(Set<UUID> before) {
        List<String> added = new ArrayList<>();
        jdbc.sql("select id, details from audit_event where action = 'EXPORT' and record_type = 'referral'")
                .query(rs -> {
                    if (!before.contains(rs.getObject("id", UUID.class))) {
                        added.add(rs.getString("details"));
                    }
                });
        assertThat(added).hasSize(1);
        return added.getFirst();
    }

    /** Every page of one list as the page shows it, page after page. */
    List<ReferralView> allPages(boolean inbox, ReferralStatus state, ReferralService.ListOrder order) {
        List<ReferralView> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            ReferralService.ReferralPage p = referrals.page(inbox, state, order, page);
            all.addAll(p.items());
            if (!p.hasNext()) {
                return all;
            }
        }
    }

    /** The demo user whose agency received and sent the most referrals, so that both lists have rows. */
    String busiestCaseworker() {
        return jdbc.sql("""
                        select s.username from staff_account s
                        join staff_role sr on sr.account_id = s.id and sr.role = 'CASEWORKER'
                        where s.enabled
                        order by least((select count(*) from referral r where r.to_agency_id = s.agency_id),
                                       (select count(*) from referral r where r.from_agency_id = s.agency_id)) desc,
                                 s.username
                        limit 1""").query(String.class).single();
    }

    @Test
    void withoutAFreshPasswordTheExportAsksForItAndExportsNothing() throws Exception {
        long before = exports();
        UserDetails worker = users.loadUserByUsername("caseworker");
        MvcResult result = mvc.perform(get("/referrals/export.csv?state=SENT&sort=DUE")
                        .with(user(worker))
                        .session(Reauthenticated.notYet()))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl())
                .isEqualTo("/reauth?next=%2Freferrals%2Fexport.csv%3Fstate%3DSENT%26sort%3DDUE");
        assertThat(exports()).isEqualTo(before);
        MvcResult xlsx = mvc.perform(
                        get("/referrals/export.xlsx").with(user(worker)).session(Reauthenticated.notYet()))
                .andReturn();
        assertThat(xlsx.getResponse().getStatus()).isEqualTo(302);
        assertThat(exports()).isEqualTo(before);
    }

    @Test
    void theCsvHoldsEveryPageOfBothListsMaskedAsThePageAndTheAuditHasTheRowCountAndFilters() throws Exception {
        String username = busiestCaseworker();
        long before = exports();
        Set<UUID> earlier = exportIds();
        MvcResult result = Downloads.download(
                mvc,
                get("/referrals/export.csv")
                        .param("sort", "OLDEST")
                        .with(user(users.loadUserByUsername(username)))
                        .session(Reauthenticated.session(clock)));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getHeader("Content-Disposition")).contains("referrals.csv");
        assertThat(result.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
        List<List<String>> csv = Downloads.parseCsv(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(csv.getFirst()).containsExactly("一覧", "番号", "世帯", "つなぎ元", "つなぎ先", "概要", "相談内容", "状態", "送付日", "回答期限");

        PeopleFixtures.actAs(users, username);
        List<ReferralView> inbox = allPages(true, null, ReferralService.ListOrder.OLDEST);
        List<ReferralView> sent = allPages(false, null, ReferralService.ListOrder.OLDEST);
        assertThat(inbox).isNotEmpty();
        assertThat(sent).isNotEmpty();
        Set<UUID> ids = new HashSet<>();
        inbox.forEach(r -> ids.add(r.householdId()));
        sent.forEach(r -> ids.add(r.householdId()));
        Map<UUID, String> names = people.householdNames(ids);
        List<ReferralView> expected = new ArrayList<>(inbox);
        expected.addAll(sent);
        assertThat(csv).hasSize(expected.size() + 1);
        for (int i = 0; i < expected.size(); i++) {
            ReferralView r = expected.get(i);
            List<String> row = csv.get(i + 1);
            assertThat(row.get(0)).isEqualTo(i < inbox.size() ? "受け取った" : "送った");
            assertThat(row.get(1)).isEqualTo(r.referenceNumber());
            assertThat(row.get(2))
                    .as("the household is named exactly where the page names it")
                    .isEqualTo(Objects.requireNonNullElse(names.get(r.householdId()), HIDDEN));
            assertThat(row.get(5)).isEqualTo(r.summary());
            assertThat(row.get(7))
                    .startsWith(messages.getMessage("referral.status." + r.status(), null, Locale.JAPANESE));
            assertThat(row.get(9)).isEqualTo(r.desiredResponseDate().toString());
        }
        assertThat(exports()).isEqualTo(before + 1);
        assertThat(newExportDetails(earlier))
                .isEqualTo("filters=lists=received,sent state= sort=OLDEST, format=csv, rows=" + expected.size());
    }

    @Test
    void theXlsxKeepsTheStateFilterAndHasEnglishHeadingsInEnglish() throws Exception {
        String username = busiestCaseworker();
        String state = jdbc.sql("""
                        select r.status from referral r join staff_account s on s.username = ?
                        where r.to_agency_id = s.agency_id or r.from_agency_id = s.agency_id
                        group by r.status order by count(*) desc, r.status limit 1""").param(username).query(String.class).single();
        Set<UUID> earlier = exportIds();
        MvcResult result = Downloads.download(
                mvc,
                get("/referrals/export.xlsx")
                        .param("state", state)
                        .param("lang", "en")
                        .with(user(users.loadUserByUsername(username)))
                        .session(Reauthenticated.session(clock)));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getHeader("Content-Disposition")).contains("referrals.xlsx");
        PeopleFixtures.actAs(users, username);
        ReferralStatus filter = ReferralStatus.valueOf(state);
        List<ReferralView> inbox = allPages(true, filter, ReferralService.ListOrder.NEWEST);
        List<ReferralView> sent = allPages(false, filter, ReferralService.ListOrder.NEWEST);
        try (XSSFWorkbook book =
                new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("List");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Number");
            assertThat(sheet.getLastRowNum()).isEqualTo(inbox.size() + sent.size());
            assertThat(sheet.getLastRowNum()).isPositive();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                ReferralView expected = r <= inbox.size() ? inbox.get(r - 1) : sent.get(r - 1 - inbox.size());
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(r <= inbox.size() ? "Received" : "Sent");
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(expected.referenceNumber());
                assertThat(row.getCell(7).getStringCellValue()).doesNotContain("送付");
            }
        }
        assertThat(newExportDetails(earlier))
                .isEqualTo("filters=lists=received,sent state=" + state + " sort=NEWEST, format=xlsx, rows="
                        + (inbox.size() + sent.size()));
    }

    @Test
    void theListPageOffersTheExportWithItsFilters() throws Exception {
        String body = mvc.perform(get("/referrals?sort=DUE").with(user(users.loadUserByUsername(busiestCaseworker()))))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(body);
        assertThat(page.getElementById("export-referrals-csv")).isNotNull();
        assertThat(page.getElementById("export-referrals-csv").attr("href"))
                .startsWith("/referrals/export.csv?")
                .contains("sort=DUE");
        assertThat(page.getElementById("export-referrals-xlsx").attr("href"))
                .startsWith("/referrals/export.xlsx?")
                .contains("sort=DUE");
    }
}
