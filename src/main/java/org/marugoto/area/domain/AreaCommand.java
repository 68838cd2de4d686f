package org.marugoto.area.domain;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaLevel;

/** What an administrator asks for when creating or changing an area. */
public record AreaCommand(
        @Nullable UUID parentId,
        AreaLevel level,
        String code,
        String name,
        @Nullable String nameKana,
        @Nullable Integer population,
        @Nullable Integer households,
        boolean active) {}
