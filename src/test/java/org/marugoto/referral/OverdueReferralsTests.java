package org.marugoto.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.Urgency;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.people.Sex;
import org.marugoto.referral.domain.Notifications;
import org.marugoto.referral.domain.OverdueReferrals;
import org.marugoto.referral.domain.ReferralService;
import org.marugoto.referral.domain.SendReferral;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Overdue detection. Time is moved by rewriting the referral's dates in the database (the clock of the detector is
 * the real one), so the test needs no sleeping.
 */
@MarugotoTest
class OverdueReferralsTests {

    @Autowired
    OverdueReferrals overdue;

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

    @Autowired
    JdbcClient jdbc;

    ReferralView send() {
        PeopleFixtures.actAs(users, "caseworker3");
        MemberView member =
                people.register(person("期限", "超過", "きげん", "ちょうか", Sex.FEMALE, null, null, null), newHousehold());
        return referrals.send(new SendReferral(
                member.householdId(),
                null,
                directory.agencyByCode("HOKATSU-E").orElseThrow().id(),
                null,
                List.of(member.person().id()),
                List.of("CARE"),
                Urgency.HIGH,
                "70代女性の介護の相談",
                null,
                null,
                ConsentStatus.GIVEN,
                null,
                LocalDate.now().plusDays(2)));
    }

    long notificationsAbout(UUID referral, String kind) {
        return jdbc.sql("select count(*) from notification where referral_id = ? and kind = ?")
                .params(referral, kind)
                .query(Long.class)
                .single();
    }

    @Test
    void anUnansweredReferralBecomesOverdueOnceAndEveryoneIsTold() {
        ReferralView sent = send();
        assertThat(overdue.detect()).isZero();
        assertThat(notificationsAbout(sent.id(), "REFERRAL_OVERDUE")).isZero();

        jdbc.sql("update referral set desired_response_date = ? where id = ?")
                .params(LocalDate.now().minusDays(1), sent.id())
                .update();
        assertThat(overdue.detect()).isGreaterThanOrEqualTo(1);
        assertThat(overdue.detect()).isZero();

        // both agencies and the coordinators, exactly once
        assertThat(notificationsAbout(sent.id(), "REFERRAL_OVERDUE")).isEqualTo(3);
        PeopleFixtures.actAs(users, "coordinator");
        assertThat(referrals.overdue()).extracting(ReferralView::id).contains(sent.id());
        assertThat(referrals.overdue()).allSatisfy(r -> assertThat(r.reason()).isNull());
        assertThat(notifications.mine(50)).anySatisfy(n -> assertThat(n.kind()).isEqualTo("REFERRAL_OVERDUE"));
    }

    @Test
    void anAcceptedReferralLeftIdleBecomesOverdueAndActingClearsIt() {
        ReferralView sent = send();
        PeopleFixtures.actAs(users, "supervisor");
        jdbc.sql("update referral set to_agency_id = ? where id = ?")
                .params(directory.agencyByCode("HOKATSU-N").orElseThrow().id(), sent.id())
                .update();
        ReferralView accepted = referrals.accept(sent.id(), sent.version());
        jdbc.sql("update referral set last_activity_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofDays(15))), sent.id())
                .update();

        assertThat(overdue.detect()).isGreaterThanOrEqualTo(1);
        assertThat(referrals.get(sent.id()).overdue()).isTrue();

        referrals.start(sent.id(), accepted.version());
        assertThat(referrals.get(sent.id()).overdue()).isFalse();
    }

    @Test
    void twoNodesRunningTheJobAtOnceNotifyOnlyOnce() throws Exception {
        ReferralView sent = send();
        jdbc.sql("update referral set desired_response_date = ? where id = ?")
                .params(LocalDate.now().minusDays(3), sent.id())
                .update();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Callable<Integer> job = overdue::detect;
            var results = pool.invokeAll(List.of(job, job));
            int total = 0;
            for (var result : results) {
                total += result.get();
            }
            assertThat(total).isGreaterThanOrEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(notificationsAbout(sent.id(), "REFERRAL_OVERDUE")).isEqualTo(3);
    }
}
