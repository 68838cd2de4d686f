package org.marugoto.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.consultation.ConsentStatus;

/** A case as its team sees it. */
public record CaseView(
        UUID id,
        String caseNumber,
        UUID householdId,
        CaseOrigin origin,
        @Nullable UUID originId,
        CaseStatus status,
        UUID leadAccountId,
        UUID leadAgencyId,
        String summary,
        List<String> issueCodes,
        ConsentStatus consentStatus,
        @Nullable LocalDate consentDate,
        @Nullable String consentScope,
        Instant openedAt,
        @Nullable Instant closedAt,
        @Nullable ClosureOutcome closureOutcome,
        @Nullable String closureEvaluation,
        @Nullable String closurePersonView,
        @Nullable String closureFollowUp,
        int reopenCount,
        List<UUID> personIds,
        int version) {

    public boolean consentGiven() {
        return consentStatus == ConsentStatus.GIVEN;
    }

    /** A member of the team, current or past. */
    public record TeamMember(
            UUID id,
            UUID accountId,
            String name,
            UUID agencyId,
            TeamRole role,
            Instant joinedAt,
            String joinedBy,
            @Nullable Instant leftAt,
            @Nullable String leftBy,
            @Nullable String leftReason,
            int version) {

        public boolean active() {
            return leftAt == null;
        }
    }

    /** A status change, a team change, closure or reopening. */
    public record Event(
            String kind,
            @Nullable CaseStatus fromStatus,
            @Nullable CaseStatus toStatus,
            @Nullable String note,
            Instant at,
            String actorName) {}
}
