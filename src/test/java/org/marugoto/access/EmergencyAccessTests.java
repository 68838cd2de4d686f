package org.marugoto.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marugoto.people.PeopleFixtures.joining;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.TestClock;
import org.marugoto.access.domain.EmergencyAccess;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEventView;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.people.Relationship;
import org.marugoto.people.Sex;
import org.marugoto.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Break-the-glass: request, reads during it, expiry by the clock, review, and who may not. */
@MarugotoTest
class EmergencyAccessTests {

    static final String REASON = "夜間に本人が倒れたと通報があり、救急隊に緊急連絡先を伝える必要がある。";

    @Autowired
    AccessApi access;

    @Autowired
    EmergencyAccess emergency;

    @Autowired
    PeopleApi people;

    @Autowired
    AuditApi audit;

    final TestClock clock = TestClock.INSTANCE;

    /** A move of the clock made by a test, undone after it. */
    TestClock.Jump later;

    @Autowired
    UserDetailsService users;

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

    /** A household of the elderly-care centre (HOKATSU-N) with two members. */
    List<MemberView> household(String family, String kana) {
        as("caseworker");
        MemberView mother = people.register(
                person(family, "母", kana, "はは", Sex.FEMALE, LocalDate.of(1940, 1, 1), null, null), newHousehold());
        MemberView son = people.register(
                person(family, "息子", kana, "むすこ", Sex.MALE, LocalDate.of(1970, 1, 1), null, null),
                joining(mother.householdId(), Relationship.CHILD));
        return List.of(mother, son);
    }

    EmergencyGrant breakGlass(String username, List<MemberView> members) {
        as(username);
        UUID household = members.getFirst().householdId();
        return access.breakGlass(
                "household",
                household,
                "H-TEST",
                Set.of(members.get(0).person().id(), members.get(1).person().id()),
                REASON);
    }

    boolean opens(UUID household) {
        try {
            people.household(household, "test");
            return true;
        } catch (AccessDeniedException refused) {
            return false;
        }
    }

    @Test
    void aCaseworkerOfAnotherAgencyReadsUnderEmergencyAccessUntilItExpires() {
        List<MemberView> members = household("緊急閲覧", "きんきゅうえつらん");
        UUID household = members.getFirst().householdId();
        as("caseworker2");
        assertThat(opens(household)).isFalse();
        assertThat(access.emergencyAccess(household)).isEmpty();

        EmergencyGrant grant = breakGlass("caseworker2", members);
        assertThat(grant.expiresAt()).isEqualTo(grant.grantedAt().plus(Duration.ofHours(3)));
        assertThat(opens(household)).isTrue();
        assertThat(people.members(household)).hasSize(2);
        assertThat(access.emergencyAccess(household)).contains(grant);
        // a second request while it runs returns the same grant
        assertThat(breakGlass("caseworker2", members).id()).isEqualTo(grant.id());
        // only the requester, not their colleagues
        as("supervisor2");
        assertThat(opens(household)).isFalse();

        as("caseworker");
        List<AuditEventView> trail = audit.recent(household, 100);
        assertThat(trail)
                .filteredOn(e -> e.action() == AuditAction.BREAK_GLASS)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actorUsername()).isEqualTo("caseworker2");
                    assertThat(e.purpose()).isEqualTo(grant.purpose());
                    assertThat(e.details()).doesNotContain("救急隊");
                });
        assertThat(trail)
                .filteredOn(
                        e -> e.action() == AuditAction.READ && grant.purpose().equals(e.purpose()))
                .hasSizeGreaterThanOrEqualTo(2);

        later = clock.jump(Duration.ofHours(3).plusMinutes(1));
        as("caseworker2");
        assertThat(opens(household)).isFalse();
        assertThat(access.emergencyAccess(household)).isEmpty();
    }

    @Test
    void aReasonOfAtLeastASentenceIsRequired() {
        List<MemberView> members = household("緊急理由", "きんきゅうりゆう");
        as("caseworker2");
        assertThatThrownBy(() ->
                        access.breakGlass("household", members.getFirst().householdId(), "H-TEST", Set.of(), "急ぎ"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("reason"));
        assertThat(opens(members.getFirst().householdId())).isFalse();
    }

    @Test
    void volunteersPlannersAdministratorsAuditorsAndThePrivacyOfficerCannotBreakTheGlass() {
        List<MemberView> members = household("緊急不可", "きんきゅうふか");
        for (String username : List.of("minsei", "planner", "admin", "auditor", "privacy")) {
            assertThatThrownBy(() -> breakGlass(username, members))
                    .as(username)
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void theSupervisorOfTheRequesterAndThePrivacyOfficerReviewIt() {
        List<MemberView> members = household("緊急確認", "きんきゅうかくにん");
        EmergencyGrant grant = breakGlass("caseworker2", members);

        as("supervisor"); // another agency's supervisor does not see it
        assertThat(emergency.reviewQueue().pending()).noneMatch(g -> g.id().equals(grant.id()));
        as("caseworker");
        assertThatThrownBy(() -> emergency.reviewQueue()).isInstanceOf(AccessDeniedException.class);

        as("supervisor2");
        assertThat(emergency.reviewQueue().pending()).anyMatch(g -> g.id().equals(grant.id()));
        EmergencyGrant bySupervisor = emergency.review(grant.id(), grant.version(), EmergencyReview.JUSTIFIED, "");
        assertThat(bySupervisor.supervisorReview()).isEqualTo(EmergencyReview.JUSTIFIED);
        assertThat(emergency.reviewQueue().pending()).noneMatch(g -> g.id().equals(grant.id()));

        as("privacy");
        assertThat(emergency.reviewQueue().pending()).anyMatch(g -> g.id().equals(grant.id()));
        assertThatThrownBy(
                        () -> emergency.review(grant.id(), bySupervisor.version(), EmergencyReview.NOT_JUSTIFIED, " "))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("note"));
        EmergencyGrant byPrivacy = emergency.review(
                grant.id(), bySupervisor.version(), EmergencyReview.NOT_JUSTIFIED, "救急要請は消防に任せるべきだった。");
        assertThat(byPrivacy.privacyReview()).isEqualTo(EmergencyReview.NOT_JUSTIFIED);
        assertThat(byPrivacy.privacyReviewedBy()).isEqualTo("privacy");
        assertThat(emergency.reviewQueue().reviewed()).anyMatch(g -> g.id().equals(grant.id()));

        as("caseworker");
        assertThat(audit.recent(members.getFirst().householdId(), 100))
                .filteredOn(e -> e.action() == AuditAction.BREAK_GLASS_REVIEW)
                .extracting(AuditEventView::actorUsername)
                .containsExactlyInAnyOrder("supervisor2", "privacy");
    }

    @Test
    void aSupervisorDoesNotReviewTheirOwnEmergencyAccess() {
        List<MemberView> members = household("緊急本人", "きんきゅうほんにん");
        EmergencyGrant grant = breakGlass("supervisor2", members);
        assertThat(emergency.reviewQueue().pending()).noneMatch(g -> g.id().equals(grant.id()));
        assertThatThrownBy(() -> emergency.review(grant.id(), grant.version(), EmergencyReview.JUSTIFIED, ""))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theDemoHasAPastEmergencyAccessAwaitingReview() {
        as("privacy");
        assertThat(emergency.reviewQueue().pending()).anySatisfy(g -> {
            assertThat(g.username()).isEqualTo("caseworker2");
            assertThat(g.activeAt(clock.instant())).isFalse();
        });
    }
}
