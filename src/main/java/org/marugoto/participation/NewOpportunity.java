package org.marugoto.participation;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Adding a role or place to the list. */
public record NewOpportunity(
        UUID hostAgencyId,
        String title,
        OpportunityKind kind,
        @Nullable String description,
        @Nullable UUID areaId,
        @Nullable String daysHours,
        @Nullable Integer capacity,
        List<HostOffer> hostOffers,
        List<Interest> interests,
        @Nullable String accessibility,
        @Nullable Integer ageMin,
        @Nullable Integer ageMax,
        @Nullable String cost) {}
