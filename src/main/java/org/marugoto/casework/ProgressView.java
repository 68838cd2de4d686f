package org.marugoto.casework;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A progress record (支援経過記録). */
public record ProgressView(
        UUID id,
        Instant occurredAt,
        ProgressKind kind,
        @Nullable UUID personId,
        String body,
        UUID agencyId,
        Instant recordedAt,
        String recorderName) {}
