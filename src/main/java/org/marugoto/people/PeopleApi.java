package org.marugoto.people;

import java.util.List;
import java.util.UUID;
import org.marugoto.access.RecordScope;

/** What other modules may ask about persons and households. Reads are access-checked and audited. */
public interface PeopleApi {

    /** The household, after checking and auditing that the current user may read it. */
    HouseholdView household(UUID householdId, String purpose);

    /** All members, current and past, of a household the current user may read. */
    List<MemberView> members(UUID householdId);

    /** The record scope of a household: who recorded it and which agencies are involved. */
    RecordScope householdScope(UUID householdId);

    /** Records that an agency is involved with the household, so that its staff may see it from now on. */
    void involve(UUID householdId, UUID agencyId, String reason);
}
