package org.marugoto.referral.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.Urgency;

/**
 * A referral as the sender writes it. {@code submissionToken} (the form's one-time token) makes a second submit of the
 * same form answer with the first referral instead of sending another.
 */
public record SendReferral(
        UUID householdId,
        @Nullable UUID consultationId,
        UUID toAgencyId,
        @Nullable UUID toCounterId,
        List<UUID> personIds,
        List<String> issueCodes,
        Urgency urgency,
        String summary,
        @Nullable String reason,
        @Nullable String tried,
        ConsentStatus consentStatus,
        @Nullable String consentScope,
        LocalDate desiredResponseDate,
        @Nullable UUID submissionToken) {

    /** A referral not sent from a form (no token). */
    public SendReferral(
            UUID householdId,
            @Nullable UUID consultationId,
            UUID toAgencyId,
            @Nullable UUID toCounterId,
            List<UUID> personIds,
            List<String> issueCodes,
            Urgency urgency,
            String summary,
            @Nullable String reason,
            @Nullable String tried,
            ConsentStatus consentStatus,
            @Nullable String consentScope,
            LocalDate desiredResponseDate) {
        this(
                householdId,
                consultationId,
                toAgencyId,
                toCounterId,
                personIds,
                issueCodes,
                urgency,
                summary,
                reason,
                tried,
                consentStatus,
                consentScope,
                desiredResponseDate,
                null);
    }
}
