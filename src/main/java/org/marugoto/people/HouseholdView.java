package org.marugoto.people;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A household (世帯). {@code masked} when a member is under DV/stalking protection: the address, the area below the
 * 日常生活圏域 and the note are then withheld (null).
 */
public record HouseholdView(
        UUID id,
        String caseNumber,
        String name,
        @Nullable String address,
        @Nullable UUID areaId,
        UUID ownerAgencyId,
        @Nullable String note,
        int version,
        boolean masked) {

    /** Never prints the address or note. */
    @Override
    public String toString() {
        return "HouseholdView[id=" + id + ", caseNumber=" + caseNumber + ", masked=" + masked + "]";
    }
}
