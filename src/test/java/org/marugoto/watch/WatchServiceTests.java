package org.marugoto.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marugoto.people.PeopleFixtures.joining;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.TestClock;
import org.marugoto.access.AccessApi;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.people.Relationship;
import org.marugoto.people.Sex;
import org.marugoto.shared.Actor;
import org.marugoto.shared.Japan;
import org.marugoto.shared.RuleViolation;
import org.marugoto.watch.domain.ConcernService;
import org.marugoto.watch.domain.WatchService;
import org.marugoto.watch.domain.WatchedHousehold;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Watch requests and concerns: the volunteer's narrow view, its end, and the concern's way to the agency. */
@MarugotoTest
class WatchServiceTests {

    @Autowired
    WatchService watches;

    @Autowired
    ConcernService concerns;

    @Autowired
    PeopleApi people;

    @Autowired
    org.marugoto.people.domain.PeopleService peopleService;

    @Autowired
    AccessApi access;

    @Autowired
    AuditApi audit;

    @Autowired
    DirectoryApi directory;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.marugoto.consent.ConsentApi consents;

    final TestClock clock = TestClock.INSTANCE;

    /** A move of the clock made by a test, undone after it. */
    TestClock.Jump later;

    @AfterEach
    void resetClock() {
        if (later != null) {
            later.close();
            later = null;
        }
    }

    void as(String username) {
        PeopleFixtures.actAs(users, username);
    }

    UUID account(String username) {
        return ((Actor) users.loadUserByUsername(username)).accountId();
    }

    UUID agency(String code) {
        return directory.agencyByCode(code).orElseThrow().id();
    }

    /** A new household of a mother and son, registered by the elderly-care centre's caseworker. */
    MemberView household(String family, String kana) {
        as("caseworker");
        MemberView mother = people.register(
                person(family, "トメ", kana, "とめ", Sex.FEMALE, LocalDate.of(1940, 4, 1), "美月野市月見ヶ丘三丁目1番1号", null),
                newHousehold());
        people.register(
                person(family, "一郎", kana, "いちろう", Sex.MALE, LocalDate.of(1968, 9, 9), null, null),
                joining(mother.householdId(), Relationship.CHILD));
        return mother;
    }

    WatchRequestView ask(MemberView household, String volunteer, LocalDate until) {
        as("caseworker");
        WatchFixtures.consentToWatch(consents, people, users, household.householdId(), volunteer);
        return watches.ask(
                household.householdId(),
                new AskToWatch(
                        account(volunteer),
                        "郵便物がたまっていないか",
                        "週1回",
                        until,
                        WatchBasis.CONSENT,
                        "本人同意",
                        "耳が遠いのでゆっくり話してください"));
    }

    @Test
    void theVolunteerSeesOnlyTheWatchedHouseholdAndOnlyNamesAgesAddressRequestAndNotes() {
        MemberView watched = household("見守田", "みまもりた");
        MemberView other = household("無関係", "むかんけい");
        WatchRequestView request = ask(watched, "minsei", null);

        String watchedName = nameOf(watched);
        String otherName = nameOf(other);
        as("minsei");
        assertThat(watches.myWatches())
                .extracting(WatchedHousehold::householdName)
                .contains(watchedName)
                .doesNotContain(otherName);
        WatchedHousehold view = watches.myWatch(request.id());
        assertThat(view.residents())
                .extracting(WatchedHousehold.Resident::name)
                .containsExactlyInAnyOrder("見守田 トメ", "見守田 一郎");
        assertThat(view.residents().getFirst().age()).isNotNull();
        assertThat(view.watchFor()).isEqualTo("郵便物がたまっていないか");
        assertThat(view.notes()).extracting(WatchRequestView.SharedNote::text).containsExactly("耳が遠いのでゆっくり話してください");
        assertThat(view.masked()).isFalse();

        // nothing else: not the other household, not a person's record, not the request of someone else
        assertThatThrownBy(() -> people.household(other.householdId(), "curiosity"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> peopleService.person(watched.person().id(), "details"))
                .isInstanceOf(AccessDeniedException.class);
        as("minsei2");
        assertThatThrownBy(() -> watches.myWatch(request.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> people.household(watched.householdId(), "curiosity"))
                .isInstanceOf(AccessDeniedException.class);
    }

    /** The household's name, read as its caseworker (the caller acts as whom it needs afterwards). */
    String nameOf(MemberView member) {
        as("caseworker");
        return people.household(member.householdId(), "test").name();
    }

    @Test
    void everyReadOfTheVolunteerIsAudited() {
        MemberView watched = household("監査田", "かんさだ");
        WatchRequestView request = ask(watched, "minsei", null);
        as("minsei");
        watches.myWatch(request.id());
        assertThat(audit.recent(watched.householdId(), 10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.READ);
            assertThat(e.actorUsername()).isEqualTo("minsei");
        });
        assertThat(audit.recent(request.id(), 10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.READ);
            assertThat(e.actorUsername()).isEqualTo("minsei");
        });
    }

