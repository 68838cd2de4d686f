package org.marugoto.referral;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.shared.CountScope;

/** Counts of referrals for statistics: agencies are named, no person, household or referral is. */
public interface ReferralStatistics {

    /**
     * Referrals sent from {@code from} to {@code to} (inclusive, Japan time) in the scope (by the household's area, or
     * sent or received by the agency), by sending and receiving agency, with what became of them.
     */
    List<Flow> flows(CountScope scope, LocalDate from, LocalDate to);

    /**
     * One sender → receiver pair: how many were sent; of them accepted (also in progress or completed), completed,
     * declined, withdrawn and still waiting for an answer (sent or information requested); the median days from
     * sending to the receiver's first answer (accept, decline or a request for information; null when none was
     * answered); and how many went past the desired answer date unanswered (期限超過).
     */
    record Flow(
            UUID fromAgencyId,
            UUID toAgencyId,
            long sent,
            long accepted,
            long completed,
            long declined,
            long withdrawn,
            long waiting,
            long answered,
            @Nullable Double medianDaysToAnswer,
            long overdue) {}

    /** The day buckets of {@link Durations#toAnswer()}, then NONE (not answered). */
    List<String> ANSWER_BUCKETS = List.of("0", "1-3", "4-7", "8-14", "15-", "NONE");

    /** The day buckets of {@link Durations#toComplete()}, then NONE (not completed). */
    List<String> COMPLETE_BUCKETS = List.of("0-7", "8-30", "31-90", "91-180", "181-", "NONE");

    /**
     * Referrals sent in the period in the scope by the whole days from sending to the receiver's first answer, and to
     * completion; how many went past the desired answer date unanswered, and how many of those are still unanswered.
     */
    Durations durations(CountScope scope, LocalDate from, LocalDate to);

    /** Counts by day bucket (every bucket present, in order) and the overdue counts. */
    record Durations(
            java.util.Map<String, Long> toAnswer,
            java.util.Map<String, Long> toComplete,
            long overdue,
            long overdueUnanswered) {}

    /**
     * Referrals of the scope waiting now for the receiver's answer (sent, or information requested), by receiving
     * agency: how many, how many past the desired answer date (期限超過), and how many sent more than seven days ago.
     */
    List<Waiting> waitingByReceiver(CountScope scope);

    /** One receiving agency's referrals waiting for its answer. */
    record Waiting(UUID toAgencyId, long waiting, long overdue, long olderThanAWeek) {}
}
