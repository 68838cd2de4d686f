package org.marugoto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.Urgency;
import org.marugoto.people.PeopleApi;
import org.marugoto.referral.ReferralView;
import org.marugoto.referral.domain.ReferralService;
import org.marugoto.referral.domain.SendReferral;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Japan;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The home page is a work queue for each role: counts and the items themselves, each a link to where it is done, with
 * the household's name only where the user may see it.
 */
@MarugotoTest
class HomeWorkQueueTests {

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

    Document home(String username) throws Exception {
        String html = mvc.perform(get("/").with(user(users.loadUserByUsername(username))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    static List<String> links(Element section) {
        return section.select(".work-items a").eachAttr("href");
    }

    static long count(Document page, String id) {
        return Long.parseLong(page.selectFirst("#" + id + " .work-count").text().replaceAll("[^0-9]", ""));
    }

    UUID agencyOf(String username) {
        return jdbc.sql("select agency_id from staff_account where username = ?")
                .param(username)
                .query(UUID.class)
                .single();
    }

    @Test
    void aCaseworkerSeesTheReferralsToAnswerAndTheirCasesEachOneClickAway() throws Exception {
        // another agency asks the caseworker's agency about a household it does not know
        CurrentActor.actAs(users.loadUserByUsername("caseworker3"));
        UUID watanabe = jdbc.sql("select id from household where name = '渡邉家' order by case_number limit 1")
                .query(UUID.class)
                .single();
        ReferralView unknown;
        try {
            unknown = referrals.send(new SendReferral(
                    watanabe,
                    null,
                    agencyOf("caseworker"),
                    null,
                    List.of(people.members(watanabe).getFirst().person().id()),
                    List.of("CARE"),
                    Urgency.NORMAL,
                    "ホームの確認：介護の相談",
                    null,
                    null,
                    ConsentStatus.GIVEN,
                    "つなぎ先の機関",
                    LocalDate.now(Japan.ZONE).plusDays(5)));
        } finally {
            SecurityContextHolder.clearContext();
        }
        Document page = home("caseworker");
        UUID agency = agencyOf("caseworker");

        List<Map<String, Object>> toAnswer = jdbc.sql("""
                        select r.id, r.reference_number, h.name from referral r join household h on h.id = r.household_id
                        where r.to_agency_id = ? and r.status = 'SENT' order by r.created_at desc""").param(agency).query().listOfRows();
        Element answer = page.getElementById("referrals-to-answer");
        assertThat(count(page, "referrals-to-answer")).isEqualTo(toAnswer.size());
        assertThat(links(answer))
                .containsExactlyElementsOf(toAnswer.stream()
                        .limit(5)
                        .map(r -> "/referrals/" + r.get("id"))
                        .toList());
        // a household the agency does not know stays unnamed until it accepts; its own household is named
        Element unknownItem = answer.selectFirst("a[href=/referrals/" + unknown.id() + "]");
        assertThat(unknownItem.text()).isEqualTo(unknown.referenceNumber());
        assertThat(answer.select(".work-items a").eachText())
                .anySatisfy(text -> assertThat(text).contains("佐々木家"))
                .noneSatisfy(text -> assertThat(text).contains("渡邉家"));
        assertThat(answer.text()).contains("ホームの確認：介護の相談");

        List<Map<String, Object>> cases = jdbc.sql("""
                        select c.id, h.name from support_case c
                        join case_team_member t on t.case_id = c.id and t.left_at is null
                        join staff_account a on a.id = t.account_id and a.username = 'caseworker'
                        join household h on h.id = c.household_id
                        where c.status <> 'CLOSED' order by c.opened_at desc""").query().listOfRows();
        assertThat(cases).as("demo data: the caseworker's cases").isNotEmpty();
        Element mine = page.getElementById("my-cases");
        assertThat(count(page, "my-cases")).isEqualTo(cases.size());
        assertThat(mine.selectFirst(".work-items a").attr("href"))
                .isEqualTo("/cases/" + cases.getFirst().get("id"));
        assertThat(mine.selectFirst(".work-items a").text())
                .contains((String) cases.getFirst().get("name"));

        // the 8050 case has an overdue plan action of the caseworker's (demo data)
        assertThat(page.select("#case-overdue .work-items a").eachAttr("href"))
                .isNotEmpty()
                .allMatch(href -> href.startsWith("/cases/"));
        assertThat(page.getElementById("meetings")).isNotNull();
        assertThat(page.getElementById("reviews-due")).isNotNull();
        assertThat(page.getElementById("follow-ups")).isNotNull();
        assertThat(page.getElementById("new-concerns")).isNotNull();
        // not a coordinator's, supervisor's or reviewer's work
        assertThat(page.getElementById("overdue-referrals")).isNull();
        assertThat(page.getElementById("caseload")).isNull();
        assertThat(page.getElementById("emergency-reviews")).isNull();
        // the counts at the top lead to their sections
        assertThat(page.select(".work-counts a").eachAttr("href")).contains("#referrals-to-answer", "#my-cases");
    }

    @Test
    void theSenderOfADeclinedReferralIsAskedToConfirmTheFollowUp() throws Exception {
        Document page = home("csw");
        List<Map<String, Object>> followUps =
                jdbc.sql("""
                        select r.id, h.name from referral r join household h on h.id = r.household_id
                        where r.from_agency_id = ? and r.status in ('COMPLETED', 'DECLINED')
                          and r.follow_up_confirmed_at is null
                        order by r.created_at desc""").param(agencyOf("csw")).query().listOfRows();
        assertThat(followUps).as("demo data: the declined hoarding referral").isNotEmpty();
        assertThat(count(page, "follow-ups")).isEqualTo(followUps.size());
        Element first = page.getElementById("follow-ups").selectFirst(".work-items a");
        assertThat(first.attr("href"))
                .isEqualTo("/referrals/" + followUps.getFirst().get("id"));
        // the sender sees the household it referred
        assertThat(first.text()).contains((String) followUps.getFirst().get("name"));
    }

    @Test
    void aCoordinatorHasTheDashboardAndTheOverdueReferrals() throws Exception {
        Document page = home("coordinator");
        long overdue = jdbc.sql("select count(*) from referral where overdue_since is not null")
                .query(Long.class)
                .single();
        assertThat(count(page, "overdue-referrals")).isEqualTo(overdue);
        assertThat(page.select("#coordination a").eachAttr("href")).contains("/cases?all=true", "/referrals/overdue");
    }

    @Test
    void aSupervisorSeesTheAgencysUnansweredReferralsAndCaseload() throws Exception {
        Document page = home("supervisor");
        assertThat(page.getElementById("referrals-to-answer").selectFirst("h3").text())
                .contains("機関への未回答のつなぎ");
        List<Map<String, Object>> load = jdbc.sql("""
                        select a.display_name, count(*) n from case_team_member t
                        join support_case c on c.id = t.case_id
                        join staff_account a on a.id = t.account_id
                        where c.status <> 'CLOSED' and t.left_at is null
                          and a.agency_id = (select agency_id from staff_account where username = 'supervisor')
                        group by a.display_name order by n desc""").query().listOfRows();
        assertThat(load)
                .as("demo data: open cases led by the supervisor's staff")
                .isNotEmpty();
        Element caseload = page.getElementById("caseload");
        assertThat(caseload.select(".work-items li").eachText()).anySatisfy(line -> assertThat(line)
                .contains((String) load.getFirst().get("display_name"))
                .contains("担当 " + load.getFirst().get("n") + "件"));
        assertThat(count(page, "caseload"))
                .isEqualTo(load.stream()
                        .mapToLong(r -> ((Number) r.get("n")).longValue())
                        .sum());
    }

    @Test
    void aPlannerSeesTheLocalResources() throws Exception {
        Document page = home("planner");
        Element resources = page.getElementById("resources");
        assertThat(links(resources)).isNotEmpty().allMatch(href -> href.startsWith("/directory/"));
        assertThat(page.getElementById("referrals-to-answer")).isNull();
    }

    @Test
    void aPlannerSeesTheDepartmentsThatHaveNotEnteredTheirProgress() throws Exception {
        Document page = home("planner");
        Element pending = page.getElementById("plan-departments-pending");
        assertThat(pending).isNotNull();
        assertThat(links(pending)).anyMatch(href -> href.startsWith("/planning/years/"));
        assertThat(pending.text()).contains("健康づくり課");
    }

    @Test
    void aDepartmentMemberSeesTheMeasuresToEnter() throws Exception {
        Document page = home("caseworker5");
        Element toEnter = page.getElementById("plan-progress-to-enter");
        assertThat(toEnter).isNotNull();
        assertThat(links(toEnter)).anyMatch(href -> href.matches("/planning/years/[0-9a-f-]+/measures/[0-9a-f-]+"));
        assertThat(home("caseworker").getElementById("plan-progress-to-enter")).isNull();
    }

    @Test
    void thePrivacyOfficerSeesTheEmergencyAccessesToReview() throws Exception {
        Document page = home("privacy");
        assertThat(page.getElementById("emergency-reviews")).isNotNull();
        assertThat(page.select("#protection a").eachAttr("href")).contains("/protection");
        assertThat(page.getElementById("my-cases")).isNull();
    }

    @Test
    void theAdministratorSeesLockedAccountsAndTheAdministrationPages() throws Exception {
        Document page = home("admin");
        assertThat(page.getElementById("locked-accounts")).isNotNull();
        assertThat(page.select("#locked-accounts a").eachAttr("href")).contains("/admin/staff", "/admin/areas");
    }

    @Test
    @WithUserDetails("minsei")
    void aVolunteersHomeIsTheirWatchPageWithTheConcernFormFirst() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrl("/volunteer"));
    }

    @Test
    void theLeadSeesTheOutreachContactsThatPassedWithoutAnAttempt() throws Exception {
        // the demo's 齋藤家: the CSW leads it, and the next visit is overdue
        UUID record = jdbc.sql("""
                        select o.id from outreach_record o join household h on h.id = o.household_id
                        where h.name = '齋藤家' and o.next_contact_on < current_date
                        """).query(UUID.class).single();
        Document page = home("csw");
        Element section = page.getElementById("outreach-overdue");
        assertThat(section).isNotNull();
        assertThat(links(section)).contains("/outreach/" + record);
        assertThat(section.text()).contains("齋藤家");
        assertThat(count(page, "outreach-overdue")).isPositive();
    }
}
