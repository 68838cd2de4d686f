package org.marugoto.directory;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A consultation counter (相談窓口) of an agency. */
public record CounterView(
        UUID id,
        UUID agencyId,
        String code,
        String name,
        @Nullable UUID areaId,
        @Nullable String address,
        @Nullable String phone,
        @Nullable String hours,
        @Nullable String languages,
        @Nullable String accessibility,
        boolean active,
        int version) {}
