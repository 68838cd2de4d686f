package org.marugoto.watch;

import java.time.LocalDate;
import java.util.List;
import org.marugoto.shared.CountScope;

/** Counts of volunteers' concerns (気になること) for statistics: no person, household, volunteer or concern is named. */
public interface ConcernStatistics {

    /**
     * Concerns raised from {@code from} to {@code to} (inclusive, Japan time) in the scope (by the household's area,
     * when the concern names a known household, or sent to the agency), by urgency ({@code ConcernUrgency} name, every
     * one present, in order): how many, how many were taken up, how many about a resident not known yet, and the
     * median days until one was taken up.
     */
    List<UrgencyCount> concernsByUrgency(CountScope scope, LocalDate from, LocalDate to);

    /** One urgency's counts (median null when none was taken up). */
    record UrgencyCount(
            String urgency,
            long raised,
            long takenUp,
            long aboutSomeoneNew,
            @org.jspecify.annotations.Nullable Double medianDaysToTakeUp) {}
}
