package org.marugoto.consultation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A consultation was recorded with the first response "referred to another agency" ({@link FirstResponse#REFERRED}).
 * Published inside the recording transaction; the referral module turns it into a referral (つなぎ) there and then, so
 * that a consultation that says "referred" and its referral are saved together or not at all. The consultation module
 * cannot call the referral module (which depends on it), hence the event. See
 * docs/decisions/0019-referral-from-intake.md.
 */
public record ConsultationReferred(
        UUID consultationId,
        UUID householdId,
        UUID toAgencyId,
        List<UUID> personIds,
        List<String> issueCodes,
        Urgency urgency,
        String summary,
        @Nullable String wishes,
        ConsentStatus consentStatus,
        @Nullable LocalDate consentDate,
        @Nullable String consentScope) {}
