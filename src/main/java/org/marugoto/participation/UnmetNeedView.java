package org.marugoto.participation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A need that nothing met (社会資源開発). Names no person. */
public record UnmetNeedView(
        UUID id,
        String what,
        OpportunityKind kind,
        @Nullable UUID areaId,
        String forWhom,
        List<String> issueCodes,
        UUID agencyId,
        Instant createdAt) {

    /** How many needs of a kind were recorded in an area (null: no area given). */
    public record Count(@Nullable UUID areaId, OpportunityKind kind, long count) {}
}
