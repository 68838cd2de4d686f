package org.marugoto.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A case conference. For a reader who may not see its material (a 支援会議 they are not a member of, or have not yet
 * acknowledged the duty of confidentiality for) the agenda, minutes and action items are left out and
 * {@code restricted} is true.
 */
public record ConferenceView(
        UUID id,
        UUID caseId,
        ConferenceKind kind,
        ConferenceStatus status,
        Instant scheduledAt,
        @Nullable String place,
        @Nullable String agenda,
        boolean consentConfirmed,
        @Nullable String minutes,
        List<ConferenceDecision> decisions,
        @Nullable UUID planId,
        @Nullable Instant heldAt,
        String convenedBy,
        List<Member> members,
        List<ActionItem> actions,
        boolean restricted,
        int version) {

    public record Member(
            UUID accountId,
            String name,
            UUID agencyId,
            @Nullable Instant pledgedAt,
            boolean attended) {}

    public record ActionItem(
            UUID id,
            String description,
            UUID ownerAccountId,
            String ownerName,
            LocalDate dueDate,
            @Nullable Instant doneAt) {}

    public boolean member(UUID accountId) {
        return members.stream().anyMatch(m -> m.accountId().equals(accountId));
    }

    public boolean pledged(UUID accountId) {
        return members.stream().anyMatch(m -> m.accountId().equals(accountId) && m.pledgedAt() != null);
    }
}
