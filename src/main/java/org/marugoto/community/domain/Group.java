package org.marugoto.community.domain;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A group behind activities (地区社協, 自治会, NPO, ...) and the organiser account that keeps its entries current. */
public record Group(
        UUID id,
        String name,
        @Nullable String nameKana,
        GroupKind kind,
        @Nullable UUID areaId,
        @Nullable String description,
        @Nullable String contact,
        @Nullable UUID organiserAccountId,
        int version) {}
