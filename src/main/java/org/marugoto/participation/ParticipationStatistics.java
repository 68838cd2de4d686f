package org.marugoto.participation;

import java.time.LocalDate;
import java.util.Map;
import org.marugoto.shared.CountScope;

/** Counts of participation matches for statistics: no person, household or host is named. */
public interface ParticipationStatistics {

    /**
     * Matches (a person introduced to an opportunity) of the scope (by the household's area, or by the lead agency of
     * the person's participation support) that were under way at some time in the period (introduced by its end and
     * not ended before its start), by their current step ({@link MatchStep} name, every step present).
     */
    Map<String, Long> matchesByStep(CountScope scope, LocalDate from, LocalDate to);
}
