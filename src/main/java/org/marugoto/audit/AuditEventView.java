package org.marugoto.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An audit row as an auditor reads it. */
public record AuditEventView(
        UUID id,
        Instant occurredAt,
        @Nullable String actorUsername,
        AuditAction action,
        String recordType,
        @Nullable UUID recordId,
        @Nullable String purpose,
        @Nullable String clientAddress,
        String details) {}
