package org.marugoto.outreach;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One outreach record in a list: number, stage and dates, no content. */
public record OutreachSummary(
        UUID id,
        String recordNumber,
        UUID householdId,
        /** The stage's code (its label is the municipality's, in {@code outreach_stage}). */
        String stage,
        StageKind stageKind,
        LocalDate firstConcernOn,
        long attempts,
        @Nullable LocalDate nextContactOn,
        boolean overdue) {}
