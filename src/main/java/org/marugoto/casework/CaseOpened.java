package org.marugoto.casework;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A case was opened. Published inside the opening transaction, so a listener that refuses (throws) leaves no case: the
 * outreach module hears the cases opened from one of its records ({@link CaseOrigin#OUTREACH}), checks that the record
 * is of the same household and that the user may change it, and moves it to つないだ (a case). Casework cannot call
 * the modules that depend on it, hence the event.
 */
public record CaseOpened(
        UUID caseId,
        String caseNumber,
        UUID householdId,
        CaseOrigin origin,
        @Nullable UUID originId) {}
