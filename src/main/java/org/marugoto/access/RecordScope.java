package org.marugoto.access;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the decision point needs to know about a personal record: what it is, which agency recorded it, and which
 * agencies it was shared with (under a recorded consent, or through a case team). Records that belong to a group of
 * named people instead — a case's content, the material of a 支援会議 — carry {@link Members}: then only those
 * accounts (and, where the group includes them, the municipality's coordinators) may see the record, whatever agency
 * they belong to.
 */
public record RecordScope(
        String recordType,
        UUID recordId,
        UUID ownerAgencyId,
        Set<UUID> sharedWithAgencyIds,
        @Nullable Members members) {

    public RecordScope(String recordType, UUID recordId, UUID ownerAgencyId, Set<UUID> sharedWithAgencyIds) {
        this(recordType, recordId, ownerAgencyId, sharedWithAgencyIds, null);
    }

    public static RecordScope ownedBy(String recordType, UUID recordId, UUID ownerAgencyId) {
        return new RecordScope(recordType, recordId, ownerAgencyId, Set.of());
    }

    /** A record visible only to the named accounts, and to municipal coordinators when {@code coordinators}. */
    public static RecordScope members(
            String recordType, UUID recordId, UUID ownerAgencyId, Set<UUID> accountIds, boolean coordinators) {
        return new RecordScope(recordType, recordId, ownerAgencyId, Set.of(), new Members(accountIds, coordinators));
    }

    /** The accounts a record belongs to (a case team, a meeting's members). */
    public record Members(Set<UUID> accountIds, boolean coordinators) {}
}
