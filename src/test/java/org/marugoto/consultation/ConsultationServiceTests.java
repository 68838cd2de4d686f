package org.marugoto.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marugoto.people.PeopleFixtures.joining;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.consultation.domain.ConsultationCommand;
import org.marugoto.consultation.domain.ConsultationService;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.people.Relationship;
import org.marugoto.people.Sex;
import org.marugoto.people.domain.PeopleService;
import org.marugoto.referral.ReferralApi;
import org.marugoto.referral.ReferralStatus;
import org.marugoto.referral.ReferralView;
import org.marugoto.referral.domain.Notifications;
import org.marugoto.referral.domain.ReferralService;
import org.marugoto.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

@MarugotoTest
class ConsultationServiceTests {

    @Autowired
    ConsultationService consultations;

    @Autowired
    PeopleService people;

    @Autowired
    DirectoryApi directory;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReferralApi referrals;

    @Autowired
    ReferralService referralService;

    @Autowired
    Notifications notifications;

    MemberView household(String family) {
        MemberView mother = people.register(
                person(family, "母", "てすと", "はは", Sex.FEMALE, LocalDate.of(1944, 1, 1), null, null), newHousehold());
        people.register(
                person(family, "息子", "てすと", "むすこ", Sex.MALE, LocalDate.of(1974, 1, 1), null, null),
                joining(mother.householdId(), Relationship.CHILD));
        return mother;
    }

    ConsultationCommand command(
            UUID token,
            MemberView who,
            List<String> issues,
            ConsentStatus consent,
            FirstResponse response,
            @Nullable UUID referredTo) {
        return new ConsultationCommand(
                token,
                who.householdId(),
                null,
                Instant.now().minusSeconds(600),
                Channel.PHONE,
                ConsulterType.WELFARE_COMMISSIONER,
                "担当の民生委員",
                List.of(who.person().id()),
                issues,
                null,
                Urgency.HIGH,
                "母が同じことを何度も聞く",
                "家で暮らしたい",
                consent,
                consent == ConsentStatus.NOT_ASKED ? null : LocalDate.now().minusDays(1),
                null,
                response,
                referredTo,
                null);
    }

    @Test
    @WithUserDetails("caseworker")
    void recordsAConsultationWithSeveralIssuesAndConsentRefused() {
        MemberView mother = household("受付");
        ConsultationView recorded = consultations.record(command(
                UUID.randomUUID(),
                mother,
                List.of("CARE", "HIKIKOMORI", "INCOME"),
                ConsentStatus.REFUSED,
                FirstResponse.OUTREACH_NEEDED,
                null));

        assertThat(recorded.issueCodes()).containsExactlyInAnyOrder("CARE", "HIKIKOMORI", "INCOME");
        assertThat(recorded.mainIssueCode()).isEqualTo("CARE");
        assertThat(recorded.consentStatus()).isEqualTo(ConsentStatus.REFUSED);
        assertThat(consultations.forHousehold(mother.householdId()).visible())
                .extracting(ConsultationView::id)
                .containsExactly(recorded.id());
    }

