package org.marugoto.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marugoto.people.PeopleFixtures.joining;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.Urgency;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.people.Relationship;
import org.marugoto.people.Sex;
import org.marugoto.referral.domain.Notifications;
import org.marugoto.referral.domain.ReferralService;
import org.marugoto.referral.domain.SendReferral;
import org.marugoto.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

@MarugotoTest
class ReferralServiceTests {

    @Autowired
    ReferralService referrals;

    @Autowired
    Notifications notifications;

    @Autowired
    PeopleApi people;

    @Autowired
    DirectoryApi directory;

    @Autowired
    UserDetailsService users;

    void as(String username) {
        PeopleFixtures.actAs(users, username);
    }

    UUID agency(String code) {
        return directory.agencyByCode(code).orElseThrow().id();
    }

    /** As the elderly-care centre's caseworker: an 8050 household and a referral of the son to the poverty counter. */
    ReferralView sendSon(ConsentStatus consent) {
        as("caseworker");
        MemberView mother = people.register(
                person("紹介", "母", "しょうかい", "はは", Sex.FEMALE, LocalDate.of(1944, 5, 5), null, null), newHousehold());
        MemberView son = people.register(
                person("紹介", "息子", "しょうかい", "むすこ", Sex.MALE, LocalDate.of(1974, 6, 6), null, null),
                joining(mother.householdId(), Relationship.CHILD));
        return referrals.send(new SendReferral(
                mother.householdId(),
                null,
                agency("JIRITSU"),
                null,
                List.of(son.person().id()),
                List.of("INCOME", "JOB_SEARCH"),
                Urgency.NORMAL,
                "50代男性の就労と家計",
                "働きたいと話している",
                "家計の聞き取り",
                consent,
                null,
                LocalDate.now().plusDays(7)));
    }

    @Test
    void theWholeLoopFromSendingToFollowUp() {
        ReferralView sent = sendSon(ConsentStatus.GIVEN);
        assertThat(sent.status()).isEqualTo(ReferralStatus.SENT);

        as("caseworker2");
        assertThat(notifications.mine(10))
                .anySatisfy(n -> assertThat(n.reference()).isEqualTo(sent.referenceNumber()));
        ReferralView before = referrals.get(sent.id());
        assertThat(before.detailsShared()).isFalse();
        assertThat(before.reason()).isNull();
        assertThat(before.personIds()).isEmpty();

        ReferralView accepted = referrals.accept(sent.id(), sent.version());
        ReferralView after = referrals.get(sent.id());
        assertThat(after.detailsShared()).isTrue();
        assertThat(after.reason()).isEqualTo("働きたいと話している");
        assertThat(people.household(sent.householdId(), "referral").id()).isEqualTo(sent.householdId());

        ReferralView started = referrals.start(sent.id(), accepted.version());
        ReferralView completed =
                referrals.complete(sent.id(), started.version(), ReferralOutcome.GOT_HELP, "就労準備支援を開始");

        as("caseworker");
        assertThat(referrals.get(sent.id()).followUpNeeded()).isTrue();
        ReferralView closed = referrals.confirmFollowUp(sent.id(), completed.version(), "本人から元気に通っていると聞いた");
        assertThat(closed.followUpNeeded()).isFalse();
        assertThat(referrals.history(sent.id()))
                .extracting(ReferralEventView::kind)
                .containsExactly("SENT", "ACCEPTED", "STARTED", "COMPLETED", "FOLLOW_UP_CONFIRMED");
        assertThat(referrals.history(sent.id()).get(1).actorUsername()).isEqualTo("caseworker2");
    }

