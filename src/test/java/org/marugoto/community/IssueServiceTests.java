package org.marugoto.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.area.AreaApi;
import org.marugoto.community.domain.AreaFigures;
import org.marugoto.community.domain.CommunityIssue;
import org.marugoto.community.domain.IssueService;
import org.marugoto.consultation.ConsultationStatistics;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Community issues from an area's figures (small counts hidden), meetings with actions, feedback to residents. */
@MarugotoTest
class IssueServiceTests {

    @Autowired
    IssueService issues;

    @Autowired
    ConsultationStatistics statistics;

    @Autowired
    AreaApi areas;

    @Autowired
    UserDetailsService users;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    UUID area(String code) {
        return areas.findByCode(code).orElseThrow().id();
    }

    @Test
    void theFiguresCountTheRecordsByIssueAndHideCountsBelowFive() {
        PeopleFixtures.actAs(users, "csw");
        LocalDate to = LocalDate.now();
        LocalDate from = to.minusYears(3);
        // the whole city: every top-level area
        var city = areas.tree().stream()
                .filter(a -> a.parentId() == null)
                .findFirst()
                .orElseThrow();
        AreaFigures figures = issues.figures(city.id(), from, to);
        assertThat(figures.population()).isEqualTo(city.population());
        assertThat(figures.places()).isPositive();
        assertThat(figures.cityPlacesPerThousand()).isNotNull();
        // every count shown is either at least 5 or hidden; the raw counts below 5 never appear
        assertThat(figures.evidence()).allSatisfy(e -> {
            assertThat(e.consultations() == null || e.consultations() >= AreaFigures.SMALL)
                    .isTrue();
            assertThat(e.cases() == null || e.cases() >= AreaFigures.SMALL).isTrue();
        });
        assertThat(AreaFigures.hideSmall(4)).isNull();
        assertThat(AreaFigures.hideSmall(5)).isEqualTo(5L);
        // the counts agree with the consultation module's
        long all =
                statistics.consultations(areas.tree().stream().map(a -> a.id()).toList(), from, to);
        assertThat(figures.cityConsultationsPerThousand()).isNotNull();
        assertThat(all).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aHouseholdUnderProtectionIsLeftOutOfTheAreaCounts() {
        UUID area = jdbc.sql("""
                        select distinct h.area_id from household h join household_member m on m.household_id = h.id
                        join person p on p.id = m.person_id where p.protected and h.area_id is not null""").query(UUID.class).list().getFirst();
        LocalDate from = LocalDate.now().minusYears(5);
        LocalDate to = LocalDate.now();
        long protectedOnes = jdbc.sql("""
                        select count(*) from consultation c join household h on h.id = c.household_id
                        where h.area_id = ? and exists (select 1 from household_member m join person p
                            on p.id = m.person_id where m.household_id = h.id and p.protected)""").param(area).query(Long.class).single();
        long all = jdbc.sql("select count(*) from consultation c join household h on h.id = c.household_id"
                        + " where h.area_id = ?")
                .param(area)
                .query(Long.class)
                .single();
        assertThat(protectedOnes)
                .as("the demo's protected household has consultations")
                .isPositive();
        assertThat(statistics.consultations(java.util.List.of(area), from, to)).isEqualTo(all - protectedOnes);
    }

    @Test
    void aCswProposesAnIssueRecordsAMeetingWithAnActionAndPublishesTheFeedback() {
        PeopleFixtures.actAs(users, "csw");
        assertThatThrownBy(() -> issues.propose(
                        area("S1-1"),
                        " ",
                        "説明",
                        LocalDate.now().minusMonths(6),
                        LocalDate.now(),
                        CommunityIssue.Proposer.CSW))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("title"));
        CommunityIssue issue = issues.propose(
                area("S1-1"),
                "買い物に困る高齢者",
                "南台で移動販売の要望が続いている",
                LocalDate.now().minusMonths(6),
                LocalDate.now(),
                CommunityIssue.Proposer.CSW);
        assertThat(issue.status()).isEqualTo(CommunityIssue.Status.OPEN);
        assertThat(issues.forArea(area("S1"))).extracting(CommunityIssue::id).contains(issue.id());

        assertThatThrownBy(() -> issues.recordMeeting(
                        issue.id(),
                        CommunityIssue.MeetingKind.COMMUNITY_CARE,
                        LocalDate.now(),
                        "南台地区社協",
                        "記録",
                        "移動販売の事業者に声をかける",
                        " ",
                        null))
                .isInstanceOf(RuleViolation.class);
        CommunityIssue met = issues.recordMeeting(
                issue.id(),
                CommunityIssue.MeetingKind.COMMUNITY_CARE,
                LocalDate.now(),
                "南台地区社協、南部地域包括支援センター",
                "移動販売の試行を決めた",
                "移動販売の事業者に声をかける",
                "社協CSW",
                LocalDate.now().plusMonths(1));
        CommunityIssue.Action action = met.meetings().getFirst().actions().getFirst();
        issues.markActionDone(action.id(), action.version());
        assertThat(issues.get(issue.id())
                        .meetings()
                        .getFirst()
                        .actions()
                        .getFirst()
                        .done())
                .isTrue();

        assertThat(issues.publishedFeedback()).extracting(CommunityIssue::id).doesNotContain(issue.id());
        CommunityIssue decided =
                issues.publishFeedback(issue.id(), issues.get(issue.id()).version(), "来月から移動販売が来ます。");
        assertThat(decided.status()).isEqualTo(CommunityIssue.Status.DECIDED);
        assertThat(issues.publishedFeedback()).extracting(CommunityIssue::id).contains(issue.id());
    }

    @Test
    void onlyTheReviewersKeepCommunityIssues() {
        for (String user : new String[] {"organiser", "caseworker", "planner", "minsei"}) {
            PeopleFixtures.actAs(users, user);
            assertThatThrownBy(() -> issues.all()).as(user).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(
                            () -> issues.figures(area("N1-2"), LocalDate.now().minusYears(1), LocalDate.now()))
                    .as(user)
                    .isInstanceOf(AccessDeniedException.class);
        }
        PeopleFixtures.actAs(users, "coordinator");
        assertThat(issues.all()).extracting(CommunityIssue::title).contains("ひとり暮らし高齢者の孤立");
    }
}
