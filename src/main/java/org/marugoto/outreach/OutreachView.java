package org.marugoto.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An outreach record with its key persons, stage history and attempts (newest first). */
public record OutreachView(
        UUID id,
        String recordNumber,
        UUID householdId,
        List<UUID> personIds,
        OutreachSource source,
        @Nullable String sourceDetail,
        OutreachOrigin origin,
        @Nullable UUID originId,
        List<String> issueCodes,
        String worry,
        LocalDate firstConcernOn,
        UUID leadAgencyId,
        UUID leadAccountId,
        String leadName,
        List<UUID> involvedAgencyIds,
        @Nullable String involvedNote,
        String stage,
        StageKind stageKind,
        LocalDate stageSince,
        @Nullable EndReason endReason,
        @Nullable ConnectedTo connectedTo,
        @Nullable LocalDate nextContactOn,
        @Nullable Instant closedAt,
        Instant createdAt,
        int version,
        List<KeyPerson> keyPersons,
        List<StageChange> stageChanges,
        List<Attempt> attempts) {

    public boolean open() {
        return closedAt == null;
    }

    public boolean overdue(LocalDate today) {
        return open() && nextContactOn != null && nextContactOn.isBefore(today);
    }

    /** Someone around the person and how they are related. {@code toString()} prints the id only. */
    public record KeyPerson(
            UUID id, String name, String relation, @Nullable String note) {
        @Override
        public String toString() {
            return "KeyPerson[" + id + "]";
        }
    }

    public record StageChange(
            @Nullable String fromStage,
            String toStage,
            LocalDate changedOn,
            @Nullable EndReason endReason,
            @Nullable ConnectedTo connectedTo,
            @Nullable String note,
            String changedBy) {}

    public record Attempt(
            UUID id,
            Instant attemptedAt,
            AttemptMethod method,
            String whoWent,
            AttemptOutcome outcome,
            @Nullable String learned,
            @Nullable String nextStep,
            @Nullable LocalDate nextContactOn,
            String recordedBy) {}

    @Override
    public String toString() {
        return "OutreachView[" + id + "]";
    }
}
