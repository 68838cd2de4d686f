package org.marugoto.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.TestClock;
import org.marugoto.area.AreaApi;
import org.marugoto.community.domain.Activity;
import org.marugoto.community.domain.ActivityCommand;
import org.marugoto.community.domain.ActivityFinder;
import org.marugoto.community.domain.ActivityKind;
import org.marugoto.community.domain.CommunityService;
import org.marugoto.community.domain.Group;
import org.marugoto.community.domain.GroupKind;
import org.marugoto.community.domain.InterestService;
import org.marugoto.community.domain.InterestStatus;
import org.marugoto.community.domain.ReviewState;
import org.marugoto.community.domain.Schedule;
import org.marugoto.community.domain.ScheduleKind;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.shared.Actor;
import org.marugoto.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Organisers write, reviewers publish, residents see only what was published; interest messages and their limits. */
@MarugotoTest
class CommunityServiceTests {

    @Autowired
    CommunityService community;

    @Autowired
    InterestService interests;

    @Autowired
    ActivityFinder finder;

    @Autowired
    AreaApi areas;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    void as(String username) {
        PeopleFixtures.actAs(users, username);
    }

    UUID account(String username) {
        return ((Actor) users.loadUserByUsername(username)).accountId();
    }

    UUID area(String code) {
        return areas.findByCode(code).orElseThrow().id();
    }

    Group group(String name, String organiser) {
        as("csw");
        return community.ensureGroup(name, null, GroupKind.VOLUNTEER_GROUP, null, null, null, account(organiser));
    }

    @Test
    void anOrganisersEntryReachesResidentsOnlyOnceAReviewerPublishedIt() {
        Group g = group("テストの会 公開", "organiser2");
        as("organiser2");
        Activity created = community.create(CommunityFixtures.activity(g.id(), area("W1-1"), "公開テストのサロン"));
        assertThat(created.reviewState()).isEqualTo(ReviewState.PENDING);
        assertThat(finder.published(created.id())).isEmpty();
        assertThatThrownBy(() -> community.publish(created.id(), created.version()))
                .isInstanceOf(AccessDeniedException.class);

        as("csw");
        assertThat(community.pendingReviews()).extracting(Activity::id).contains(created.id());
        Activity published = community.publish(created.id(), created.version());
        assertThat(published.reviewState()).isEqualTo(ReviewState.PUBLISHED);
        assertThat(finder.published(created.id())).isPresent();
        // found by its 小学校区, which contains the area
        assertThat(finder.search(new ActivityFinder.Criteria(area("W1"), null, null, null, null, false, false)))
                .extracting(Activity::id)
                .contains(created.id());

        // the organiser changes the time: residents keep seeing the published time until the next review
        as("organiser2");
        Activity mine = community.get(created.id());
        Schedule afternoon = new Schedule(
                ScheduleKind.MONTHLY,
                mine.schedule().weekdays(),
                mine.schedule().nthWeeks(),
                LocalTime.of(14, 0),
                LocalTime.of(16, 0),
                mine.schedule().cancelled(),
                null);
        Activity changed = community.update(created.id(), mine.version(), with(mine, afternoon));
        assertThat(changed.reviewState()).isEqualTo(ReviewState.PENDING);
        assertThat(finder.published(created.id()).orElseThrow().schedule().start())
                .isEqualTo(LocalTime.of(10, 0));
        // a second save from the same (now old) form is refused
        assertThatThrownBy(() -> community.update(created.id(), mine.version(), with(mine, afternoon)))
                .isInstanceOf(OptimisticLockingFailureException.class);

        as("csw");
        community.publish(created.id(), changed.version());
        assertThat(finder.published(created.id()).orElseThrow().schedule().start())
                .isEqualTo(LocalTime.of(14, 0));
    }

