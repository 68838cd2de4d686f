package org.marugoto.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marugoto.people.PeopleFixtures.joining;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.TestClock;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEventView;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.Urgency;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.people.Relationship;
import org.marugoto.people.Sex;
import org.marugoto.people.domain.EndedSharing;
import org.marugoto.people.domain.PersonSearch;
import org.marugoto.referral.ReferralView;
import org.marugoto.referral.domain.ReferralService;
import org.marugoto.referral.domain.SendReferral;
import org.marugoto.shared.Japan;
import org.marugoto.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Consent records and access that follows them: sharing, withdrawal, expiry, own records, referrals, audit. */
@MarugotoTest
class ConsentServiceTests {

    @Autowired
    ConsentApi consents;

    @Autowired
    PeopleApi people;

    @Autowired
    PersonSearch search;

    @Autowired
    EndedSharing endedSharing;

    @Autowired
    ReferralService referrals;

    @Autowired
    DirectoryApi directory;

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

    UUID agency(String code) {
        return directory.agencyByCode(code).orElseThrow().id();
    }

    LocalDate today() {
        return Japan.today(clock);
    }

    /** As the elderly-care centre (HOKATSU-N): a mother and son with a family name unique to the test. */
    MemberView household(String family, String kana) {
        as("caseworker");
        MemberView mother = people.register(
                person(family, "母", kana, "はは", Sex.FEMALE, LocalDate.of(1944, 5, 5), null, null), newHousehold());
        people.register(
                person(family, "息子", kana, "むすこ", Sex.MALE, LocalDate.of(1974, 6, 6), null, null),
                joining(mother.householdId(), Relationship.CHILD));
        return mother;
    }

    ConsentView share(MemberView member, LocalDate validUntil, ConsentPurpose... purposes) {
        as("caseworker");
        return consents.record(new RecordConsent(
                member.householdId(),
                List.of(member.person().id()),
                ConsentGiver.PERSON,
                null,
                null,
                List.of(agency("JIRITSU")),
                EnumSet.of(ConsentPurpose.INFORMATION_SHARING, purposes),
                ConsentMethod.SIGNED_FORM,
                null,
                today(),
                validUntil,
                null));
    }

    /** Whether the poverty counter (JIRITSU) may open the household and find the mother in search. */
    boolean povertyCounterOpens(MemberView member) {
        as("caseworker2");
        try {
            people.household(member.householdId(), "test");
            return true;
        } catch (AccessDeniedException refused) {
            return false;
        }
    }

    boolean povertyCounterFinds(String family) {
        as("caseworker2");
        return !search.search(family).isEmpty();
    }

    List<AuditAction> auditOf(UUID recordId) {
        as("caseworker");
        return audit.recent(recordId, 50).stream().map(AuditEventView::action).toList();
    }

