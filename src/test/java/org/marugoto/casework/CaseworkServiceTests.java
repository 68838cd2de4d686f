package org.marugoto.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marugoto.people.PeopleFixtures.joining;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.TestClock;
import org.marugoto.casework.domain.AssessmentService;
import org.marugoto.casework.domain.CaseService;
import org.marugoto.casework.domain.CaseTeamService;
import org.marugoto.casework.domain.ClosureService;
import org.marugoto.casework.domain.ConferenceService;
import org.marugoto.casework.domain.PlanService;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.people.Relationship;
import org.marugoto.people.Sex;
import org.marugoto.shared.Actor;
import org.marugoto.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

@MarugotoTest
class CaseworkServiceTests {

    @Autowired
    CaseService cases;

    @Autowired
    AssessmentService assessments;

    @Autowired
    PlanService planService;

    @Autowired
    CaseTeamService teams;

    @Autowired
    ClosureService closures;

    @Autowired
    ConferenceService conferences;

    @Autowired
    PeopleApi people;

    @Autowired
    DirectoryApi directory;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    void as(String username) {
        PeopleFixtures.actAs(users, username);
    }

    UUID account(String username) {
        return ((Actor) users.loadUserByUsername(username)).accountId();
    }

    UUID agency(String code) {
        return directory.agencyByCode(code).orElseThrow().id();
    }

    record Household(UUID id, UUID mother, UUID son) {}

    /** As the elderly-care centre's caseworker: an 8050 household. */
    Household household() {
        as("caseworker");
        MemberView mother = people.register(
                person("協働", "母", "きょうどう", "はは", Sex.FEMALE, LocalDate.of(1946, 3, 3), null, null), newHousehold());
        MemberView son = people.register(
                person("協働", "長男", "きょうどう", "ちょうなん", Sex.MALE, LocalDate.of(1975, 7, 7), null, null),
                joining(mother.householdId(), Relationship.CHILD));
        return new Household(
                mother.householdId(), mother.person().id(), son.person().id());
    }

    CaseView open(Household h, ConsentStatus consent) {
        return cases.open(new CaseCommands.OpenCase(
                h.id(),
                CaseOrigin.DIRECT,
                null,
                account("coordinator"),
                "母の介護と長男のひきこもり",
                List.of("CARE", "HIKIKOMORI"),
                Set.of(h.mother(), h.son()),
                consent,
                consent == ConsentStatus.GIVEN ? LocalDate.now().minusDays(1) : null,
                null));
    }

    CaseCommands.Plan plan(String aim) {
        return new CaseCommands.Plan(
                aim,
                "地域のサロンに一緒に行く",
                "月2回の訪問",
                LocalDate.now(),
                LocalDate.now().plusMonths(6),
                LocalDate.now().plusMonths(3),
                List.of(new CaseCommands.Goal(
                        "母の介護負担",
                        "母にデイサービスに通ってほしい",
                        "見学に行く",
                        List.of(new CaseCommands.Action(
                                "デイサービスの見学調整",
                                agency("HOKATSU-N"),
                                account("caseworker"),
                                LocalDate.now().plusWeeks(2),
                                "1回")))));
    }

    AssessmentView assess(CaseView view, Household h) {
        return assessments.recordAssessment(
                view.id(),
                new CaseCommands.Assessment(
                        "母の介護を長男が一人で担っている",
                        "長男は母を大切にしている",
                        "「母さんをこの家で看たい」",
                        "介護疲れ",
                        "長男自身の就労",
                        List.of(
                                new AssessmentView.Entry(h.mother(), AssessmentDomain.CARE, "要介護2"),
                                new AssessmentView.Entry(h.son(), AssessmentDomain.WORK, "20年働いていない"))));
    }