    @Test
    @WithUserDetails("caseworker")
    void aFormSubmittedTwiceCreatesOneConsultation() {
        MemberView mother = household("二重");
        UUID token = UUID.randomUUID();
        ConsultationView first = consultations.record(
                command(token, mother, List.of("CARE"), ConsentStatus.GIVEN, FirstResponse.ANSWERED_AT_COUNTER, null));
        ConsultationView second = consultations.record(
                command(token, mother, List.of("CARE"), ConsentStatus.GIVEN, FirstResponse.ANSWERED_AT_COUNTER, null));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(jdbc.sql("select count(*) from consultation where household_id = ?")
                        .param(mother.householdId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    @WithUserDetails("caseworker")
    void refusesIncompleteConsultationsAndSavesNothing() {
        MemberView mother = household("不備");
        assertThatThrownBy(() -> consultations.record(command(
                        UUID.randomUUID(),
                        mother,
                        List.of(),
                        ConsentStatus.GIVEN,
                        FirstResponse.ANSWERED_AT_COUNTER,
                        null)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("issueCodes"));
        assertThatThrownBy(() -> consultations.record(command(
                        UUID.randomUUID(),
                        mother,
                        List.of("NO_SUCH_CODE"),
                        ConsentStatus.GIVEN,
                        FirstResponse.ANSWERED_AT_COUNTER,
                        null)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey())
                        .isEqualTo("consultation.error.unknownIssue"));
        assertThatThrownBy(() -> consultations.record(command(
                        UUID.randomUUID(), mother, List.of("CARE"), ConsentStatus.GIVEN, FirstResponse.REFERRED, null)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("referredAgencyId"));
        assertThat(consultations.forHousehold(mother.householdId()).visible()).isEmpty();
    }

    @Test
    @WithUserDetails("caseworker")
    void aCounterTakesAConsultationOutsideItsFieldAndRefersIt() {
        MemberView mother = household("分野外");
        UUID jiritsu = directory.agencyByCode("JIRITSU").orElseThrow().id();
        ConsultationView recorded = consultations.record(command(
                UUID.randomUUID(),
                mother,
                List.of("DEBT", "JOB_SEARCH"),
                ConsentStatus.GIVEN,
                FirstResponse.REFERRED,
                jiritsu));

        // a real referral, in the receiving agency's inbox, linked to the consultation
        PeopleFixtures.actAs(users, "caseworker2");
        ReferralView referral = referrals.inbox().stream()
                .filter(r -> recorded.id().equals(r.consultationId()))
                .findFirst()
                .orElseThrow();
        assertThat(referral.status()).isEqualTo(ReferralStatus.SENT);
        assertThat(referral.householdId()).isEqualTo(mother.householdId());
        assertThat(referral.issueCodes()).containsExactlyInAnyOrder("DEBT", "JOB_SEARCH");
        assertThat(referral.consentStatus()).isEqualTo(ConsentStatus.GIVEN);
        assertThat(referral.consentId()).isNotNull();
        assertThat(notifications.unread()).isPositive();
        // as with a referral from the form: no details and no household before the agency accepts
        assertThat(referral.detailsShared()).isFalse();
        assertThatThrownBy(() -> people.household(mother.householdId(), "referral"))
                .isInstanceOf(AccessDeniedException.class);

        referralService.accept(referral.id(), referral.version());
        assertThat(people.household(mother.householdId(), "referral").id()).isEqualTo(mother.householdId());
        assertThat(consultations.get(recorded.id()).referredAgencyId()).isEqualTo(jiritsu);
        assertThat(referrals.get(referral.id()).detailsShared()).isTrue();
    }

    @Test
    @WithUserDetails("caseworker")
    void aReferralTheReferralRulesRefuseLeavesNoConsultation() {
        MemberView mother = household("自機関");
        UUID own = org.marugoto.shared.CurrentActor.get().orElseThrow().agencyId();
        assertThatThrownBy(() -> consultations.record(command(
                        UUID.randomUUID(), mother, List.of("CARE"), ConsentStatus.GIVEN, FirstResponse.REFERRED, own)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("referredAgencyId"));
        assertThat(consultations.forHousehold(mother.householdId()).visible()).isEmpty();
    }

    @Test
    @WithUserDetails("caseworker")
    void withoutConsentOtherAgenciesSeeOnlyThatARecordExists() {
        MemberView mother = household("同意なし");
        UUID kodomo = directory.agencyByCode("KODOMO").orElseThrow().id();
        people.involve(mother.householdId(), kodomo, "TEST");
        ConsultationView refused = consultations.record(command(
                UUID.randomUUID(),
                mother,
                List.of("CARE"),
                ConsentStatus.REFUSED,
                FirstResponse.OUTREACH_NEEDED,
                null));

        PeopleFixtures.actAs(users, "caseworker3");
        ConsultationService.HouseholdConsultations seen = consultations.forHousehold(mother.householdId());
        assertThat(seen.visible()).isEmpty();
        assertThat(seen.hidden()).isEqualTo(1);
        assertThatThrownBy(() -> consultations.get(refused.id())).isInstanceOf(AccessDeniedException.class);
    }
}
