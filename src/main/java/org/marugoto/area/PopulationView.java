package org.marugoto.area;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An area's population on a date: all persons, those aged 65 and over, and the single-elderly households (高齢単身世帯;
 * null when the table gave none).
 */
public record PopulationView(
        LocalDate asOf,
        int persons,
        int aged65AndOver,
        @Nullable Integer singleElderlyHouseholds) {

    /** The ageing rate (高齢化率) in percent with one decimal, or null for no residents. */
    public @Nullable Double ageingRate() {
        return persons == 0 ? null : Math.round(aged65AndOver * 1000.0 / persons) / 10.0;
    }
}
