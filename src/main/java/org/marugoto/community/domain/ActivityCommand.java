package org.marugoto.community.domain;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What an organiser or reviewer writes about an activity; the service checks the rest. */
public record ActivityCommand(
        UUID groupId,
        ActivityKind kind,
        boolean volunteer,
        String name,
        @Nullable String nameKana,
        String description,
        @Nullable String helpWanted,
        UUID areaId,
        String venue,
        String address,
        @Nullable String directions,
        Set<Target> targets,
        @Nullable Integer costYen,
        @Nullable String costNote,
        @Nullable Integer capacity,
        boolean stepFree,
        boolean accessibleToilet,
        boolean parking,
        Set<String> languages,
        @Nullable String contactName,
        @Nullable String contactPhone,
        @Nullable String contactEmail,
        Schedule schedule,
        ActivityStatus status) {}
