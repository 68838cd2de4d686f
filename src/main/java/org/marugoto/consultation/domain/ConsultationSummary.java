package org.marugoto.consultation.domain;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import org.marugoto.shared.ClusterJobs;
import org.marugoto.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics summary of consultations (decision 0034): {@code consultation_count} (per day, scope, dimension and
 * key) and {@code consultation_household_span} (per statistics period, scope and household). Triggers note what every
 * write touches; {@link #refresh()} folds the notes in by recomputing the touched days and households from the records,
 * in a transaction of its own, so that a read right after it equals a read of the records.
 */
@Component
class ConsultationSummary {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final ClusterJobs jobs;

    ConsultationSummary(JdbcClient jdbc, Tenancy tenancy, ClusterJobs jobs) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.jobs = jobs;
    }

    /**
     * Brings the summary up to date with every committed write; returns how many days and households were recomputed.
     * Committed on return (its own transaction), whatever transaction the caller is in.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int refresh() {
        Integer n = jdbc.sql("select consultation_summary_refresh(:m)")
                .param("m", tenancy.municipalityId())
                .query(Integer.class)
                .single();
        return n == null ? 0 : n;
    }

    /** Every few minutes, so that the notes do not pile up between two statistics reads. */
    @Scheduled(
            initialDelayString = "${marugoto.statistics.summary-refresh:5m}",
            fixedDelayString = "${marugoto.statistics.summary-refresh:5m}")
    void refreshLater() {
        jobs.runAlone("consultation-summary", this::refresh);
    }

    /**
     * The code of the shortest statistics period ({@code M2025-04}, {@code Q2025-1}, {@code FY2025}) that starts on
     * {@code from} and ends on or after {@code to}, if there is one: its household spans count any range from its start
     * (a whole period, or the running part of one: the fiscal year up to today). Other ranges have no spans.
     */
    static Optional<String> periodCode(LocalDate from, LocalDate to) {
        if (from.getDayOfMonth() != 1 || to.isBefore(from)) {
            return Optional.empty();
        }
        if (!to.isAfter(from.with(TemporalAdjusters.lastDayOfMonth()))) {
            return Optional.of("M%04d-%02d".formatted(from.getYear(), from.getMonthValue()));
        }
        int fy = from.minusMonths(3).getYear();
        int quarterStart = from.minusMonths(3).getMonthValue(); // 1, 4, 7, 10 for the starts of fiscal quarters
        if ((quarterStart - 1) % 3 == 0 && to.isBefore(from.plusMonths(3))) {
            return Optional.of("Q%04d-%d".formatted(fy, (quarterStart - 1) / 3 + 1));
        }
        if (from.getMonthValue() == 4 && to.isBefore(from.plusYears(1))) {
            return Optional.of("FY%04d".formatted(fy));
        }
        return Optional.empty();
    }
}
