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
}
