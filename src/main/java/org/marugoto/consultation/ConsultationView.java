package org.marugoto.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A consultation as the screens show it. */
public record ConsultationView(
        UUID id,
        UUID householdId,
        UUID agencyId,
        @Nullable UUID counterId,
        Instant receivedAt,
        Channel channel,
        ConsulterType consulterType,
        @Nullable String consulterRelation,
        Urgency urgency,
        @Nullable String ownWords,
        @Nullable String wishes,
        ConsentStatus consentStatus,
        @Nullable LocalDate consentDate,
        @Nullable String consentScope,
        FirstResponse firstResponse,
        @Nullable UUID referredAgencyId,
        @Nullable String responseNote,
        List<String> issueCodes,
        @Nullable String mainIssueCode,
        List<UUID> personIds,
        String recordedBy) {}
