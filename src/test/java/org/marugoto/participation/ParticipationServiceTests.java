package org.marugoto.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.TestClock;
import org.marugoto.area.AreaApi;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.participation.domain.ParticipationService;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.people.Sex;
import org.marugoto.shared.Japan;
import org.marugoto.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Participation support: ranking with reasons, the steps of a match, access, and the counts of unmet needs. */
@MarugotoTest
class ParticipationServiceTests {

    @Autowired
    ParticipationService participation;

    @Autowired
    PeopleApi people;

    @Autowired
    AreaApi areas;

    @Autowired
    DirectoryApi directory;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    void as(String username) {
        PeopleFixtures.actAs(users, username);
    }

    LocalDate today() {
        return Japan.today(TestClock.INSTANCE);
    }

    UUID area(String code) {
        return areas.findByCode(code).orElseThrow().id();
    }

    ProfileView profile(String family, String areaCode, List<Interest> interests) {
        as("csw");
        MemberView m = people.register(
                person(family, "悟", "さんか", "さとる", Sex.MALE, LocalDate.of(1985, 5, 5), null, null), newHousehold());
        return participation.startProfile(
                m.householdId(), m.person().id(), area(areaCode), "外で体を動かしたい", interests, null, "朝は苦手");
    }

    @Test
    void openOpportunitiesAreRankedByAreaAndInterestsWithTheReasonsAndClosedOnesLeftOut() {
        ProfileView p = profile("参加北", "N", List.of(Interest.OUTDOORS, Interest.ANIMALS_PLANTS));
        List<RankedOpportunity> ranked = participation.ranked(p);
        assertThat(ranked).isNotEmpty();
        RankedOpportunity first = ranked.getFirst();
        assertThat(first.opportunity().title()).isEqualTo("月見ヶ丘ファームの畑作業");
        assertThat(first.reasons())
                .extracting(RankedOpportunity.Reason::key)
                .contains("participation.reason.near", "participation.reason.interests");
        assertThat(ranked).extracting(r -> r.opportunity().title()).doesNotContain("西山パソコンサークルの講師補助");
        RankedOpportunity far = ranked.stream()
                .filter(r -> r.opportunity().title().startsWith("東雲こども食堂"))
                .findFirst()
                .orElseThrow();
        assertThat(far.reasons()).anySatisfy(r -> {
            assertThat(r.key()).isEqualTo("participation.reason.far");
            assertThat(r.against()).isTrue();
        });
        assertThat(far.score()).isLessThan(first.score());
    }

