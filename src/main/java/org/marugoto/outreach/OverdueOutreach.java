package org.marugoto.outreach;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An outreach record whose next contact date passed without an attempt. For the lead it names the household; for a
 * coordinator who may not read the record it is tracking data only ({@code householdName} null).
 */
public record OverdueOutreach(
        UUID id,
        String recordNumber,
        @Nullable String householdName,
        UUID leadAgencyId,
        String leadName,
        /** The stage's code (its label is the municipality's, in {@code outreach_stage}). */
        String stage,
        LocalDate nextContactOn) {}
