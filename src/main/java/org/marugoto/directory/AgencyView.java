package org.marugoto.directory;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An agency as other modules see it. */
public record AgencyView(
        UUID id,
        String code,
        String name,
        @Nullable String nameKana,
        AgencyKind kind,
        @Nullable UUID areaId,
        @Nullable String address,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String description,
        boolean acceptsReferrals,
        boolean active,
        int version) {}
