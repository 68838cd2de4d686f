package org.marugoto.consultation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Counts of consultations for community statistics (地域生活課題): no person, household or record is named, and the
 * caller must hide small counts before showing them.
 */
public interface ConsultationStatistics {

    /**
     * How many consultations were received, from {@code from} to {@code to} (inclusive, Japan time), about households
     * registered in one of the areas, by issue code (a consultation with two issues counts for both).
     */
    Map<String, Long> consultationsByIssue(Collection<UUID> areaIds, LocalDate from, LocalDate to);

    /** How many consultations (whatever their issues) were received in the period about households in the areas. */
    long consultations(Collection<UUID> areaIds, LocalDate from, LocalDate to);
}
