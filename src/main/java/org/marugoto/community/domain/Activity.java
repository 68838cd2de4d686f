package org.marugoto.community.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A place or activity (居場所・活動) or a volunteer opportunity, as a working copy or as published. Holds no personal
 * data: the contact is the organiser's public one.
 */
public record Activity(
        UUID id,
        UUID groupId,
        String groupName,
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
        ActivityStatus status,
        ReviewState reviewState,
        @Nullable String reviewNote,
        @Nullable Instant reviewedAt,
        Instant confirmedAt,
        Instant updatedAt,
        String updatedBy,
        int version,
        @Nullable UUID photoId,
        @Nullable String photoAlt) {

    public boolean free() {
        return costYen == null || costYen == 0;
    }
}
