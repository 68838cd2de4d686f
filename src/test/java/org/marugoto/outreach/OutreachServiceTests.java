package org.marugoto.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marugoto.people.PeopleFixtures.joining;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.outreach.domain.OutreachService;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.people.Relationship;
import org.marugoto.people.Sex;
import org.marugoto.shared.Actor;
import org.marugoto.shared.Japan;
import org.marugoto.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Outreach records: the lead agency's, stages with history, attempts, overdue lists, stale and double submits. */
@MarugotoTest
class OutreachServiceTests {

    @Autowired
    OutreachService outreach;

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

    Actor actor(String username) {
        return (Actor) users.loadUserByUsername(username);
    }

    LocalDate today() {
        return Japan.today(org.marugoto.TestClock.INSTANCE);
    }

    /** A man living alone with his brother, registered by the council's CSW (社協). */
    MemberView household(String family) {
        as("csw");
        MemberView man = people.register(
                person(family, "勝", "ごみやしき", "まさる", Sex.MALE, LocalDate.of(1957, 4, 1), "美月野市南台二丁目3番", null),
                newHousehold());
        people.register(
                person(family, "次郎", "ごみやしき", "じろう", Sex.MALE, LocalDate.of(1960, 5, 5), null, null),
                joining(man.householdId(), Relationship.SIBLING));
        return man;
    }

    OpenOutreach opening(MemberView m, UUID token, LocalDate first) {
        return new OpenOutreach(
                token,
                m.householdId(),
                List.of(m.person().id()),
                OutreachSource.NEIGHBOUR,
                "隣の人",
                OutreachOrigin.DIRECT,
                null,
                List.of("SELF_NEGLECT"),
                "庭にごみがあふれている",
                first,
                actor("csw").accountId(),
                List.of(),
                null,
                List.of(new OpenOutreach.KeyPersonInput("山本さん", "隣人", null)));
    }

    RecordAttempt attempt(LocalDate on, AttemptOutcome outcome, LocalDate next) {
        return new RecordAttempt(
                UUID.randomUUID(),
                on.atTime(LocalTime.MIDNIGHT),
                AttemptMethod.VISIT,
                "井上",
                outcome,
                "学んだこと",
                null,
                next);
    }

    long audited(String action, UUID record) {
        return jdbc.sql("select count(*) from audit_event where action = ? and record_id = ?")
                .params(action, record)
                .query(Long.class)
                .single();
    }