    @Test
    void statusMachineRefusesIllegalChangesAndStaleVersions() {
        Household h = household();
        CaseView opened = open(h, ConsentStatus.NOT_ASKED);
        assertThat(opened.status()).isEqualTo(CaseStatus.ASSESSMENT);
        assertThat(opened.caseNumber()).matches("C\\d{4}-\\d{5}");

        assertThatThrownBy(() -> cases.transition(opened.id(), opened.version(), CaseStatus.SUPPORT, null))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("case.error.transition");
        assertThatThrownBy(() -> cases.transition(opened.id(), opened.version(), CaseStatus.PLANNING, null))
                .hasMessageContaining("case.error.needsAssessment");
        assertThatThrownBy(() -> open(h, ConsentStatus.NOT_ASKED)).hasMessageContaining("case.error.alreadyOpen");

        assess(opened, h);
        CaseView planning = cases.transition(opened.id(), opened.version(), CaseStatus.PLANNING, "見立てができた");
        assertThat(planning.status()).isEqualTo(CaseStatus.PLANNING);
        assertThatThrownBy(() -> cases.transition(opened.id(), opened.version(), CaseStatus.ASSESSMENT, null))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThatThrownBy(() -> cases.transition(planning.id(), planning.version(), CaseStatus.SUPPORT, null))
                .hasMessageContaining("case.error.needsAgreedPlan");
        assertThat(cases.history(opened.id())).extracting(CaseView.Event::kind).containsExactly("OPENED", "STATUS");
    }

