package org.marugoto.watch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A watch request as the professionals of the household see it, with the notes shared with the volunteer. */
public record WatchRequestView(
        UUID id,
        UUID householdId,
        UUID volunteerAccountId,
        String volunteerName,
        UUID requestedByAgencyId,
        String watchFor,
        String frequency,
        @Nullable LocalDate validUntil,
        WatchBasis basis,
        @Nullable String basisNote,
        @Nullable Instant endedAt,
        Instant createdAt,
        String createdBy,
        int version,
        boolean active,
        List<SharedNote> notes) {

    /** A note the professional shared with the volunteer. */
    public record SharedNote(String text, Instant sharedAt) {}
}
