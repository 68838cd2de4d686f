package org.marugoto.access;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An emergency (break-the-glass) access: one staff member, one record (a household), a stated reason, a fixed end,
 * and the two reviews it awaits (the requester's agency supervisor and the municipal privacy officer).
 *
 * @param reference what the user typed or was given to name the record (the household number), never a name
 */
public record EmergencyGrant(
        UUID id,
        UUID accountId,
        String username,
        UUID agencyId,
        String recordType,
        UUID recordId,
        String reference,
        String reason,
        Instant grantedAt,
        Instant expiresAt,
        @Nullable EmergencyReview supervisorReview,
        @Nullable String supervisorReviewedBy,
        @Nullable String supervisorNote,
        @Nullable EmergencyReview privacyReview,
        @Nullable String privacyReviewedBy,
        @Nullable String privacyNote,
        int version) {

    public boolean activeAt(Instant now) {
        return !now.isBefore(grantedAt) && now.isBefore(expiresAt);
    }

    /** The audit purpose of every read made under this grant. */
    public String purpose() {
        return "break-glass:" + id;
    }
}
