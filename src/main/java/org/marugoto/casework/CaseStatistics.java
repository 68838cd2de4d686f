package org.marugoto.casework;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.marugoto.shared.CountScope;

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

    /**
     * Cases of the scope (by their household's area, or by their lead agency) opened, closed and reopened from
     * {@code from} to {@code to} (inclusive, Japan time), and the cases opened by the end of the period that are not
     * closed now, by their current state ({@code CaseStatus} name).
     */
    CaseFlow caseFlow(CountScope scope, LocalDate from, LocalDate to);

    /** Opened, closed and reopened in a period; open by state. */
    record CaseFlow(long opened, long closed, long reopened, Map<String, Long> openByStatus) {}

    /**
     * Meetings about cases of the scope held in the period, by kind ({@code ConferenceKind} name: JUSHO 重層的支援会議,
     * SHIEN 支援会議), and those scheduled in the period but not (yet) held, by kind.
     */
    Map<String, Meetings> meetingsByKind(CountScope scope, LocalDate from, LocalDate to);

    /** Held and scheduled-but-not-held meetings of one kind. */
    record Meetings(long held, long notHeld) {}

    /** The duration buckets of {@link CaseDurations}, in months. */
    java.util.List<String> DURATION_BUCKETS = java.util.List.of("0-2", "3-5", "6-11", "12-23", "24-");

    /**
     * How long cases of the scope lasted: those closed in the period by the whole months from opening to closing, and
     * those open at the end of the period by the whole months they had been open then; and how many of the cases closed
     * in the period had been reopened before.
     */
    CaseDurations caseDurations(CountScope scope, LocalDate from, LocalDate to);

    /** Counts by month bucket (every bucket present, in order). */
    record CaseDurations(Map<String, Long> closed, Map<String, Long> open, long closedAfterReopening) {}

    /** The open (not closed) cases an agency leads, by the worker who leads them (staff account id). */
    Map<UUID, Long> openCasesByWorker(UUID agencyId);
}
