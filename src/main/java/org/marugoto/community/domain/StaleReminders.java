package org.marugoto.community.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.marugoto.shared.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds organisers of stale entries (not confirmed for {@value CommunityService#STALE_MONTHS} months) by e-mail,
 * once per stale period: an entry is claimed when it was not reminded since it was last confirmed, with
 * {@code for update skip locked}, and marked in the same transaction, so with several nodes each entry is reminded
 * once (as overdue referrals are announced once). Confirming or changing the entry starts a new period.
 */
@Component
public class StaleReminders {

    private static final Logger log = LoggerFactory.getLogger(StaleReminders.class);

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final CommunityService community;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StaleReminders(
            JdbcClient jdbc,
            Tenancy tenancy,
            CommunityService community,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.community = community;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${marugoto.community.stale-check:1h}",
            fixedDelayString = "${marugoto.community.stale-check:1h}")
    void scheduled() {
        int reminded = remind();
        if (reminded > 0) {
            log.info("{} organisers reminded of stale entries", reminded);
        }
    }

    /** Claims the stale entries not reminded in their current period, marks them and announces them. */
    @Transactional
    public int remind() {
        List<UUID> claimed = jdbc.sql("""
                        select id from community_activity
                        where municipality_id = ? and status <> 'CLOSED' and confirmed_at < ?
                            and (stale_reminded_at is null or stale_reminded_at < confirmed_at)
                        order by confirmed_at
                        limit 200
                        for update skip locked
                        """)
                .params(tenancy.municipalityId(), Timestamp.from(community.staleLimit()))
                .query(UUID.class)
                .list();
        Timestamp now = Timestamp.from(clock.instant());
        for (UUID id : claimed) {
            jdbc.sql("update community_activity set stale_reminded_at = ? where municipality_id = ? and id = ?")
                    .params(now, tenancy.municipalityId(), id)
                    .update();
            events.publishEvent(new OrganiserNotice(id, OrganiserNotice.Kind.STALE));
        }
        return claimed.size();
    }
}
