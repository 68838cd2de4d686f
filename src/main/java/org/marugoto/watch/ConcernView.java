package org.marugoto.watch;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A concern as the agency it was sent to sees it, with what the agency recorded on taking it up. */
public record ConcernView(
        UUID id,
        UUID raisedByAccountId,
        String raisedByName,
        @Nullable UUID requestId,
        @Nullable UUID householdId,
        String aboutWho,
        @Nullable String location,
        String noticed,
        ConcernUrgency urgency,
        UUID toAgencyId,
        ConcernStatus status,
        Instant raisedAt,
        @Nullable Instant takenUpAt,
        @Nullable String takenUpBy,
        @Nullable String takenUpNote,
        @Nullable UUID consultationId,
        int version) {

    /** What the volunteer who raised it sees: what they wrote and its state, nothing the agency recorded. */
    public RaisedConcern forVolunteer() {
        return new RaisedConcern(id, aboutWho, location, noticed, urgency, toAgencyId, status, raisedAt);
    }

    /** Never prints what was noticed. */
    @Override
    public String toString() {
        return "ConcernView[id=" + id + ", status=" + status + "]";
    }

    /** A concern as the volunteer who raised it sees it. */
    public record RaisedConcern(
            UUID id,
            String aboutWho,
            @Nullable String location,
            String noticed,
            ConcernUrgency urgency,
            UUID toAgencyId,
            ConcernStatus status,
            Instant raisedAt) {

        @Override
        public String toString() {
            return "RaisedConcern[id=" + id + ", status=" + status + "]";
        }
    }
}