    @Test
    void aMatchGoesIntroducedVisitedTrialSettledWithHostSupportAndRefusesWhatDoesNotFollow() {
        ProfileView p = profile("参加段階", "N", List.of(Interest.OUTDOORS));
        UUID farm = participation.opportunities().stream()
                .filter(o -> o.title().equals("月見ヶ丘ファームの畑作業"))
                .findFirst()
                .orElseThrow()
                .id();
        p = participation.introduce(p.id(), farm, today().minusDays(20), "井上");
        UUID pid = p.id();
        assertThatThrownBy(() -> participation.introduce(pid, farm, today(), null))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey())
                        .isEqualTo("participation.error.alreadyMatched"));
        ProfileView.MatchView m = p.matches().getFirst();
        UUID id = m.id();
        int version = m.version();
        assertThatThrownBy(
                        () -> participation.step(id, version, MatchStep.SETTLED, today(), null, null, null, null, null))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("to"));
        p = participation.step(id, version, MatchStep.VISITED, today().minusDays(15), "井上", null, null, null, null);
        int stale = version;
        assertThatThrownBy(() -> participation.step(id, stale, MatchStep.TRIAL, today(), null, null, null, null, null))
                .isInstanceOf(OptimisticLockingFailureException.class);
        p = participation.step(
                id,
                p.matches().getFirst().version(),
                MatchStep.TRIAL,
                today().minusDays(10),
                null,
                "手順を紙にしてほしい → 手順表を作った",
                null,
                today().minusDays(1),
                null);
        assertThat(p.matches().getFirst().followUpOverdue(today())).isTrue();
        assertThat(participation.withOverdueFollowUps())
                .extracting(ProfileView::id)
                .contains(p.id());
        p = participation.step(
                id,
                p.matches().getFirst().version(),
                MatchStep.SETTLED,
                today(),
                null,
                null,
                null,
                today().plusDays(30),
                null);
        ProfileView.MatchView settled = p.matches().getFirst();
        assertThat(settled.step()).isEqualTo(MatchStep.SETTLED);
        assertThat(settled.hostSupport()).contains("手順表");
        assertThat(settled.steps())
                .extracting(ProfileView.StepView::step)
                .containsExactly(MatchStep.INTRODUCED, MatchStep.VISITED, MatchStep.TRIAL, MatchStep.SETTLED);
        // the outcome after 3 months is not due yet
        assertThatThrownBy(() -> participation.outcome(id, settled.version(), 3, "続いている"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("participation.error.notDue"));
        // ending needs a reason
        assertThatThrownBy(() -> participation.step(
                        id, settled.version(), MatchStep.ENDED, today(), null, null, null, null, null))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("endReason"));
        assertThat(jdbc.sql("select count(*) from audit_event where record_id = ? and action = 'UPDATE'")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void aProfileIsTheLeadAgencysAndVolunteersAndOtherAgenciesCannotReadIt() {
        ProfileView p = profile("参加権限", "S", List.of());
        as("caseworker");
        assertThatThrownBy(() -> participation.get(p.id())).isInstanceOf(AccessDeniedException.class);
        as("minsei");
        assertThatThrownBy(() -> participation.get(p.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> participation.recordNeed("何か", OpportunityKind.OTHER, null, "誰か", List.of()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void unmetNeedsAreCountedByAreaAndKind() {
        as("csw");
        long before = participation.needCounts().stream()
                .filter(c -> area("W").equals(c.areaId()) && c.kind() == OpportunityKind.CAFE)
                .mapToLong(UnmetNeedView.Count::count)
                .sum();
        participation.recordNeed("夜のカフェ", OpportunityKind.CAFE, area("W"), "働く若者", List.of("ISOLATION"));
        participation.recordNeed("子連れで行けるカフェ", OpportunityKind.CAFE, area("W"), "子育て中の親", List.of());
        assertThat(participation.needCounts())
                .filteredOn(c -> area("W").equals(c.areaId()) && c.kind() == OpportunityKind.CAFE)
                .singleElement()
                .satisfies(c -> assertThat(c.count()).isEqualTo(before + 2));
        assertThatThrownBy(() -> participation.recordNeed(" ", OpportunityKind.CAFE, null, "誰か", List.of()))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("what"));
        // the demo's northern job-trial needs are counted together
        assertThat(participation.needCounts())
                .filteredOn(c -> area("N").equals(c.areaId()) && c.kind() == OpportunityKind.JOB_TRIAL)
                .singleElement()
                .satisfies(c -> assertThat(c.count()).isGreaterThanOrEqualTo(3));
    }

    @Test
    void theDemoHasMatchesAtEveryStep() {
        assertThat(jdbc.sql("select distinct step from participation_match")
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder("INTRODUCED", "VISITED", "TRIAL", "SETTLED", "ENDED");
        assertThat(jdbc.sql("select count(distinct area_id) from participation_opportunity")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql(
                                "select count(*) from participation_match where outcome_3m is not null and outcome_6m is not null")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void anOpportunityAndAProfileAreChangedAfterCreationWithTheVersionCheckedAndAudited() {
        as("csw");
        UUID shakyo = jdbc.sql("select id from agency where code = 'SHAKYO'")
                .query(UUID.class)
                .single();
        OpportunityView o = participation.addOpportunity(new NewOpportunity(
                shakyo,
                "図書館の本の修理",
                OpportunityKind.VOLUNTEER_ROLE,
                null,
                null,
                "毎週木曜 10:00–12:00",
                3,
                List.of(),
                List.of(Interest.CRAFTS),
                null,
                null,
                null,
                null));
        OpportunityView changed = participation.updateOpportunity(
                o.id(),
                o.version(),
                new NewOpportunity(
                        shakyo,
                        "図書館の本の修理と貸出の手伝い",
                        OpportunityKind.VOLUNTEER_ROLE,
                        "静かな作業です",
                        area("N"),
                        "毎週木曜・金曜 10:00–12:00",
                        4,
                        List.of(HostOffer.ACCOMPANIMENT),
                        List.of(Interest.CRAFTS, Interest.QUIET_WORK),
                        "段差なし",
                        18,
                        null,
                        "無料"));
        assertThat(changed.title()).isEqualTo("図書館の本の修理と貸出の手伝い");
        assertThat(changed.capacity()).isEqualTo(4);
        assertThat(changed.areaId()).isEqualTo(area("N"));
        assertThat(changed.interests()).containsExactly(Interest.CRAFTS, Interest.QUIET_WORK);
        assertThat(changed.version()).isEqualTo(o.version() + 1);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'UPDATE' and record_id = ?")
                        .param(o.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        UUID oid = o.id();
        int stale = o.version();
        NewOpportunity again = new NewOpportunity(
                shakyo,
                "古い内容",
                OpportunityKind.VOLUNTEER_ROLE,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null,
                null,
                null,
                null);
        assertThatThrownBy(() -> participation.updateOpportunity(oid, stale, again))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(participation.opportunity(oid).orElseThrow().title()).isEqualTo("図書館の本の修理と貸出の手伝い");

        ProfileView p = profile("参加変更", "N", List.of(Interest.OUTDOORS));
        ProfileView edited = participation.updateProfile(
                p.id(), p.version(), null, "人と話す仕事をしてみたい", List.of(Interest.ELDERLY), "聞き上手", null);
        assertThat(edited.wishes()).isEqualTo("人と話す仕事をしてみたい");
        assertThat(edited.interests()).containsExactly(Interest.ELDERLY);
        assertThat(edited.areaId()).isNull();
        assertThat(edited.limits()).isNull();
        UUID pid = p.id();
        int seen = p.version();
        assertThatThrownBy(() -> participation.updateProfile(pid, seen, null, "古い", List.of(), null, null))
                .isInstanceOf(OptimisticLockingFailureException.class);
        int now = edited.version();
        assertThatThrownBy(() -> participation.updateProfile(pid, now, null, " ", List.of(), null, null))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("participation.error.wishes"));
        as("caseworker");
        assertThatThrownBy(() -> participation.updateProfile(pid, now, null, "他の機関", List.of(), null, null))
                .isInstanceOf(AccessDeniedException.class);
    }
}
