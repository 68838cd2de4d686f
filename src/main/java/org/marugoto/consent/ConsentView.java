package org.marugoto.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A consent record as read now ({@code state} is computed against the clock). */
public record ConsentView(
        UUID id,
        UUID householdId,
        List<UUID> personIds,
        ConsentGiver givenBy,
        @Nullable String representativeName,
        @Nullable String representativeRelation,
        List<UUID> agencyIds,
        Set<ConsentPurpose> purposes,
        ConsentMethod method,
        @Nullable String witness,
        LocalDate givenOn,
        @Nullable LocalDate validUntil,
        @Nullable String note,
        UUID recordedByAgencyId,
        String recordedBy,
        Instant recordedAt,
        @Nullable LocalDate withdrawnOn,
        @Nullable Instant withdrawnAt,
        @Nullable ConsentMethod withdrawalMethod,
        @Nullable String withdrawalReason,
        @Nullable String withdrawnBy,
        ConsentState state,
        int version) {

    public boolean valid() {
        return state == ConsentState.VALID;
    }

    public boolean covers(UUID agencyId, ConsentPurpose purpose) {
        return agencyIds.contains(agencyId) && purposes.contains(purpose);
    }
}
