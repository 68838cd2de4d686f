package org.marugoto.watch.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.watch.WatchRequestView;

/**
 * All a volunteer sees of a household they were asked to watch: its name, the current members' names and ages, the
 * address (null when masked by protection), the request, and the notes shared with them.
 */
public record WatchedHousehold(
        UUID requestId,
        UUID householdId,
        String householdName,
        @Nullable String address,
        boolean masked,
        List<Resident> residents,
        String watchFor,
        String frequency,
        @Nullable LocalDate validUntil,
        String askedBy,
        List<WatchRequestView.SharedNote> notes) {

    /** A member as the volunteer sees them. */
    public record Resident(String name, @Nullable Integer age) {}

    @Override
    public String toString() {
        return "WatchedHousehold[requestId=" + requestId + ", masked=" + masked + "]";
    }
}
