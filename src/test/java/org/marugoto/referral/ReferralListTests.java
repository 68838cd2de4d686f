package org.marugoto.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.Urgency;
import org.marugoto.people.PeopleApi;
import org.marugoto.referral.domain.ReferralService;
import org.marugoto.referral.domain.SendReferral;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Japan;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The referral lists name the household where the agency may read it, show the summary and the day it was sent, show
 * the other agency (not one's own), and filter by state, sort and page with a fixed page size.
 */
@MarugotoTest
class ReferralListTests {

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

    Document page(String username, String query) throws Exception {
        return Jsoup.parse(mvc.perform(get("/referrals" + query).with(user(users.loadUserByUsername(username))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    static List<String> column(Element table, String label) {
        return table.select("td[data-label=" + label + "]").eachText();
    }

    @Test
    void theInboxNamesTheHouseholdOnceAcceptedAndShowsWhereItCameFrom() throws Exception {
        Document page = page("caseworker2", "");
        Element inbox = page.getElementById("inbox-table");
        // the columns: where it came from, never the agency's own name as "to"
        assertThat(inbox.select("th").eachText())
                .contains("つなぎ元", "世帯", "概要", "送付日")
                .doesNotContain("つなぎ先");
        Element son = inbox.select("tr").stream()
                .filter(tr -> tr.text().contains("50代男性の就労と家計の相談"))
                .findFirst()
                .orElseThrow();
        assertThat(son.selectFirst("td[data-label=世帯]").text()).isEqualTo("佐々木家");
        assertThat(son.selectFirst("td[data-label=つなぎ元]").text()).contains("地域包括支援センター");
        assertThat(son.selectFirst("td[data-label=送付日]").text()).matches(".*[0-9]+年[0-9]+月[0-9]+日.*");
        Element sent = page.getElementById("sent-table");
        assertThat(sent.select("th").eachText()).contains("つなぎ先").doesNotContain("つなぎ元");
    }

    @Test
    void aFilterBySateShowsOnlyThatStateAndTheOrderFollowsTheChoice() throws Exception {
        Document waiting = page("caseworker2", "?state=INFO_REQUESTED");
        assertThat(column(waiting.getElementById("inbox-table"), "状態"))
                .isNotEmpty()
                .allMatch(s -> s.contains("追加情報の依頼中"));
        assertThat(waiting.getElementById("sent-table")).isNull();
        assertThat(waiting.selectFirst("#state option[selected]").attr("value")).isEqualTo("INFO_REQUESTED");

        Document byState = page("caseworker2", "?sort=STATE");
        List<String> states = column(byState.getElementById("inbox-table"), "状態");
        List<String> order = List.of("返事待ち", "追加情報の依頼中", "受付済み", "支援中", "完了", "お断り", "取り下げ");
        List<Integer> ranks = states.stream()
                .map(s -> order.indexOf(
                        order.stream().filter(s::startsWith).findFirst().orElseThrow()))
                .toList();
        assertThat(ranks).isSorted();

        Document oldest = page("caseworker2", "?sort=OLDEST");
        Document newest = page("caseworker2", "?sort=NEWEST");
        List<String> oldestFirst = column(oldest.getElementById("inbox-table"), "番号");
        List<String> newestFirst = column(newest.getElementById("inbox-table"), "番号");
        assertThat(oldestFirst).hasSameSizeAs(newestFirst).isEqualTo(newestFirst.reversed());
        // an unknown state or order shows the whole list, not an error
        assertThat(column(page("caseworker2", "?state=NOPE&sort=NOPE&inPage=x").getElementById("inbox-table"), "番号"))
                .isEqualTo(newestFirst);
    }

    @Test
    void longListsArePagedWithAFixedPageSize() throws Exception {
        UUID hokatsu = jdbc.sql("select agency_id from staff_account where username = 'caseworker'")
                .query(UUID.class)
                .single();
        CurrentActor.actAs(users.loadUserByUsername("caseworker3"));
        try {
            UUID household = jdbc.sql("select id from household where name = '渡邉家' order by case_number limit 1")
                    .query(UUID.class)
                    .single();
            UUID person = people.members(household).getFirst().person().id();
            for (int i = 0; i < ReferralService.PAGE_SIZE + 1; i++) {
                referrals.send(new SendReferral(
                        household,
                        null,
                        hokatsu,
                        null,
                        List.of(person),
                        List.of("CARE"),
                        Urgency.NORMAL,
                        "ページ送りの確認 " + i,
                        null,
                        null,
                        ConsentStatus.NOT_ASKED,
                        null,
                        LocalDate.now(Japan.ZONE).plusDays(7)));
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        long waiting = jdbc.sql("select count(*) from referral where to_agency_id = ? and status = 'SENT'")
                .param(hokatsu)
                .query(Long.class)
                .single();
        Document first = page("caseworker", "?state=SENT");
        assertThat(first.select("#inbox-table tbody tr")).hasSize(ReferralService.PAGE_SIZE);
        assertThat(first.getElementById("inbox").text()).contains(String.valueOf(waiting));
        Element next = first.selectFirst("nav.pager a[rel=next]");
        assertThat(next.attr("href")).contains("state=SENT").contains("inPage=1");
        Document second =
                page("caseworker", next.attr("href").replace("/referrals", "").replaceAll("#.*", ""));
        assertThat(second.select("#inbox-table tbody tr")).hasSize((int) (waiting - ReferralService.PAGE_SIZE));
        assertThat(column(second.getElementById("inbox-table"), "番号"))
                .doesNotContainAnyElementsOf(column(first.getElementById("inbox-table"), "番号"));
        // the household the caseworker's agency does not know is not named before it accepts
        assertThat(first.getElementById("inbox-table").text()).doesNotContain("渡邉家");
    }
}
