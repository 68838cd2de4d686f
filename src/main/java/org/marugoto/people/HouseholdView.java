package org.marugoto.people;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A household (世帯). */
public record HouseholdView(
        UUID id,
        String caseNumber,
        String name,
        @Nullable String address,
        @Nullable UUID areaId,
        UUID ownerAgencyId,
        @Nullable String note,
        int version) {}
