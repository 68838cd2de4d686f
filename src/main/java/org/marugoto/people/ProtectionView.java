package org.marugoto.people;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A protection as the staff who manage it see it: kind, period, requesting office and who is named. The note is not
 * here: it may say where the person is, so only {@link ProtectionApi#reveal} returns it.
 */
public record ProtectionView(
        UUID id,
        UUID personId,
        String personName,
        ProtectionKind kind,
        LocalDate validFrom,
        @Nullable LocalDate validUntil,
        String requestingOffice,
        List<UUID> memberPersonIds,
        List<String> memberNames,
        @Nullable UUID householdId,
        @Nullable String householdCaseNumber,
        Instant recordedAt,
        String recordedBy,
        @Nullable Instant endedAt,
        @Nullable String endedBy,
        @Nullable String endReason,
        int version) {

    public boolean active() {
        return endedAt == null;
    }

    /** The period has passed but nobody ended or renewed it: still masked, listed for review. */
    public boolean lapsedOn(LocalDate day) {
        return active() && validUntil != null && validUntil.isBefore(day);
    }
}