    @Test
    void anOrganiserKeepsOnlyTheirOwnGroupsEntriesAndIsNoReviewer() {
        Group theirs = group("テストの会 他団体", "organiser");
        as("organiser");
        Activity other = community.create(CommunityFixtures.activity(theirs.id(), area("N1-1"), "他団体のサロン"));

        as("organiser2");
        assertThatThrownBy(() -> community.get(other.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> community.create(CommunityFixtures.activity(theirs.id(), area("N1-1"), "なりすまし")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(community.mine()).extracting(Activity::id).doesNotContain(other.id());
        assertThatThrownBy(() -> community.pendingReviews()).isInstanceOf(AccessDeniedException.class);
        // a caseworker of an agency other than the 社協 neither reviews nor writes
        as("caseworker");
        assertThatThrownBy(() -> community.pendingReviews()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> community.get(other.id())).isInstanceOf(AccessDeniedException.class);
        // the coordinator reviews
        as("coordinator");
        assertThat(community.pendingReviews()).extracting(Activity::id).contains(other.id());
    }

    @Test
    void areturnNeedsANoteAndWrongInputIsRefusedAtItsField() {
        Group g = group("テストの会 差し戻し", "organiser2");
        as("organiser2");
        Activity a = community.create(CommunityFixtures.activity(g.id(), area("S1-1"), "差し戻しテスト"));
        assertThatThrownBy(() -> community.create(CommunityFixtures.activity(g.id(), UUID.randomUUID(), "地域なし")))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("areaId"));
        as("csw");
        assertThatThrownBy(() -> community.returnToOrganiser(a.id(), a.version(), " "))
                .isInstanceOf(RuleViolation.class);
        Activity returned = community.returnToOrganiser(a.id(), a.version(), "電話番号を書いてください");
        assertThat(returned.reviewState()).isEqualTo(ReviewState.RETURNED);
        assertThat(returned.reviewNote()).isEqualTo("電話番号を書いてください");
    }

    @Test
    void anEntryNotConfirmedForSixMonthsIsStaleUntilTheOrganiserConfirmsIt() {
        Group g = group("テストの会 古い", "organiser2");
        as("organiser2");
        Activity a = community.create(CommunityFixtures.activity(g.id(), area("E1-1"), "古い情報のサロン"));
        assertThat(community.staleOfMine()).extracting(Activity::id).doesNotContain(a.id());
        try (var later = TestClock.INSTANCE.jump(Duration.ofDays(200))) {
            assertThat(community.staleOfMine()).extracting(Activity::id).contains(a.id());
            Activity confirmed = community.confirmCurrent(a.id(), a.version());
            assertThat(community.staleOfMine()).extracting(Activity::id).doesNotContain(confirmed.id());
        }
        // the demo's stale entry is the organiser's exercise place in 桜台
        as("organiser");
        assertThat(community.staleOfMine()).extracting(Activity::name).contains("桜台いきいき百歳体操");
    }

    @Test
    void residentsMessagesReachTheOrganiserAreLimitedPerAddressAndDeletedAfterTheirPeriod() {
        Group g = group("テストの会 申し出", "organiser2");
        as("organiser2");
        Activity a = community.create(CommunityFixtures.activity(g.id(), area("C1-1"), "申し出テストのサロン"));
        as("csw");
        community.publish(a.id(), a.version());
        SecurityContextHolder.clearContext();

        UUID id = interests.submit(a.id(), "テスト太郎", "090-1234-5678", "参加できますか", "203.0.113.50");
        for (int i = 1; i < 5; i++) {
            interests.submit(a.id(), "テスト" + i, "090-1234-5678", "参加できますか", "203.0.113.50");
        }
        assertThatThrownBy(() -> interests.submit(a.id(), "6通目", "090", "多すぎ", "203.0.113.50"))
                .isInstanceOf(RuleViolation.class);
        // another address is not limited by the first
        interests.submit(a.id(), "べつの人", "090", "こんにちは", "203.0.113.51");
        // the client address itself is not stored
        assertThat(jdbc.sql("select count(*) from community_interest where client_hash like '%203.0.113%'")
                        .query(Long.class)
                        .single())
                .isZero();

        as("organiser2");
        assertThat(interests.inbox()).extracting(i -> i.id()).contains(id);
        var read = interests.get(id);
        var answered = interests.answer(id, read.version(), "電話しました", true);
        assertThat(answered.status()).isEqualTo(InterestStatus.HANDLED);
        as("organiser");
        assertThatThrownBy(() -> interests.get(id)).isInstanceOf(AccessDeniedException.class);

        // kept for the retention period from arrival, then deleted by the job (only those past their period)
        assertThat(read.deleteAfter()).isEqualTo(read.createdAt().plus(interests.retention()));
        long before = jdbc.sql("select count(*) from community_interest")
                .query(Long.class)
                .single();
        jdbc.sql("update community_interest set delete_after = created_at - interval '1 minute' where activity_id = ?")
                .param(a.id())
                .update();
        assertThat(interests.deleteExpired()).isEqualTo(6);
        assertThat(jdbc.sql("select count(*) from community_interest")
                        .query(Long.class)
                        .single())
                .isEqualTo(before - 6);
    }

    @Test
    void theDemoCityHasDozensOfPublishedEntriesInEveryDistrict() {
        List<Activity> published = community.published();
        assertThat(published).hasSizeGreaterThan(40);
        assertThat(finder.schoolDistricts()).allSatisfy(d -> assertThat(
                        finder.search(new ActivityFinder.Criteria(d.id(), null, null, null, null, false, false)))
                .isNotEmpty());
        assertThat(published).anyMatch(a -> a.kind() == ActivityKind.CHILDREN_CAFETERIA);
        assertThat(published).anyMatch(Activity::volunteer);
    }

    static ActivityCommand with(Activity a, Schedule schedule) {
        return new ActivityCommand(
                a.groupId(),
                a.kind(),
                a.volunteer(),
                a.name(),
                a.nameKana(),
                a.description(),
                a.helpWanted(),
                a.areaId(),
                a.venue(),
                a.address(),
                a.directions(),
                a.targets(),
                a.costYen(),
                a.costNote(),
                a.capacity(),
                a.stepFree(),
                a.accessibleToilet(),
                a.parking(),
                a.languages(),
                a.contactName(),
                a.contactPhone(),
                a.contactEmail(),
                schedule,
                a.status());
    }
}
