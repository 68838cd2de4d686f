package org.marugoto.consultation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.consultation.Channel;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.ConsulterType;
import org.marugoto.consultation.FirstResponse;
import org.marugoto.consultation.Urgency;

/** A consultation as entered at the counter. {@code submissionToken} makes a double submit create one record. */
public record ConsultationCommand(
        UUID submissionToken,
        UUID householdId,
        @Nullable UUID counterId,
        Instant receivedAt,
        Channel channel,
        ConsulterType consulterType,
        @Nullable String consulterRelation,
        List<UUID> personIds,
        List<String> issueCodes,
        @Nullable String mainIssueCode,
        Urgency urgency,
        @Nullable String ownWords,
        @Nullable String wishes,
        ConsentStatus consentStatus,
        @Nullable LocalDate consentDate,
        @Nullable String consentScope,
        FirstResponse firstResponse,
        @Nullable UUID referredAgencyId,
        @Nullable String responseNote) {}
