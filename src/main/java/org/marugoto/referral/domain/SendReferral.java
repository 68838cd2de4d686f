package org.marugoto.referral.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.Urgency;

/** A referral as the sender writes it. */
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
        LocalDate desiredResponseDate) {}
