package org.marugoto.area;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An area as other modules see it. {@code depth} is 0 for a top-level area. */
public record AreaView(
        UUID id,
        @Nullable UUID parentId,
        AreaLevel level,
        String code,
        String name,
        @Nullable String nameKana,
        @Nullable Integer population,
        @Nullable Integer households,
        boolean active,
        int depth,
        int version) {}