    @Test
    void sharingConsentOpensTheHouseholdToTheNamedAgencyAndWithdrawalClosesItAtOnce() {
        MemberView mother = household("同意共有", "どういきょうゆう");
        assertThat(povertyCounterOpens(mother)).isFalse();
        assertThat(povertyCounterFinds("同意共有")).isFalse();

        ConsentView consent = share(mother, today().plusMonths(6), ConsentPurpose.SUPPORT_MEETING);
        assertThat(consent.state()).isEqualTo(ConsentState.VALID);
        assertThat(povertyCounterOpens(mother)).isTrue();
        assertThat(povertyCounterFinds("同意共有")).isTrue();
        assertThat(consents.validConsentOfHousehold(
                        mother.householdId(), agency("JIRITSU"), ConsentPurpose.SUPPORT_MEETING))
                .isPresent();
        assertThat(consents.validConsentOfPerson(
                        mother.person().id(), agency("JIRITSU"), ConsentPurpose.SUPPORT_MEETING))
                .isPresent();
        assertThat(consents.validConsentOfHousehold(mother.householdId(), agency("JIRITSU"), ConsentPurpose.OUTREACH))
                .isEmpty();
        assertThat(consents.validConsentOfHousehold(
                        mother.householdId(), agency("HEALTH"), ConsentPurpose.SUPPORT_MEETING))
                .isEmpty();

        as("caseworker");
        ConsentView withdrawn = consents.withdraw(
                consent.id(),
                consent.version(),
                new ConsentWithdrawal(today(), ConsentMethod.VERBAL_WITH_WITNESS, "家族と相談したいとのこと"));
        assertThat(withdrawn.state()).isEqualTo(ConsentState.WITHDRAWN);
        assertThat(withdrawn.withdrawnBy()).isEqualTo("caseworker");

        assertThat(povertyCounterOpens(mother)).isFalse();
        assertThat(povertyCounterFinds("同意共有")).isFalse();
        assertThat(consents.validConsentOfHousehold(
                        mother.householdId(), agency("JIRITSU"), ConsentPurpose.SUPPORT_MEETING))
                .isEmpty();
        // the owner agency keeps its household
        as("caseworker");
        assertThat(people.household(mother.householdId(), "test").id()).isEqualTo(mother.householdId());
        assertThat(auditOf(consent.id())).contains(AuditAction.CREATE, AuditAction.CONSENT_WITHDRAWN);
        assertThat(audit.recent(consent.id(), 50))
                .filteredOn(e -> e.action() == AuditAction.CONSENT_WITHDRAWN)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actorUsername()).isEqualTo("caseworker");
                    assertThat(e.details()).doesNotContain("家族と相談したい");
                });
    }

    @Test
    void anAgencyWithItsOwnRecordKeepsAccessWhenTheConsentIsWithdrawn() {
        MemberView mother = household("同意自前", "どういじまえ");
        ConsentView consent = share(mother, today().plusMonths(6));
        // the poverty counter then records something of its own about the household
        as("caseworker2");
        people.involve(mother.householdId(), agency("JIRITSU"), "CONSULTATION");

        as("caseworker");
        consents.withdraw(
                consent.id(), consent.version(), new ConsentWithdrawal(today(), ConsentMethod.SIGNED_FORM, null));
        assertThat(povertyCounterOpens(mother)).isTrue();
        assertThat(povertyCounterFinds("同意自前")).isTrue();
    }

    @Test
    void aConsentExpiresAtTheEndOfItsLastDayInAccessAndThenInSearch() {
        MemberView mother = household("同意期限", "どういきげん");
        ConsentView consent = share(mother, today());
        assertThat(povertyCounterOpens(mother)).isTrue();

        later = clock.jump(Duration.ofDays(1).plusHours(1));
        assertThat(consents.isValid(consent.id())).isFalse();
        as("caseworker");
        assertThat(consents.get(consent.id()).state()).isEqualTo(ConsentState.EXPIRED);
        // decisions compare with the clock: the expiry is exact
        assertThat(povertyCounterOpens(mother)).isFalse();
        // search follows once the job has run
        endedSharing.apply();
        assertThat(povertyCounterFinds("同意期限")).isFalse();
    }

    @Test
    void aConsentSaysHowItWasGivenAndByWhom() {
        MemberView mother = household("同意検証", "どういけんしょう");
        as("caseworker");
        RecordConsent verbalWithoutWitness = new RecordConsent(
                mother.householdId(),
                List.of(mother.person().id()),
                ConsentGiver.PERSON,
                null,
                null,
                List.of(agency("JIRITSU")),
                EnumSet.of(ConsentPurpose.OUTREACH),
                ConsentMethod.VERBAL_WITH_WITNESS,
                " ",
                today(),
                null,
                null);
        assertThatThrownBy(() -> consents.record(verbalWithoutWitness))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("witness"));
        RecordConsent representativeWithoutName = new RecordConsent(
                mother.householdId(),
                List.of(mother.person().id()),
                ConsentGiver.REPRESENTATIVE,
                null,
                "成年後見人",
                List.of(agency("JIRITSU")),
                EnumSet.of(ConsentPurpose.OUTREACH),
                ConsentMethod.SIGNED_FORM,
                null,
                today(),
                null,
                null);
        assertThatThrownBy(() -> consents.record(representativeWithoutName))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("representativeName"));
        ConsentView byGuardian = consents.record(new RecordConsent(
                mother.householdId(),
                List.of(mother.person().id()),
                ConsentGiver.REPRESENTATIVE,
                "後見 太郎",
                "成年後見人",
                List.of(agency("JIRITSU")),
                EnumSet.of(ConsentPurpose.OUTREACH),
                ConsentMethod.VERBAL_WITH_WITNESS,
                "民生委員",
                today(),
                null,
                null));
        assertThat(byGuardian.representativeName()).isEqualTo("後見 太郎");
        assertThat(byGuardian.witness()).isEqualTo("民生委員");
        // outreach alone shares nothing
        assertThat(povertyCounterOpens(mother)).isFalse();
        // another agency's staff cannot record consents for a household they cannot change
        as("caseworker2");
        assertThatThrownBy(() -> consents.record(new RecordConsent(
                        mother.householdId(),
                        List.of(mother.person().id()),
                        ConsentGiver.PERSON,
                        null,
                        null,
                        List.of(agency("JIRITSU")),
                        EnumSet.of(ConsentPurpose.INFORMATION_SHARING),
                        ConsentMethod.SIGNED_FORM,
                        null,
                        today(),
                        null,
                        null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aReferralWithConsentPointsToAConsentRecordAndItsWithdrawalEndsWhatTheReceiverSees() {
        MemberView mother = household("同意紹介", "どういしょうかい");
        as("caseworker");
        ReferralView sent = referrals.send(new SendReferral(
                mother.householdId(),
                null,
                agency("JIRITSU"),
                null,
                List.of(mother.person().id()),
                List.of("INCOME"),
                Urgency.NORMAL,
                "家計の相談",
                "年金だけでは足りない",
                null,
                ConsentStatus.GIVEN,
                "くらし・しごと相談センター",
                today().plusDays(7)));
        assertThat(sent.consentId()).isNotNull();
        ConsentView consent = consents.get(sent.consentId());
        assertThat(consent.method()).isEqualTo(ConsentMethod.CONFIRMED_AT_REFERRAL);
        assertThat(consent.covers(agency("JIRITSU"), ConsentPurpose.REFERRAL)).isTrue();
        assertThat(povertyCounterOpens(mother)).isFalse();

        as("caseworker2");
        ReferralView accepted = referrals.accept(sent.id(), sent.version());
        assertThat(referrals.get(sent.id()).detailsShared()).isTrue();
        assertThat(povertyCounterOpens(mother)).isTrue();

        as("caseworker");
        consents.withdraw(
                consent.id(), consent.version(), new ConsentWithdrawal(today(), ConsentMethod.SIGNED_FORM, null));
        assertThat(povertyCounterOpens(mother)).isFalse();
        as("caseworker2");
        ReferralView after = referrals.get(accepted.id());
        assertThat(after.detailsShared()).isFalse();
        assertThat(after.reason()).isNull();
    }
}
