package org.marugoto.area;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Population per area from the imported table (decision 0021): for other modules' indicators (ageing rate, places or
 * consultations per 1,000 residents). An area without a table of its own counts as the sum of its sub-areas' tables
 * on the same date.
 */
public interface PopulationApi {

    /** The area's figures on the latest date of the table on or before {@code onOrBefore}; empty when there is none. */
    Optional<PopulationView> population(UUID areaId, LocalDate onOrBefore);

    /** The city's figures (the top-level areas added up) on the latest date on or before {@code onOrBefore}. */
    Optional<PopulationView> city(LocalDate onOrBefore);
}
