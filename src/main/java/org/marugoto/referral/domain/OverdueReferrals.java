package org.marugoto.referral.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.marugoto.referral.ReferralChanged;
import org.marugoto.referral.ReferralEventKind;
import org.marugoto.referral.ReferralStatus;
import org.marugoto.shared.ClusterJobs;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Japan;
import org.marugoto.shared.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds referrals that nobody acts on: not answered by the desired date, or accepted but idle too long. Each is marked
 * overdue once (until someone acts on it again) and both agencies and the coordinators are told. The state lives in
 * the database and rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several application nodes may run the job
 * at once, restarts lose nothing, and nobody is notified twice.
 */
@Service
public class OverdueReferrals {

    private static final Logger log = LoggerFactory.getLogger(OverdueReferrals.class);

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final ReferralService referrals;
    private final ReferralProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ClusterJobs jobs;
    private final TransactionTemplate transactions;

    OverdueReferrals(
            JdbcClient jdbc,
            Tenancy tenancy,
            ReferralService referrals,
            ReferralProperties properties,
            ApplicationEventPublisher events,
            Clock clock,
            ClusterJobs jobs,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.referrals = referrals;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.jobs = jobs;
        this.transactions = transactions;
    }

    @Scheduled(
            initialDelayString = "${marugoto.referral.overdue-check}",
            fixedDelayString = "${marugoto.referral.overdue-check}")
    void scheduled() {
        // in a transaction of its own (a call from this class does not pass the @Transactional proxy): the claimed rows
        // stay locked until the commit, and the events are delivered after it
        int found = jobs.runAlone("referral-overdue", () -> {
            Integer detected = transactions.execute(status -> detect());
            return detected == null ? 0 : detected;
        });
        if (found > 0) {
            log.info("{} referrals became overdue", found);
        }
    }

    /** Marks and announces the referrals that became overdue; returns how many. */
    @Transactional
    public int detect() {
        LocalDate today = Japan.today(clock);
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp idleSince = Timestamp.from(clock.instant().minus(properties.idleLimit()));
        record Claimed(UUID id, String reference, UUID from, UUID to, String status) {}
        List<Claimed> claimed = jdbc.sql("""
                        select id, reference_number, from_agency_id, to_agency_id, status from referral
                        where municipality_id = :m and overdue_since is null
                          and ((status in ('SENT', 'INFO_REQUESTED') and desired_response_date < :today)
                            or (status in ('ACCEPTED', 'IN_PROGRESS') and last_activity_at < :idleSince))
                        order by desired_response_date
                        limit 200
                        for update skip locked
                        """)
                .param("m", tenancy.municipalityId())
                .param("today", today)
                .param("idleSince", idleSince)
                .query((rs, i) -> new Claimed(
                        rs.getObject("id", UUID.class),
                        rs.getString("reference_number"),
                        rs.getObject("from_agency_id", UUID.class),
                        rs.getObject("to_agency_id", UUID.class),
                        rs.getString("status")))
                .list();
        for (Claimed c : claimed) {
            jdbc.sql("update referral set overdue_since = ? where municipality_id = ? and id = ?")
                    .params(now, tenancy.municipalityId(), c.id())
                    .update();
            ReferralStatus status = ReferralStatus.valueOf(c.status());
            referrals.recordEvent(c.id(), CurrentActor.SYSTEM, null, ReferralEventKind.OVERDUE, status, status, null);
            events.publishEvent(
                    new ReferralChanged(c.id(), c.reference(), c.from(), c.to(), ReferralEventKind.OVERDUE));
        }
        return claimed.size();
    }
}
