package org.marugoto.people;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One person of a bulk registration ({@link BulkRegistrationApi#registerAll}): the person, and the household they
 * join, living together from an unknown day: an existing household ({@code householdId}), or the new household of
 * {@code householdKey} (the caller's key; the first member of a key creates it, named and placed as
 * {@link PeopleApi#register} names and places a new household).
 */
public record BulkMember(
        String householdKey, @Nullable UUID householdId, PersonCommand person, Relationship relationship) {}