    @Test
    void teamMembersGainAndLoseAccessAtOnce() {
        Household h = household();
        CaseView opened = open(h, ConsentStatus.NOT_ASKED);
        assertThat(cases.team(opened.id()))
                .extracting(CaseView.TeamMember::role)
                .containsExactlyInAnyOrder(TeamRole.LEAD, TeamRole.MEMBER);

        as("coordinator");
        assertThatThrownBy(() -> teams.addMember(opened.id(), account("caseworker2"), TeamRole.MEMBER))
                .hasMessageContaining("case.error.memberNeedsConsent");
        CaseView consented = cases.recordConsent(opened.id(), opened.version(), LocalDate.now(), "チーム内で共有");
        CaseView.TeamMember added = teams.addMember(consented.id(), account("caseworker2"), TeamRole.MEMBER);
        assertThatThrownBy(() -> teams.addMember(consented.id(), account("caseworker2"), TeamRole.MEMBER))
                .hasMessageContaining("case.error.alreadyMember");

        as("caseworker2");
        assertThat(cases.get(opened.id()).summary()).isEqualTo("母の介護と長男のひきこもり");
        assertThatThrownBy(() -> teams.removeMember(opened.id(), added.id(), added.version(), "自分で"))
                .isInstanceOf(AccessDeniedException.class);

        as("caseworker3"); // same role, other agency, not in the team
        assertThatThrownBy(() -> cases.get(opened.id())).isInstanceOf(AccessDeniedException.class);
        as("coordinator2"); // any municipal coordinator
        assertThat(cases.get(opened.id()).id()).isEqualTo(opened.id());
        as("planner");
        assertThatThrownBy(() -> cases.get(opened.id())).isInstanceOf(AccessDeniedException.class);

        as("coordinator");
        assertThatThrownBy(() -> teams.removeMember(opened.id(), added.id(), added.version(), " "))
                .hasMessageContaining("case.error.removeReason");
        teams.removeMember(opened.id(), added.id(), added.version(), "就労支援が終わった");
        as("caseworker2");
        assertThatThrownBy(() -> cases.get(opened.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("select count(*) from audit_event where record_id = ? and action = 'ACCESS_DENIED'")
                        .param(opened.id())
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(3);
    }

    /** The case list as it was before it drove from the team (CaseService.caseListSql): the reference. */
    List<UUID> previousCaseList(boolean all, UUID account) {
        return jdbc.sql("""
                        select c.id from support_case c
                        where c.status <> 'CLOSED'
                          and (:all or exists (select 1 from case_team_member t where t.case_id = c.id
                                               and t.account_id = :account and t.left_at is null))
                        """)
                .param("all", all)
                .param("account", account)
                .query(UUID.class)
                .list();
    }

    void assertSameAsBefore(String username, boolean all) {
        as(username);
        List<CaseView> list = cases.myCases(all);
        assertThat(list)
                .as(username)
                .extracting(CaseView::id)
                .containsExactlyInAnyOrderElementsOf(previousCaseList(all, account(username)));
        assertThat(list).extracting(CaseView::openedAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void theCaseListHoldsTheOpenCasesOfTheActiveTeam() {
        Household h = household();
        CaseView opened = open(h, ConsentStatus.NOT_ASKED);
        assertThat(cases.myCases(false)).extracting(CaseView::id).contains(opened.id());
        assertThat(cases.myCases(false))
                .filteredOn(c -> c.id().equals(opened.id()))
                .singleElement()
                .satisfies(c -> assertThat(c.personIds()).containsExactlyInAnyOrder(h.mother(), h.son()));
        assertThatThrownBy(() -> cases.myCases(true)).isInstanceOf(AccessDeniedException.class);
        as("caseworker2");
        assertThat(cases.myCases(false)).extracting(CaseView::id).doesNotContain(opened.id());

        as("coordinator");
        CaseView consented = cases.recordConsent(opened.id(), opened.version(), LocalDate.now(), "チーム内で共有");
        CaseView.TeamMember added = teams.addMember(consented.id(), account("caseworker2"), TeamRole.MEMBER);
        assertThat(cases.myCases(true)).extracting(CaseView::id).contains(opened.id());
        as("caseworker2");
        assertThat(cases.myCases(false)).extracting(CaseView::id).containsOnlyOnce(opened.id());
        assertSameAsBefore("caseworker2", false);
        as("coordinator");
        teams.removeMember(opened.id(), added.id(), added.version(), "就労支援が終わった");
        as("caseworker2");
        assertThat(cases.myCases(false)).extracting(CaseView::id).doesNotContain(opened.id());

        as("caseworker");
        CaseView current = cases.get(opened.id());
        closures.close(
                current.id(),
                current.version(),
                new CaseCommands.Closure(ClosureOutcome.GOALS_MET, "落ち着いた", null, "民生委員が見守る", Map.of()));
        assertThat(cases.myCases(false)).extracting(CaseView::id).doesNotContain(opened.id());
        as("coordinator");
        assertThat(cases.myCases(true)).extracting(CaseView::id).doesNotContain(opened.id());

        for (String username : List.of(
                "caseworker",
                "caseworker2",
                "caseworker3",
                "caseworker4",
                "caseworker5",
                "caseworker6",
                "supervisor",
                "coordinator")) {
            assertSameAsBefore(username, false);
        }
        assertSameAsBefore("coordinator", true);
    }

    @Test
    void planIsAgreedAtAJushoMeetingKeptAsVersionsAndEvaluatedAtClosure() {
        Household h = household();
        CaseView opened = open(h, ConsentStatus.GIVEN);
        assess(opened, h);
        CaseView planning = cases.transition(opened.id(), opened.version(), CaseStatus.PLANNING, null);
        PlanView draft = planService.saveDraft(planning.id(), null, plan("母と二人で、この家で暮らし続けたい"));
        assertThat(draft.versionNo()).isEqualTo(1);
        assertThat(draft.status()).isEqualTo(PlanStatus.DRAFT);
        assertThatThrownBy(() -> planService.saveDraft(planning.id(), null, plan("別の案")))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThatThrownBy(() -> planService.saveDraft(planning.id(), draft.version(), plan(" ")))
                .hasMessageContaining("case.error.aim");

        as("coordinator");
        ConferenceView meeting = conferences.schedule(
                planning.id(),
                new CaseCommands.Conference(
                        ConferenceKind.JUSHO,
                        Instant.now().minus(1, ChronoUnit.HOURS),
                        "福祉センター",
                        "プランの承認",
                        Set.of(account("caseworker"))));
        CaseCommands.Minutes withoutConsent = new CaseCommands.Minutes(
                "本人も出席",
                Set.of(ConferenceDecision.APPROVE_PLAN, ConferenceDecision.START_SUPPORT),
                Set.of(account("caseworker")),
                false,
                PersonAgreement.AGREED,
                "「これでやってみる」",
                Map.of(),
                List.of());
        assertThatThrownBy(() -> conferences.recordMinutes(meeting.id(), meeting.version(), withoutConsent))
                .hasMessageContaining("case.error.consentConfirmed");
        ConferenceView held = conferences.recordMinutes(
                meeting.id(),
                meeting.version(),
                new CaseCommands.Minutes(
                        "本人も出席",
                        Set.of(ConferenceDecision.APPROVE_PLAN, ConferenceDecision.START_SUPPORT),
                        Set.of(account("caseworker")),
                        true,
                        PersonAgreement.AGREED,
                        "「これでやってみる」",
                        Map.of(),
                        List.of(new CaseCommands.ActionItem(
                                "ケアマネジャーに連絡",
                                account("caseworker"),
                                LocalDate.now().plusDays(3)))));
        assertThat(held.planId()).isEqualTo(draft.id());
        assertThat(cases.get(opened.id()).status()).isEqualTo(CaseStatus.SUPPORT);
        PlanView agreed = planService.plan(draft.id(), false);
        assertThat(agreed.status()).isEqualTo(PlanStatus.AGREED);
        assertThat(agreed.personAgreement()).isEqualTo(PersonAgreement.AGREED);

        PlanView second = planService.saveDraft(opened.id(), null, plan("長男が週2日働き、母はデイに通う"));
        assertThat(second.versionNo()).isEqualTo(2);
        ConferenceView review = conferences.schedule(
                opened.id(),
                new CaseCommands.Conference(
                        ConferenceKind.JUSHO, Instant.now().minus(30, ChronoUnit.MINUTES), null, "見直し", Set.of()));
        UUID firstGoal = agreed.goals().getFirst().id();
        conferences.recordMinutes(
                review.id(),
                review.version(),
                new CaseCommands.Minutes(
                        "評価と第2版の承認",
                        Set.of(ConferenceDecision.EVALUATE, ConferenceDecision.APPROVE_PLAN),
                        Set.of(),
                        true,
                        PersonAgreement.AGREED_WITH_CHANGES,
                        null,
                        Map.of(firstGoal, new CaseCommands.Evaluation(GoalOutcome.PARTLY, "見学はできた")),
                        List.of()));
        assertThat(planService.plans(opened.id()))
                .extracting(PlanView::versionNo, PlanView::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, PlanStatus.AGREED),
                        org.assertj.core.groups.Tuple.tuple(1, PlanStatus.SUPERSEDED));
        assertThat(planService.plan(draft.id(), false).goals().getFirst().evaluations())
                .extracting(PlanView.Evaluation::outcome)
                .containsExactly(GoalOutcome.PARTLY);

        CaseView current = cases.get(opened.id());
        UUID goalOfSecond =
                planService.plans(opened.id()).getFirst().goals().getFirst().id();
        assertThatThrownBy(() -> closures.close(
                        opened.id(),
                        current.version(),
                        new CaseCommands.Closure(ClosureOutcome.GOALS_MET, "安定した", null, " ", Map.of())))
                .hasMessageContaining("case.error.followUp");
        CaseView closed = closures.close(
                opened.id(),
                current.version(),
                new CaseCommands.Closure(
                        ClosureOutcome.GOALS_MET,
                        "母はデイに通い、長男は週2日働いている",
                        "「また困ったら来ます」",
                        "民生委員が月1回訪問",
                        Map.of(goalOfSecond, new CaseCommands.Evaluation(GoalOutcome.ACHIEVED, null))));
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThatThrownBy(() -> planService.saveDraft(opened.id(), null, plan("閉じた後")))
                .hasMessageContaining("case.error.closed");

        CaseView reopened = closures.reopen(opened.id(), closed.version(), "母が入院し長男がまた一人に");
        assertThat(reopened.status()).isEqualTo(CaseStatus.ASSESSMENT);
        assertThat(reopened.reopenCount()).isEqualTo(1);
        List<PlanView> plans = planService.plans(opened.id());
        assertThat(plans).hasSize(3);
        assertThat(plans.getFirst().status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(plans.getFirst().aim()).isEqualTo("長男が週2日働き、母はデイに通う");
        assertThat(cases.history(opened.id())).extracting(CaseView.Event::kind).contains("CLOSED", "REOPENED");
    }

    @Test
    void minutesCanBeRecordedOnlyOnceTheMeetingHasBegun() {
        Household h = household();
        CaseView opened = open(h, ConsentStatus.GIVEN);
        as("coordinator");
        ConferenceView meeting = conferences.schedule(
                opened.id(),
                new CaseCommands.Conference(
                        ConferenceKind.JUSHO,
                        Instant.now().plus(1, ChronoUnit.HOURS),
                        "福祉センター",
                        "状況の共有",
                        Set.of(account("caseworker"))));
        CaseCommands.Minutes minutes = new CaseCommands.Minutes(
                "状況を共有した",
                Set.of(ConferenceDecision.CONTINUE),
                Set.of(account("caseworker")),
                true,
                null,
                null,
                Map.of(),
                List.of());
        assertThatThrownBy(() -> conferences.recordMinutes(meeting.id(), meeting.version(), minutes))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("case.error.meetingNotStarted"));
        assertThat(conferences.get(meeting.id()).minutes()).isNull();

        try (TestClock.Jump later = TestClock.INSTANCE.jump(Duration.ofMinutes(61))) {
            ConferenceView held = conferences.recordMinutes(meeting.id(), meeting.version(), minutes);
            assertThat(held.minutes()).isEqualTo("状況を共有した");
        }
    }

    @Test
    void shienMaterialIsForItsPledgedMembersOnly() {
        Household h = household();
        CaseView opened = open(h, ConsentStatus.REFUSED);

        as("coordinator");
        assertThatThrownBy(() -> conferences.schedule(
                        opened.id(),
                        new CaseCommands.Conference(
                                ConferenceKind.JUSHO, Instant.now().plus(1, ChronoUnit.DAYS), null, "議題", Set.of())))
                .hasMessageContaining("case.error.jushoNeedsConsent");
        ConferenceView shien = conferences.schedule(
                opened.id(),
                new CaseCommands.Conference(
                        ConferenceKind.SHIEN,
                        Instant.now().minus(1, ChronoUnit.HOURS),
                        "市役所 会議室3",
                        "長男の生活状況の共有（同意なし）",
                        Set.of(account("caseworker3"))));
        assertThat(shien.agenda()).isNull(); // the convener has not acknowledged the duty yet
        conferences.pledge(shien.id());
        assertThat(conferences.get(shien.id()).agenda()).isEqualTo("長男の生活状況の共有（同意なし）");

        as("caseworker3"); // another agency, not in the team: a named member
        ConferenceView beforePledge = conferences.get(shien.id());
        assertThat(beforePledge.restricted()).isTrue();
        assertThat(beforePledge.agenda()).isNull();
        assertThatThrownBy(() -> conferences.forPrint(shien.id())).isInstanceOf(AccessDeniedException.class);
        conferences.pledge(shien.id());
        ConferenceView afterPledge = conferences.get(shien.id());
        assertThat(afterPledge.restricted()).isFalse();
        assertThat(afterPledge.agenda()).contains("長男");
        assertThatThrownBy(() -> cases.get(opened.id())).isInstanceOf(AccessDeniedException.class);

        as("caseworker"); // in the case team but not a member of the meeting
        ConferenceView teamView = conferences.get(shien.id());
        assertThat(teamView.restricted()).isTrue();
        assertThat(teamView.agenda()).isNull();
        assertThat(teamView.minutes()).isNull();

        as("coordinator2"); // a coordinator who is not a member sees that the meeting exists, not what it shared
        assertThat(conferences.get(shien.id()).agenda()).isNull();

        as("caseworker2"); // neither team nor member
        assertThatThrownBy(() -> conferences.get(shien.id())).isInstanceOf(AccessDeniedException.class);

        as("caseworker3");
        assertThatThrownBy(() -> conferences.recordMinutes(
                        shien.id(),
                        afterPledge.version(),
                        new CaseCommands.Minutes(
                                "共有した",
                                Set.of(ConferenceDecision.APPROVE_PLAN),
                                Set.of(),
                                false,
                                null,
                                null,
                                Map.of(),
                                List.of())))
                .hasMessageContaining("case.error.decisionNeedsJusho");
        ConferenceView held = conferences.recordMinutes(
                shien.id(),
                afterPledge.version(),
                new CaseCommands.Minutes(
                        "学校から長男の弟の欠席が続いていると共有",
                        Set.of(ConferenceDecision.CONTINUE),
                        Set.of(account("caseworker3")),
                        false,
                        null,
                        null,
                        Map.of(),
                        List.of()));
        assertThat(held.minutes()).contains("欠席");
        assertThat(jdbc.sql("select count(*) from audit_event where record_id = ? and action = 'READ'")
                        .param(shien.id())
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(3);
    }
}