    @Test
    void aRecordIsOpenedBeforeConsentWithItsFirstStageAndIsTheLeadAgencysOnly() {
        MemberView m = household("外野");
        as("csw");
        UUID token = UUID.randomUUID();
        OutreachView opened = outreach.open(opening(m, token, today().minusDays(30)));
        assertThat(opened.recordNumber()).startsWith("O");
        assertThat(opened.stage()).isEqualTo("IDENTIFIED");
        assertThat(opened.stageChanges()).singleElement().satisfies(c -> {
            assertThat(c.toStage()).isEqualTo("IDENTIFIED");
            assertThat(c.changedOn()).isEqualTo(today().minusDays(30));
        });
        assertThat(opened.keyPersons())
                .extracting(OutreachView.KeyPerson::relation)
                .containsExactly("隣人");
        assertThat(audited("CREATE", opened.id())).isEqualTo(1);

        // a second submit of the same form returns the same record
        assertThat(outreach.open(opening(m, token, today().minusDays(30))).id()).isEqualTo(opened.id());
        assertThat(jdbc.sql("select count(*) from outreach_record where household_id = ?")
                        .param(m.householdId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        outreach.get(opened.id());
        assertThat(audited("READ", opened.id())).isGreaterThanOrEqualTo(1);
        // another agency's caseworker may not read it, and the refusal is audited
        as("caseworker");
        assertThatThrownBy(() -> outreach.get(opened.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(audited("ACCESS_DENIED", opened.id())).isEqualTo(1);
        // a volunteer neither
        as("minsei");
        assertThatThrownBy(() -> outreach.get(opened.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void badInputIsRefusedAtItsFieldAndNothingIsWritten() {
        MemberView m = household("不備");
        as("csw");
        long before = jdbc.sql("select count(*) from outreach_record")
                .query(Long.class)
                .single();
        OpenOutreach ok = opening(m, UUID.randomUUID(), today());
        assertThatThrownBy(() -> outreach.open(new OpenOutreach(
                        UUID.randomUUID(),
                        ok.householdId(),
                        ok.personIds(),
                        ok.source(),
                        null,
                        ok.origin(),
                        null,
                        List.of(),
                        ok.worry(),
                        ok.firstConcernOn(),
                        ok.leadAccountId(),
                        List.of(),
                        null,
                        List.of())))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("issueCodes"));
        assertThatThrownBy(() -> outreach.open(new OpenOutreach(
                        UUID.randomUUID(),
                        ok.householdId(),
                        ok.personIds(),
                        ok.source(),
                        null,
                        ok.origin(),
                        null,
                        ok.issueCodes(),
                        ok.worry(),
                        today().plusDays(1),
                        ok.leadAccountId(),
                        List.of(),
                        null,
                        List.of())))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("firstConcernOn"));
        // the lead must be of the user's own agency
        assertThatThrownBy(() -> outreach.open(new OpenOutreach(
                        UUID.randomUUID(),
                        ok.householdId(),
                        ok.personIds(),
                        ok.source(),
                        null,
                        ok.origin(),
                        null,
                        ok.issueCodes(),
                        ok.worry(),
                        ok.firstConcernOn(),
                        actor("caseworker").accountId(),
                        List.of(),
                        null,
                        List.of())))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("leadAccountId"));
        assertThat(jdbc.sql("select count(*) from outreach_record")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void attemptsMoveTheNextContactDateAndAPassedDatePutsTheRecordOnTheLeadsAndTheCoordinatorsOverdueList() {
        MemberView m = household("期限");
        as("csw");
        OutreachView r = outreach.open(opening(m, UUID.randomUUID(), today().minusDays(90)));
        r = outreach.recordAttempt(
                r.id(), attempt(today().minusDays(80), AttemptOutcome.NO_ANSWER, today().minusDays(60)));
        // a late entry of an older visit does not move the date back
        UUID token = UUID.randomUUID();
        RecordAttempt late = new RecordAttempt(
                token,
                today().minusDays(85).atTime(10, 0),
                AttemptMethod.LETTER,
                "井上",
                AttemptOutcome.LEFT_NOTE,
                null,
                null,
                today().minusDays(84));
        r = outreach.recordAttempt(r.id(), late);
        assertThat(r.nextContactOn()).isEqualTo(today().minusDays(60));
        // a double submit records it once
        r = outreach.recordAttempt(r.id(), late);
        assertThat(r.attempts()).hasSize(2);

        assertThat(outreach.overdueFor(actor("csw")))
                .anySatisfy(o -> {
                    assertThat(o.id()).isNotNull();
                    assertThat(o.recordNumber()).isEqualTo(outreach.get(o.id()).recordNumber());
                })
                .extracting(OverdueOutreach::householdName)
                .contains("期限家");
        // the coordinator of another agency sees it as tracking data only
        as("coordinator");
        UUID id = r.id();
        assertThat(outreach.overdueFor(actor("coordinator")))
                .filteredOn(o -> o.id().equals(id))
                .singleElement()
                .satisfies(o -> assertThat(o.householdName()).isNull());
        // a caseworker of another agency does not see it at all
        as("caseworker");
        assertThat(outreach.overdueFor(actor("caseworker"))).noneMatch(o -> o.id().equals(id));

        // an attempt with a new date takes it off the list
        as("csw");
        outreach.recordAttempt(id, attempt(today(), AttemptOutcome.MET, today().plusDays(14)));
        assertThat(outreach.overdueFor(actor("csw"))).noneMatch(o -> o.id().equals(id));
    }

    @Test
    void stagesMoveWithDatesEndingNeedsAReasonAndReopeningKeepsTheHistory() {
        MemberView m = household("段階");
        as("csw");
        OutreachView r = outreach.open(opening(m, UUID.randomUUID(), today().minusDays(100)));
        r = outreach.moveStage(r.id(), new MoveStage(r.version(), "TRYING", today().minusDays(90), null, null, null));
        int stale = r.version() - 1;
        UUID id = r.id();
        assertThatThrownBy(() -> outreach.moveStage(id, new MoveStage(stale, "MET", today(), null, null, null)))
                .isInstanceOf(OptimisticLockingFailureException.class);
        int version = r.version();
        assertThatThrownBy(() -> outreach.moveStage(id, new MoveStage(version, "ENDED", today(), null, null, null)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("endReason"));
        assertThatThrownBy(() ->
                        outreach.moveStage(id, new MoveStage(version, "MET", today().minusDays(95), null, null, null)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("changedOn"));

        r = outreach.moveStage(
                id, new MoveStage(version, "ENDED", today().minusDays(10), EndReason.REFUSED_FOR_NOW, null, "今は会わない"));
        assertThat(r.open()).isFalse();
        assertThat(r.endReason()).isEqualTo(EndReason.REFUSED_FOR_NOW);
        OutreachView closed = r;
        assertThatThrownBy(() -> outreach.recordAttempt(id, attempt(today(), AttemptOutcome.MET, today().plusDays(3))))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("outreach.error.closed"));

        r = outreach.moveStage(id, new MoveStage(closed.version(), "TRYING", today(), null, null, "また訪ねる"));
        assertThat(r.open()).isTrue();
        assertThat(r.stageChanges())
                .extracting(OutreachView.StageChange::toStage)
                .containsExactly("IDENTIFIED", "TRYING", "ENDED", "TRYING");
        assertThat(jdbc.sql("select count(*) from audit_event where record_id = ? and details like '%reopened=true%'")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        r = outreach.moveStage(id, new MoveStage(r.version(), "CONNECTED", today(), null, ConnectedTo.CASE, null));
        assertThat(r.connectedTo()).isEqualTo(ConnectedTo.CASE);
        assertThat(r.open()).isFalse();
    }

    @Test
    void theDemoHoardingStoryHasMonthsOfAttemptsAndIsOverdueForTheCsw() {
        as("csw");
        UUID saito = jdbc.sql("select id from household where name = '齋藤家' order by case_number limit 1")
                .query(UUID.class)
                .single();
        List<OutreachSummary> records = outreach.forHousehold(saito);
        assertThat(records).hasSize(1);
        OutreachView r = outreach.get(records.getFirst().id());
        assertThat(r.attempts()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(r.firstConcernOn()).isBefore(today().minusMonths(6));
        assertThat(r.stage()).isEqualTo("RELATIONSHIP");
        assertThat(outreach.overdueFor(actor("csw")))
                .extracting(OverdueOutreach::id)
                .contains(r.id());
        // the caseworker of the elderly centre does not lead it and sees nothing of it on the household
        as("caseworker");
        assertThatThrownBy(() -> outreach.get(r.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void keyPersonsAreChangedAddedAndRemovedAfterOpeningWithTheVersionCheckedAndAudited() {
        MemberView m = household("周辺");
        as("csw");
        OutreachView opened = outreach.open(opening(m, UUID.randomUUID(), today().minusDays(10)));
        OutreachView.KeyPerson yamamoto = opened.keyPersons().getFirst();
        OutreachView changed = outreach.updateKeyPersons(
                opened.id(),
                opened.version(),
                List.of(
                        new KeyPersonEdit(yamamoto.id(), "山本さん", "向かいの家の人", "朝によく見かける"),
                        new KeyPersonEdit(null, "高橋 民生委員", "担当の民生委員", null)));
        assertThat(changed.keyPersons())
                .extracting(OutreachView.KeyPerson::relation)
                .containsExactly("向かいの家の人", "担当の民生委員");
        assertThat(changed.keyPersons().getFirst().id()).isEqualTo(yamamoto.id());
        assertThat(changed.version()).isGreaterThan(opened.version());
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'UPDATE' and record_id = ?"
                                + " and details like '%keyPersonsAdded=1%' and details like '%keyPersonsChanged=1%'")
                        .param(opened.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // the form seen before that change is refused, nothing changes
        UUID id = opened.id();
        int seen = opened.version();
        assertThatThrownBy(() -> outreach.updateKeyPersons(id, seen, List.of()))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(outreach.get(id).keyPersons()).hasSize(2);

        // a name without a relation is refused; a key person left out is removed
        int now = changed.version();
        assertThatThrownBy(() -> outreach.updateKeyPersons(id, now, List.of(new KeyPersonEdit(null, "誰か", "", null))))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("outreach.error.keyPerson"));
        OutreachView.KeyPerson takahashi = changed.keyPersons().get(1);
        OutreachView removed = outreach.updateKeyPersons(
                id, now, List.of(new KeyPersonEdit(takahashi.id(), "高橋 民生委員", "担当の民生委員", null)));
        assertThat(removed.keyPersons()).extracting(OutreachView.KeyPerson::id).containsExactly(takahashi.id());

        // another agency may not change them
        as("caseworker");
        int latest = removed.version();
        assertThatThrownBy(() -> outreach.updateKeyPersons(id, latest, List.of()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Autowired
    org.marugoto.casework.domain.CaseService cases;

    org.marugoto.casework.CaseView openCase(MemberView m, UUID outreachId) {
        return cases.open(new org.marugoto.casework.CaseCommands.OpenCase(
                m.householdId(),
                org.marugoto.casework.CaseOrigin.OUTREACH,
                outreachId,
                actor("coordinator").accountId(),
                "ごみ屋敷と孤立、弟の障害",
                List.of("SELF_NEGLECT"),
                java.util.Set.of(m.person().id()),
                org.marugoto.consultation.ConsentStatus.NOT_ASKED,
                null,
                null));
    }

    @Test
    void aCaseOpenedFromARecordMovesItToConnectedInTheSameTransaction() {
        MemberView m = household("連結");
        as("csw");
        OutreachView opened = outreach.open(opening(m, UUID.randomUUID(), today().minusDays(60)));
        org.marugoto.casework.CaseView kase = openCase(m, opened.id());
        assertThat(kase.origin()).isEqualTo(org.marugoto.casework.CaseOrigin.OUTREACH);
        assertThat(kase.originId()).isEqualTo(opened.id());
        OutreachView connected = outreach.get(opened.id());
        assertThat(connected.stage()).isEqualTo("CONNECTED");
        assertThat(connected.connectedTo()).isEqualTo(ConnectedTo.CASE);
        assertThat(connected.open()).isFalse();
        assertThat(connected.stageChanges().getLast()).satisfies(c -> {
            assertThat(c.toStage()).isEqualTo("CONNECTED");
            assertThat(c.changedOn()).isEqualTo(today());
            assertThat(c.note()).isEqualTo(kase.caseNumber());
        });

        // a record of another household refuses the opening: no case, the record unchanged
        MemberView other = household("別世帯");
        as("csw");
        OutreachView elsewhere = outreach.open(opening(other, UUID.randomUUID(), today().minusDays(5)));
        MemberView third = household("第三");
        as("csw");
        long casesBefore = jdbc.sql("select count(*) from support_case where household_id = ?")
                .param(third.householdId())
                .query(Long.class)
                .single();
        assertThatThrownBy(() -> openCase(third, elsewhere.id()))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("outreach.error.caseOrigin"));
        assertThat(jdbc.sql("select count(*) from support_case where household_id = ?")
                        .param(third.householdId())
                        .query(Long.class)
                        .single())
                .isEqualTo(casesBefore);
        assertThat(outreach.get(elsewhere.id()).stage()).isEqualTo("IDENTIFIED");
    }

    @Autowired
    org.marugoto.watch.domain.ConcernService concerns;

    @Test
    void aConcernAboutSomeoneNotRegisteredRegistersThemAndOpensTheRecordInOneStep() {
        as("minsei");
        UUID hokatsu = directory.agencyByCode("HOKATSU-N").orElseThrow().id();
        org.marugoto.watch.ConcernView concern = concerns.raise(new org.marugoto.watch.RaiseConcern(
                null,
                "港町三丁目の70代くらいの女性",
                "港町三丁目、酒屋の裏の平屋",
                "雨戸が閉まったままで、夜も明かりがつきません。",
                org.marugoto.watch.ConcernUrgency.SOON,
                hokatsu));
        as("caseworker");
        UUID token = UUID.randomUUID();
        OpenForNewPerson command = new OpenForNewPerson(
                token,
                concern.id(),
                person("未登録", "花子", "みとうろく", "はなこ", Sex.FEMALE, null, "美月野市港町三丁目", null),
                OutreachSource.WELFARE_COMMISSIONER,
                "田中 キヨ子",
                List.of("ISOLATION"),
                "雨戸が閉まったまま",
                today().minusDays(2),
                actor("caseworker").accountId(),
                List.of(),
                null,
                List.of());
        OutreachView opened = outreach.openForNewPerson(command);
        assertThat(opened.origin()).isEqualTo(OutreachOrigin.CONCERN);
        assertThat(opened.originId()).isEqualTo(concern.id());
        assertThat(opened.personIds()).hasSize(1);
        assertThat(people.members(opened.householdId()))
                .singleElement()
                .satisfies(m -> assertThat(m.person().familyName()).isEqualTo("未登録"));
        assertThat(concerns.get(concern.id()).householdId()).isEqualTo(opened.householdId());

        // the same form again: the same record, nobody registered twice
        assertThat(outreach.openForNewPerson(command).id()).isEqualTo(opened.id());
        assertThat(jdbc.sql("select count(*) from person where family_name = '未登録'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // a new form for a concern now tied to a household is refused
        OpenForNewPerson again = new OpenForNewPerson(
                UUID.randomUUID(),
                concern.id(),
                command.person(),
                command.source(),
                null,
                command.issueCodes(),
                command.worry(),
                command.firstConcernOn(),
                command.leadAccountId(),
                List.of(),
                null,
                List.of());
        assertThatThrownBy(() -> outreach.openForNewPerson(again))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey())
                        .isEqualTo("outreach.error.concernHasHousehold"));

        // a refusal anywhere leaves nothing: no issue code → no person, no link
        as("minsei");
        org.marugoto.watch.ConcernView second = concerns.raise(new org.marugoto.watch.RaiseConcern(
                null, "西山の男性", null, "見かけない", org.marugoto.watch.ConcernUrgency.SOON, hokatsu));
        as("caseworker");
        OpenForNewPerson bad = new OpenForNewPerson(
                UUID.randomUUID(),
                second.id(),
                person("巻戻", "一", "まきもどし", "はじめ", Sex.MALE, null, null, null),
                OutreachSource.WELFARE_COMMISSIONER,
                null,
                List.of(),
                "見かけない",
                today(),
                actor("caseworker").accountId(),
                List.of(),
                null,
                List.of());
        assertThatThrownBy(() -> outreach.openForNewPerson(bad)).isInstanceOf(RuleViolation.class);
        assertThat(jdbc.sql("select count(*) from person where family_name = '巻戻'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(concerns.get(second.id()).householdId()).isNull();

        // an agency the concern was not sent to cannot use it
        as("csw");
        assertThatThrownBy(() -> outreach.openForNewPerson(bad)).isInstanceOf(AccessDeniedException.class);
    }
}