    @Test
    void endingTheRequestEndsTheVolunteersAccessAtOnce() {
        MemberView watched = household("終了田", "しゅうりょうだ");
        WatchRequestView request = ask(watched, "minsei", null);
        as("minsei");
        people.household(watched.householdId(), "watch");

        as("caseworker");
        watches.end(request.id(), request.version());

        as("minsei");
        assertThatThrownBy(() -> people.household(watched.householdId(), "watch"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> watches.myWatch(request.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(watches.myActiveRequestIds()).doesNotContain(request.id());
        assertThat(audit.recent(watched.householdId(), 5))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo(AuditAction.ACCESS_DENIED));
    }

    @Test
    void theRequestEndsAfterItsLastDay() {
        MemberView watched = household("期限田", "きげんだ");
        WatchRequestView request = ask(watched, "minsei", Japan.today(clock).plusDays(1));
        as("minsei");
        assertThat(watches.myWatch(request.id()).householdId()).isEqualTo(watched.householdId());
        later = clock.jump(Duration.ofDays(2));
        assertThatThrownBy(() -> people.household(watched.householdId(), "watch"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aRequestBasedOnConsentNeedsAConsentRecordAndTheVolunteerSeesNothingWithoutOne() {
        MemberView unconsented = household("同意未記録", "どういみきろく");
        as("caseworker");
        assertThatThrownBy(() -> watches.ask(
                        unconsented.householdId(),
                        new AskToWatch(account("minsei"), "様子", "週1回", null, WatchBasis.CONSENT, "本人同意", null)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.field()).isEqualTo("basis");
                    assertThat(v.messageKey()).isEqualTo("watch.error.noConsent");
                });
        assertThat(jdbc.sql("select count(*) from watch_request where household_id = ?")
                        .param(unconsented.householdId())
                        .query(Long.class)
                        .single())
                .isZero();
        as("minsei");
        assertThatThrownBy(() -> people.household(unconsented.householdId(), "watch"))
                .isInstanceOf(AccessDeniedException.class);

        // with the consent recorded, the same request is made
        as("caseworker");
        WatchFixtures.consentToWatch(consents, people, users, unconsented.householdId(), "minsei");
        assertThat(watches.ask(
                                unconsented.householdId(),
                                new AskToWatch(account("minsei"), "様子", "週1回", null, WatchBasis.CONSENT, "本人同意", null))
                        .householdId())
                .isEqualTo(unconsented.householdId());
    }

    @Test
    void onlyThoseWhoMayChangeTheHouseholdAskAndEnd() {
        MemberView watched = household("他機関田", "たきかんだ");
        as("caseworker2");
        assertThatThrownBy(() -> watches.ask(
                        watched.householdId(),
                        new AskToWatch(account("minsei"), "様子", "週1回", null, WatchBasis.CONSENT, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        WatchRequestView request = ask(watched, "minsei", null);
        as("caseworker2");
        assertThatThrownBy(() -> watches.end(request.id(), request.version()))
                .isInstanceOf(AccessDeniedException.class);
        as("caseworker");
        assertThatThrownBy(() -> watches.ask(
                        watched.householdId(),
                        new AskToWatch(account("caseworker2"), "様子", "週1回", null, WatchBasis.CONSENT, null, null)))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("watch.error.volunteer");
    }

    @Test
    void volunteersNeverSearchNorExport() {
        as("minsei");
        assertThatThrownBy(() -> access.authorizeSearch("person", "たなか", "search"))
                .isInstanceOf(AccessDeniedException.class);
        Actor minsei = (Actor) users.loadUserByUsername("minsei");
        MemberView watched = household("輸出田", "ゆしゅつだ");
        ask(watched, "minsei", null);
        as("minsei");
        assertThat(access.mayAccess(
                        minsei,
                        org.marugoto.access.PersonalDataAction.EXPORT,
                        people.householdScope(watched.householdId())))
                .isFalse();
        assertThat(access.mayAccess(
                        minsei,
                        org.marugoto.access.PersonalDataAction.WRITE,
                        people.householdScope(watched.householdId())))
                .isFalse();
    }

    @Test
    void aConcernGoesToTheAgencyWhichTakesItUpAndTheVolunteerSeesOnlyItsState() {
        MemberView watched = household("懸念田", "けねんだ");
        WatchRequestView request = ask(watched, "minsei", null);

        as("minsei");
        assertThat(concerns.defaultAgency(request.id())).contains(agency("HOKATSU-N"));
        ConcernView raised = concerns.raise(
                new RaiseConcern(request.id(), "", null, "雨戸が3日閉まったままです", ConcernUrgency.SOON, agency("HOKATSU-N")));
        assertThat(raised.householdId()).isEqualTo(watched.householdId());
        assertThat(raised.aboutWho()).isEqualTo(nameOf(watched));

        assertThat(concerns.inbox()).extracting(ConcernView::id).contains(raised.id());
        concerns.takeUp(raised.id(), raised.version(), null, "訪問して受診を勧めた（機関のメモ）");

        as("caseworker2");
        assertThat(concerns.inbox()).extracting(ConcernView::id).doesNotContain(raised.id());
        assertThatThrownBy(() -> concerns.get(raised.id())).isInstanceOf(AccessDeniedException.class);

        as("minsei2");
        assertThat(concerns.mine()).extracting(ConcernView.RaisedConcern::id).doesNotContain(raised.id());
        assertThatThrownBy(() -> concerns.get(raised.id())).isInstanceOf(AccessDeniedException.class);

        as("minsei");
        ConcernView.RaisedConcern mine = concerns.mine().stream()
                .filter(c -> c.id().equals(raised.id()))
                .findFirst()
                .orElseThrow();
        assertThat(mine.status()).isEqualTo(ConcernStatus.TAKEN_UP);
        assertThat(mine.toString()).doesNotContain("機関のメモ");
        // the volunteer does not open the agency's view of the concern
        assertThatThrownBy(() -> concerns.get(raised.id())).isInstanceOf(AccessDeniedException.class);

        as("caseworker");
        assertThatThrownBy(() -> concerns.takeUp(raised.id(), raised.version() + 1, null, null))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("concern.error.takenUp");
    }

    @Test
    void aConcernAboutSomeoneNotKnownYetAndNotAboutAnotherVolunteersHousehold() {
        MemberView watched = household("他人田", "たにんだ");
        WatchRequestView toMinsei2 = ask(watched, "minsei2", null);

        as("minsei");
        assertThatThrownBy(() -> concerns.raise(new RaiseConcern(
                        toMinsei2.id(), "", null, "見かけない", ConcernUrgency.ROUTINE, agency("HOKATSU-N"))))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("concern.error.watch");
        assertThatThrownBy(() -> concerns.raise(
                        new RaiseConcern(null, " ", null, "見かけない", ConcernUrgency.ROUTINE, agency("HOKATSU-N"))))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("concern.error.aboutWho");
        ConcernView unknown = concerns.raise(
                new RaiseConcern(null, "三丁目の80代男性", "公園の向かい", "1週間見かけない", ConcernUrgency.URGENT, agency("HOKATSU-S")));
        assertThat(unknown.householdId()).isNull();
        as("supervisor");
        assertThat(concerns.inbox()).extracting(ConcernView::id).doesNotContain(unknown.id());

        as("caseworker");
        assertThatThrownBy(() -> concerns.raise(new RaiseConcern(
                        null,
                        "誰か",
                        null,
                        "professionals record consultations",
                        ConcernUrgency.ROUTINE,
                        agency("HOKATSU-N"))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theDemoVolunteerWatchesTwoHouseholdsAndTheProtectedAddressStaysMasked() {
        as("minsei");
        assertThat(watches.myWatches())
                .extracting(WatchedHousehold::householdName)
                .contains("月岡家", "齋藤家");
        assertThat(concerns.mine())
                .extracting(ConcernView.RaisedConcern::status)
                .contains(ConcernStatus.NEW, ConcernStatus.TAKEN_UP);

        as("minsei2");
        WatchedHousehold protectedOne = watches.myWatches().stream()
                .filter(w -> w.householdName().equals("野々村家"))
                .findFirst()
                .orElseThrow();
        assertThat(protectedOne.masked()).isTrue();
        assertThat(protectedOne.address()).isNull();
        String secretAddress = jdbc.sql("select address from person where protected and address is not null limit 1")
                .query(String.class)
                .single();
        assertThat(protectedOne.toString() + protectedOne.residents()).doesNotContain(secretAddress);
    }

    @Test
    void takingUpLinksAConsultationAboutTheSameHouseholdOnly() {
        UUID tsukioka = jdbc.sql("select id from household where name = '月岡家' order by case_number limit 1")
                .query(UUID.class)
                .single();
        UUID consultation = jdbc.sql("select id from consultation where household_id = ? limit 1")
                .param(tsukioka)
                .query(UUID.class)
                .single();
        UUID request = jdbc.sql("select r.id from watch_request r join staff_account a on a.id = r.volunteer_account_id"
                        + " where r.household_id = ? and a.username = 'minsei'")
                .param(tsukioka)
                .query(UUID.class)
                .single();
        MemberView other = household("別世帯田", "べつせたいだ");
        WatchRequestView otherRequest = ask(other, "minsei", null);

        as("minsei");
        ConcernView aboutOther = concerns.raise(
                new RaiseConcern(otherRequest.id(), "", null, "庭の草が伸び放題", ConcernUrgency.ROUTINE, agency("HOKATSU-N")));
        ConcernView aboutTsukioka = concerns.raise(
                new RaiseConcern(request, "", null, "カーテンが閉まったまま", ConcernUrgency.SOON, agency("HOKATSU-N")));

        as("caseworker");
        assertThatThrownBy(() -> concerns.takeUp(aboutOther.id(), aboutOther.version(), consultation, null))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("concern.error.consultationHousehold");
        assertThatThrownBy(() -> concerns.takeUp(aboutOther.id(), aboutOther.version(), UUID.randomUUID(), null))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("concern.error.consultation");
        ConcernView taken = concerns.takeUp(aboutTsukioka.id(), aboutTsukioka.version(), consultation, "訪問済み");
        assertThat(taken.consultationId()).isEqualTo(consultation);
        assertThat(taken.status()).isEqualTo(ConcernStatus.TAKEN_UP);
    }
}
