package org.marugoto.directory.domain;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.directory.AgencyKind;

/** What an administrator asks for when creating or changing an agency. */
public record AgencyCommand(
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
        boolean active) {}
