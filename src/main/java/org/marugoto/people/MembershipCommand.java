package org.marugoto.people;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a person belongs: an existing household ({@code householdId}) or a new one named {@code newHouseholdName}.
 */
public record MembershipCommand(
        @Nullable UUID householdId,
        @Nullable String newHouseholdName,
        Relationship relationship,
        boolean livesTogether,
        @Nullable LocalDate memberFrom) {}
