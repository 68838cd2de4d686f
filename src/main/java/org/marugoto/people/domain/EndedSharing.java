package org.marugoto.people.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.marugoto.shared.ClusterJobs;
import org.marugoto.shared.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps search in step with sharing that ended by itself (a consent's "valid until" passed). Access decisions compare
 * the end with the clock and need nothing; search reads {@code person.visible_agencies}, which this job recomputes once
 * the end has passed. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several nodes may run it.
 */
@Service
public class EndedSharing {

    private static final Logger log = LoggerFactory.getLogger(EndedSharing.class);

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final PeopleService people;
    private final Clock clock;
    private final ClusterJobs jobs;
    private final TransactionTemplate transactions;

    EndedSharing(
            JdbcClient jdbc,
            Tenancy tenancy,
            PeopleService people,
            Clock clock,
            ClusterJobs jobs,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.people = people;
        this.clock = clock;
        this.jobs = jobs;
        this.transactions = transactions;
    }

    @Scheduled(
            initialDelayString = "${marugoto.people.sharing-check:5m}",
            fixedDelayString = "${marugoto.people.sharing-check:5m}")
    void scheduled() {
        // in a transaction of its own (a call from this class does not pass the @Transactional proxy), so that the
        // claimed rows stay locked until the commit
        int households = jobs.runAlone("sharing-ended", () -> {
            Integer applied = transactions.execute(status -> apply());
            return applied == null ? 0 : applied;
        });
        if (households > 0) {
            log.info("search visibility recomputed for {} households whose sharing ended", households);
        }
    }

    /** Recomputes search visibility for the households whose sharing has ended by now; returns how many. */
    @Transactional
    public int apply() {
        Set<UUID> households = new HashSet<>(jdbc.sql("""
                        select household_id from household_agency
                        where municipality_id = :m and not visibility_current and ends_at <= :now
                        limit 500
                        for update skip locked
                        """)
                .param("m", tenancy.municipalityId())
                .param("now", Timestamp.from(clock.instant()))
                .query(UUID.class)
                .list());
        if (households.isEmpty()) {
            return 0;
        }
        people.refreshVisibility(households);
        jdbc.sql("""
                        update household_agency set visibility_current = true
                        where municipality_id = :m and household_id in (:households) and not visibility_current
                          and ends_at <= :now
                        """)
                .param("m", tenancy.municipalityId())
                .param("households", households)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return households.size();
    }
}
