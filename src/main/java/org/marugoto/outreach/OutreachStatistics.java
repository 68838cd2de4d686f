package org.marugoto.outreach;

import java.time.LocalDate;
import java.util.List;
import org.marugoto.shared.CountScope;

/** Counts of outreach records for statistics: no person, household or record is named. */
public interface OutreachStatistics {

    /**
     * Every stage the municipality has (in its order, with its labels) and how many outreach records of the scope (by
     * the household's area, or led by the agency) that were open at some time in the period (inclusive, Japan time)
     * are now at that stage.
     */
    List<StageCount> recordsByStage(CountScope scope, LocalDate from, LocalDate to);

    /** One stage and its count. */
    record StageCount(OutreachStage stage, long records) {}

    /** The day buckets of {@link #daysToFirstContact}, then NONE (no contact yet). */
    List<String> CONTACT_BUCKETS = List.of("0-7", "8-30", "31-90", "91-180", "181-", "NONE");

    /**
     * Outreach records of the scope begun in the period (created from {@code from} to {@code to}), by the whole days
     * from the first concern to the first attempt that reached the person (met, or spoken to through the door): every
     * bucket present, in order.
     */
    java.util.Map<String, Long> daysToFirstContact(CountScope scope, LocalDate from, LocalDate to);

    /**
     * Open outreach records of the scope now: how many, how many whose next contact date has passed, and how many whose
     * person has not been reached yet (no attempt met them or spoke through the door).
     */
    Waiting waiting(CountScope scope, LocalDate today);

    /** The open records and those waiting. */
    record Waiting(long open, long contactOverdue, long notReached) {}

    /** The open outreach records an agency leads, by the worker who leads them (staff account id). */
    java.util.Map<java.util.UUID, Long> openByWorker(java.util.UUID agencyId);
}
