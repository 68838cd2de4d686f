package org.marugoto.consent;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Consent records (本人同意). Recording and withdrawing are checked (the user must be able to change the household) and
 * audited; the validity questions are decisions for other modules and are not audited themselves.
 */
public interface ConsentApi {

    /**
     * Records a consent. With {@link ConsentPurpose#INFORMATION_SHARING} the named agencies see the household from now
     * until the consent ends.
     */
    ConsentView record(RecordConsent command);

    /**
     * Withdraws a consent at once: everything shared under it ends now, in access decisions and in search. Agencies
     * with their own records about the household keep them.
     */
    ConsentView withdraw(UUID consentId, int seenVersion, ConsentWithdrawal withdrawal);

    /** The household's consents, newest first, for a user who may read the household (audited). */
    List<ConsentView> forHousehold(UUID householdId);

    /** One consent, for a user who may read its household (audited). */
    ConsentView get(UUID consentId);

    /** A consent of the household, valid now, for the agency and purpose (e.g. team access in casework). */
    Optional<ConsentView> validConsentOfHousehold(UUID householdId, UUID agencyId, ConsentPurpose purpose);

    /** A consent naming the person, valid now, for the agency and purpose. */
    Optional<ConsentView> validConsentOfPerson(UUID personId, UUID agencyId, ConsentPurpose purpose);

    /** Whether the consent is valid now (not withdrawn, not expired). */
    boolean isValid(UUID consentId);

    /** Those of the consents that are valid now, in one query (e.g. for a list of referrals). */
    java.util.Set<UUID> validAmong(java.util.Collection<UUID> consentIds);

    /** The consent's state now, e.g. for a referral that points to it (no personal data, not audited). */
    ConsentState stateOf(UUID consentId);

    /**
     * The consent a referral is sent under when the sender says consent was given: a valid referral consent of the
     * household that names the agency and the persons, or a new one recorded as {@link
     * ConsentMethod#CONFIRMED_AT_REFERRAL} (so that the existing referral and intake forms keep working).
     */
    ConsentView forReferral(
            UUID householdId, List<UUID> personIds, UUID toAgencyId, LocalDate givenOn, @Nullable String note);

    /**
     * Shares the household with the agency under the consent (e.g. when it accepts a referral), until the consent
     * ends. Returns false, sharing nothing, when the consent is no longer valid or does not name the agency.
     */
    boolean shareUnder(UUID consentId, UUID agencyId, String reason);
}
