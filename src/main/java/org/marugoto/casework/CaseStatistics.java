package org.marugoto.casework;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Counts of cases for community statistics (地域生活課題): no person, household or case is named, and the caller must
 * hide small counts before showing them.
 */
public interface CaseStatistics {

    /**
     * How many cases were open at some time from {@code from} to {@code to} (inclusive, Japan time) for households
     * registered in one of the areas, by issue code.
     */
    Map<String, Long> casesByIssue(Collection<UUID> areaIds, LocalDate from, LocalDate to);
}
