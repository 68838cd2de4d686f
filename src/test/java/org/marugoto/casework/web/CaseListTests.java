package org.marugoto.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.casework.CaseOrigin;
import org.marugoto.casework.CaseStatus;
import org.marugoto.casework.CaseView;
import org.marugoto.consultation.ConsentStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.ui.ExtendedModelMap;

/** The case list names the household and the lead, filters by state, sorts, and pages 20 at a time. */
@MarugotoTest
class CaseListTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CaseList caseList;

    Document page(String query) throws Exception {
        return Jsoup.parse(mvc.perform(get("/cases" + query))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    @WithUserDetails("coordinator")
    void theListNamesTheHouseholdAndTheLead() throws Exception {
        Element list = page("?all=true").getElementById("case-list");
        Element sasaki = list.select("tbody tr").stream()
                .filter(tr -> tr.text().contains("佐々木家"))
                .findFirst()
                .orElseThrow();
        String number = jdbc.sql("""
                        select c.case_number from support_case c join household h on h.id = c.household_id
                        where h.name = '佐々木家'""").query(String.class).single();
        assertThat(sasaki.selectFirst("td[data-label=事例番号]").text()).isEqualTo(number);
        assertThat(sasaki.selectFirst("td[data-label=主担当]").text()).isEqualTo("高橋 真理子");
        assertThat(sasaki.selectFirst("td[data-label=開始]").text()).matches(".*[0-9]+年[0-9]+月[0-9]+日.*");
    }

    @Test
    @WithUserDetails("coordinator")
    void theListFiltersByStateAndSorts() throws Exception {
        Document support = page("?all=true&status=SUPPORT");
        List<String> states =
                support.getElementById("case-list").select("td[data-label=状態]").eachText();
        assertThat(states).isNotEmpty().allMatch(s -> s.equals("支援中"));
        List<String> newest = page("?all=true&sort=NEWEST")
                .getElementById("case-list")
                .select("td[data-label=事例番号]")
                .eachText();
        List<String> oldest = page("?all=true&sort=OLDEST")
                .getElementById("case-list")
                .select("td[data-label=事例番号]")
                .eachText();
        assertThat(newest).hasSizeGreaterThan(1);
        assertThat(oldest).isEqualTo(newest.reversed());
        assertThat(page("?all=true&status=BOGUS&page=x")
                        .getElementById("case-list")
                        .select("td[data-label=事例番号]")
                        .eachText())
                .isEqualTo(newest);
    }

    @Test
    @WithUserDetails("coordinator")
    void longListsArePagedTwentyAtATime() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<CaseView> cases = new ArrayList<>();
        IntStream.range(0, 45)
                .forEach(i -> cases.add(new CaseView(
                        UUID.randomUUID(),
                        "C2026-%05d".formatted(i),
                        UUID.randomUUID(),
                        CaseOrigin.DIRECT,
                        null,
                        i % 2 == 0 ? CaseStatus.SUPPORT : CaseStatus.ASSESSMENT,
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "概要",
                        List.of(),
                        ConsentStatus.GIVEN,
                        null,
                        null,
                        start.plus(i, ChronoUnit.DAYS),
                        null,
                        null,
                        null,
                        null,
                        null,
                        0,
                        List.of(),
                        0)));
        ExtendedModelMap model = new ExtendedModelMap();
        caseList.addTo(model, cases, null, "OLDEST", "2");
        CaseList.Page last = (CaseList.Page) model.get("caseList");
        assertThat(last.total()).isEqualTo(45);
        assertThat(last.pages()).isEqualTo(3);
        assertThat(last.items())
                .extracting(CaseView::caseNumber)
                .containsExactly("C2026-00040", "C2026-00041", "C2026-00042", "C2026-00043", "C2026-00044");
        assertThat(last.hasNext()).isFalse();
        assertThat(last.hasPrevious()).isTrue();

        model = new ExtendedModelMap();
        caseList.addTo(model, cases, "SUPPORT", "NEWEST", "99");
        CaseList.Page support = (CaseList.Page) model.get("caseList");
        assertThat(support.total()).isEqualTo(23);
        assertThat(support.page()).as("a page past the end shows the last").isEqualTo(1);
        assertThat(support.items()).hasSize(3).allMatch(c -> c.status() == CaseStatus.SUPPORT);
    }
}
