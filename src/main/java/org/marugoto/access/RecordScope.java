package org.marugoto.access;

import java.util.Set;
import java.util.UUID;

/**
 * What the decision point needs to know about a personal record: what it is, which agency recorded it, and which
 * agencies it was shared with (under a recorded consent, or through a case team).
 */
public record RecordScope(String recordType, UUID recordId, UUID ownerAgencyId, Set<UUID> sharedWithAgencyIds) {

    public static RecordScope ownedBy(String recordType, UUID recordId, UUID ownerAgencyId) {
        return new RecordScope(recordType, recordId, ownerAgencyId, Set.of());
    }
}
