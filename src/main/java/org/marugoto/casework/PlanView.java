package org.marugoto.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One version of the support plan (支援プラン). */
public record PlanView(
        UUID id,
        UUID caseId,
        int versionNo,
        PlanStatus status,
        String aim,
        @Nullable String participationNeeds,
        @Nullable String outreachNeeds,
        LocalDate periodFrom,
        LocalDate periodTo,
        LocalDate reviewDate,
        @Nullable Instant agreedAt,
        @Nullable UUID agreedConferenceId,
        @Nullable PersonAgreement personAgreement,
        @Nullable String personAgreementNote,
        List<Goal> goals,
        int version,
        @Nullable UUID personId,
        List<UUID> outreachIds,
        List<UUID> participationIds) {

    /** Free text of the plan's needs written before plans linked to records: shown as history only. */
    public boolean hasNeedsHistory() {
        return participationNeeds != null || outreachNeeds != null;
    }

    /** A goal in the person's words, with the actions towards it and its evaluations. */
    public record Goal(
            UUID id,
            int position,
            String issue,
            String goal,
            @Nullable String personRole,
            List<Action> actions,
            List<Evaluation> evaluations) {

        public @Nullable Evaluation latestEvaluation() {
            return evaluations.isEmpty() ? null : evaluations.getLast();
        }
    }

    /** Who does what by when. */
    public record Action(
            UUID id,
            String description,
            UUID agencyId,
            @Nullable UUID accountId,
            LocalDate dueDate,
            @Nullable String frequency,
            @Nullable Instant doneAt) {

        public boolean overdue(LocalDate today) {
            return doneAt == null && dueDate.isBefore(today);
        }
    }

    public record Evaluation(GoalOutcome outcome, @Nullable String note, boolean atClosure, Instant evaluatedAt) {}
}
