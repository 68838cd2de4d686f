package org.marugoto.consent;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What is recorded when a person gives consent. */
public record RecordConsent(
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
        @Nullable String note) {}