    @Test
    void illegalTransitionsAreRefused() {
        ReferralView sent = sendSon(ConsentStatus.GIVEN);
        as("caseworker2");
        ReferralView declined = referrals.decline(sent.id(), sent.version(), "対象外のため", agency("WELFARE-OFFICE"));

        assertThatThrownBy(() -> referrals.complete(declined.id(), declined.version(), ReferralOutcome.GOT_HELP, null))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("referral.error.illegal"));
        assertThatThrownBy(() -> referrals.accept(declined.id(), declined.version()))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> referrals.start(declined.id(), declined.version()))
                .isInstanceOf(RuleViolation.class);
        assertThat(referrals.get(sent.id()).status()).isEqualTo(ReferralStatus.DECLINED);
    }

    @Test
    void acceptingTwiceIsRefusedWithAClearMessage() {
        ReferralView sent = sendSon(ConsentStatus.GIVEN);
        as("caseworker2");
        ReferralView accepted = referrals.accept(sent.id(), sent.version());

        assertThatThrownBy(() -> referrals.accept(sent.id(), sent.version()))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThatThrownBy(() -> referrals.accept(sent.id(), accepted.version()))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void twoReceiversActingAtOnceEndWithOneWinner() throws Exception {
        ReferralView sent = sendSon(ConsentStatus.GIVEN);
        var principal = users.loadUserByUsername("caseworker2");
        var supervisor = users.loadUserByUsername("supervisor2");
        Callable<String> accept = () -> act(principal, () -> referrals.accept(sent.id(), sent.version()));
        Callable<String> decline =
                () -> act(supervisor, () -> referrals.decline(sent.id(), sent.version(), "担当外", null));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = pool.invokeAll(List.of(accept, decline));
            List<String> outcomes =
                    results.stream().map(ReferralServiceTests::get).toList();
            assertThat(outcomes).containsOnlyOnce("ok");
            assertThat(outcomes)
                    .filteredOn(o -> !o.equals("ok"))
                    .singleElement()
                    .isIn("stale", "illegal");
        } finally {
            pool.shutdown();
        }
        as("caseworker2");
        assertThat(referrals.get(sent.id()).status()).isIn(ReferralStatus.ACCEPTED, ReferralStatus.DECLINED);
        assertThat(referrals.history(sent.id())).hasSize(2);
    }

    private static String act(org.springframework.security.core.userdetails.UserDetails user, Runnable action) {
        SecurityContextHolder.getContext()
                .setAuthentication(
                        org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                                user, null, user.getAuthorities()));
        try {
            action.run();
            return "ok";
        } catch (OptimisticLockingFailureException e) {
            return "stale";
        } catch (RuleViolation e) {
            return "illegal";
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static String get(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void withoutConsentTheReceiverNeverSeesPersonalDetails() {
        ReferralView sent = sendSon(ConsentStatus.REFUSED);
        as("caseworker2");
        ReferralView accepted = referrals.accept(sent.id(), sent.version());

        ReferralView seen = referrals.get(sent.id());
        assertThat(seen.detailsShared()).isFalse();
        assertThat(seen.reason()).isNull();
        assertThat(seen.summary()).isEqualTo("50代男性の就労と家計");
        assertThatThrownBy(() -> people.household(sent.householdId(), "curiosity"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(accepted.status()).isEqualTo(ReferralStatus.ACCEPTED);
    }

    @Test
    void onlyTheRightSideMayAct() {
        ReferralView sent = sendSon(ConsentStatus.GIVEN);
        assertThatThrownBy(() -> referrals.accept(sent.id(), sent.version())).isInstanceOf(AccessDeniedException.class);
        as("caseworker3");
        assertThatThrownBy(() -> referrals.get(sent.id())).isInstanceOf(AccessDeniedException.class);
        as("caseworker2");
        assertThatThrownBy(() -> referrals.withdraw(sent.id(), sent.version(), "取り下げ"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aDeclineNeedsAReasonAndMayNameAnotherAgency() {
        ReferralView sent = sendSon(ConsentStatus.GIVEN);
        as("caseworker2");
        assertThatThrownBy(() -> referrals.decline(sent.id(), sent.version(), " ", null))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("declineReason"));
        ReferralView declined = referrals.decline(sent.id(), sent.version(), "生活保護の相談が適切", agency("WELFARE-OFFICE"));
        assertThat(declined.suggestedAgencyId()).isEqualTo(agency("WELFARE-OFFICE"));
        as("caseworker");
        assertThat(referrals.get(sent.id()).followUpNeeded()).isTrue();
    }

    /** A minimal referral of one person to the agency with the given code, to be answered by the given date. */
    SendReferral referral(MemberView someone, String agencyCode, LocalDate answerBy) {
        return new SendReferral(
                someone.householdId(),
                null,
                agency(agencyCode),
                null,
                List.of(someone.person().id()),
                List.of("CARE"),
                Urgency.NORMAL,
                "概要",
                null,
                null,
                ConsentStatus.GIVEN,
                null,
                answerBy);
    }

    @Test
    void badReferralsAreRefused() {
        as("caseworker");
        MemberView someone =
                people.register(person("不備", "一", "ふび", "はじめ", Sex.MALE, null, null, null), newHousehold());
        assertThatThrownBy(() -> referrals.send(
                        referral(someone, "HOKATSU-N", LocalDate.now().plusDays(3))))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("referral.error.toSelf"));
        assertThatThrownBy(() -> referrals.send(
                        referral(someone, "JIRITSU", LocalDate.now().minusDays(1))))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("desiredResponseDate"));
        assertThatThrownBy(() -> referrals.send(
                        referral(someone, "CITY-ADMIN", LocalDate.now().plusDays(1))))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("referral.error.notAccepting"));
    }
}
