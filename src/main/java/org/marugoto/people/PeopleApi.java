package org.marugoto.people;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

    /**
     * The names of those of the given households that the current user's agency may read (it registered them or is
     * involved with them, and the involvement has not ended), in one query, for lists that name households (the
     * referral inbox, the case list). Households the user may not read are absent. Not audited: the list that shows
     * the names audits its own search.
     */
    java.util.Map<UUID, String> householdNames(java.util.Collection<UUID> householdIds);

    /** All members, current and past, of a household the current user may read. */
    List<MemberView> members(UUID householdId);

    /** The record scope of a household: who recorded it and which agencies are involved. */
    RecordScope householdScope(UUID householdId);

    /**
     * Records that an agency is involved with the household through its own record (it recorded a consultation, ...),
     * so that its staff may see it from now on. Such involvement does not end.
     */
    void involve(UUID householdId, UUID agencyId, String reason);

    /**
     * Shares the household with an agency under a consent, until {@code endsAt} (null: until the consent ends).
     * Search and access decisions stop counting it once it has ended.
     */
    void shareUnderConsent(UUID householdId, UUID agencyId, UUID consentId, @Nullable Instant endsAt, String reason);

    /**
     * Ends, at {@code at}, everything shared under the consent (withdrawn): access decisions and search visibility of
     * the household's members follow at once. Agencies with their own records about the household keep them.
     */
    void endSharingUnderConsent(UUID consentId, Instant at);
}
