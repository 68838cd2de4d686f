package org.marugoto.participation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person's participation support: wishes, interests, strengths, limits, and their matches. */
public record ProfileView(
        UUID id,
        UUID householdId,
        UUID personId,
        UUID leadAgencyId,
        @Nullable UUID areaId,
        String wishes,
        List<Interest> interests,
        @Nullable String strengths,
        @Nullable String limits,
        int version,
        List<MatchView> matches) {

    @Override
    public String toString() {
        return "ProfileView[" + id + "]";
    }

    /** A match of the person with an opportunity, with its steps (oldest first). */
    public record MatchView(
            UUID id,
            UUID opportunityId,
            String opportunityTitle,
            MatchStep step,
            LocalDate stepOn,
            @Nullable MatchEndReason endReason,
            @Nullable String hostSupport,
            @Nullable LocalDate followUpOn,
            @Nullable String outcome3m,
            @Nullable String outcome6m,
            LocalDate introducedOn,
            int version,
            List<StepView> steps) {

        public boolean followUpOverdue(LocalDate today) {
            return step != MatchStep.ENDED && followUpOn != null && followUpOn.isBefore(today);
        }

        /** Three months after the introduction the 3-month outcome is due; six months after, the 6-month one. */
        public boolean outcomeDue(int months, LocalDate today) {
            return !introducedOn.plusMonths(months).isAfter(today);
        }
    }

    public record StepView(
            MatchStep step,
            LocalDate on,
            @Nullable String accompaniedBy,
            @Nullable String hostSupport,
            @Nullable String note,
            String recordedBy) {}
}
