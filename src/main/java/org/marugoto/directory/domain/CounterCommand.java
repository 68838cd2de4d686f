package org.marugoto.directory.domain;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What an administrator asks for when creating or changing a counter. */
public record CounterCommand(
        String code,
        String name,
        @Nullable UUID areaId,
        @Nullable String address,
        @Nullable String phone,
        @Nullable String hours,
        @Nullable String languages,
        @Nullable String accessibility,
        boolean active) {}
