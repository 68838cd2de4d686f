package org.marugoto.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.consultation.ConsentStatus;

/** What users ask the casework services to do. */
public final class CaseCommands {

    private CaseCommands() {}

    public record OpenCase(
            UUID householdId,
            CaseOrigin origin,
            @Nullable UUID originId,
            UUID leadAccountId,
            String summary,
            List<String> issueCodes,
            Set<UUID> personIds,
            ConsentStatus consentStatus,
            @Nullable LocalDate consentDate,
            @Nullable String consentScope) {}

    public record Assessment(
            @Nullable String summary,
            @Nullable String strengths,
            @Nullable String wishes,
            @Nullable String risks,
            @Nullable String unvoiced,
            List<AssessmentView.Entry> entries) {}

    /**
     * A support plan. {@code participationNeeds} and {@code outreachNeeds} are the free text of plans written before
     * the plan linked to records: kept and shown as history, never written from the plan form (which sends null and
     * the text is carried forward). {@code outreachIds} and {@code participationIds} are the linked records.
     */
    public record Plan(
            String aim,
            @Nullable String participationNeeds,
            @Nullable String outreachNeeds,
            LocalDate periodFrom,
            LocalDate periodTo,
            LocalDate reviewDate,
            List<Goal> goals,
            @Nullable UUID personId,
            List<UUID> outreachIds,
            List<UUID> participationIds) {

        /** A plan without linked records. */
        public Plan(
                String aim,
                @Nullable String participationNeeds,
                @Nullable String outreachNeeds,
                LocalDate periodFrom,
                LocalDate periodTo,
                LocalDate reviewDate,
                List<Goal> goals,
                @Nullable UUID personId) {
            this(
                    aim,
                    participationNeeds,
                    outreachNeeds,
                    periodFrom,
                    periodTo,
                    reviewDate,
                    goals,
                    personId,
                    List.of(),
                    List.of());
        }

        /** A plan for the case's first person (本人). */
        public Plan(
                String aim,
                @Nullable String participationNeeds,
                @Nullable String outreachNeeds,
                LocalDate periodFrom,
                LocalDate periodTo,
                LocalDate reviewDate,
                List<Goal> goals) {
            this(aim, participationNeeds, outreachNeeds, periodFrom, periodTo, reviewDate, goals, null);
        }
    }

    public record Goal(String issue, String goal, @Nullable String personRole, List<Action> actions) {}

    public record Action(
            String description,
            UUID agencyId,
            @Nullable UUID accountId,
            LocalDate dueDate,
            @Nullable String frequency) {}

    public record Evaluation(GoalOutcome outcome, @Nullable String note) {}

    public record Conference(
            ConferenceKind kind,
            Instant scheduledAt,
            @Nullable String place,
            String agenda,
            Set<UUID> memberAccountIds) {}

    /** What a held meeting recorded and decided. */
    public record Minutes(
            String minutes,
            Set<ConferenceDecision> decisions,
            Set<UUID> attended,
            boolean consentConfirmed,
            @Nullable PersonAgreement personAgreement,
            @Nullable String personAgreementNote,
            Map<UUID, Evaluation> goalEvaluations,
            List<ActionItem> actions) {}

    public record ActionItem(String description, UUID ownerAccountId, LocalDate dueDate) {}

    public record Closure(
            ClosureOutcome outcome,
            String evaluation,
            @Nullable String personView,
            String followUp,
            Map<UUID, Evaluation> goalEvaluations) {}

    public record Progress(
            Instant occurredAt, ProgressKind kind, @Nullable UUID personId, String body) {}
}
