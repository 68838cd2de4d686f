package org.marugoto.people;

import java.util.List;
import java.util.UUID;
import org.marugoto.access.RecordScope;

/** What other modules may ask about persons and households. Reads are access-checked and audited. */
public interface PeopleApi {

    /**
     * Registers a person and their membership of a new household or of an existing one the user may change.
     * Duplicates are the caller's to show first; nothing is merged.
     */
    MemberView register(PersonCommand person, MembershipCommand membership);

    /** Ends a membership (moved out, died, ...); the row stays so the household keeps its history. */
    MemberView endMembership(UUID memberId, int seenVersion, java.time.LocalDate endedOn, MembershipEnd reason);

    /** The household, after checking and auditing that the current user may read it. */
    HouseholdView household(UUID householdId, String purpose);

    /** All members, current and past, of a household the current user may read. */
    List<MemberView> members(UUID householdId);

    /** The record scope of a household: who recorded it and which agencies are involved. */
    RecordScope householdScope(UUID householdId);

    /** Records that an agency is involved with the household, so that its staff may see it from now on. */
    void involve(UUID householdId, UUID agencyId, String reason);
}
