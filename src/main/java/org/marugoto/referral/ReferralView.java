package org.marugoto.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.Urgency;

/**
 * A referral as one agency sees it. {@code detailsShared} is false when the viewer may see only what is needed to
 * decide (the receiving agency before accepting, or any receiver without the person's consent): then {@code reason},
 * {@code tried} and {@code personIds} are empty. {@code consentId} names the consent record the referral was sent
 * under (consent "given"); when it is withdrawn or expires, the receiver no longer sees the details.
 */
public record ReferralView(
        UUID id,
        String referenceNumber,
        UUID householdId,
        @Nullable UUID consultationId,
        UUID fromAgencyId,
        UUID toAgencyId,
        @Nullable UUID toCounterId,
        ReferralStatus status,
        Urgency urgency,
        String summary,
        @Nullable String reason,
        @Nullable String tried,
        List<String> issueCodes,
        List<UUID> personIds,
        ConsentStatus consentStatus,
        @Nullable String consentScope,
        @Nullable UUID consentId,
        LocalDate desiredResponseDate,
        @Nullable String infoRequest,
        @Nullable String declineReason,
        @Nullable UUID suggestedAgencyId,
        @Nullable ReferralOutcome outcome,
        @Nullable String outcomeNote,
        Instant sentAt,
        Instant lastActivityAt,
        @Nullable Instant followUpConfirmedAt,
        @Nullable String followUpNote,
        @Nullable Instant overdueSince,
        boolean detailsShared,
        int version) {

    public boolean overdue() {
        return overdueSince != null;
    }

    /** The sender still has to confirm what happened after the referral ended. */
    public boolean followUpNeeded() {
        return status.closed() && status != ReferralStatus.WITHDRAWN && followUpConfirmedAt == null;
    }
}
