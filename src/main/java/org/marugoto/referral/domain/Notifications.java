package org.marugoto.referral.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.referral.ReferralChanged;
import org.marugoto.referral.ReferralEventKind;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.ShortCache;
import org.marugoto.shared.Tenancy;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notifications about referrals, written in the same transaction as the change. They name the referral by its
 * reference number and what happened, never a person.
 */
@Service
public class Notifications {

    /** A notification as its reader sees it. */
    public record NotificationView(
            UUID id,
            String kind,
            String reference,
            @Nullable UUID referralId,
            Instant at,
            boolean read) {}

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Clock clock;
    private final ShortCache<UUID, Integer> unreadCounts = new ShortCache<>(Duration.ofSeconds(15));

    Notifications(JdbcClient jdbc, Tenancy tenancy, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @EventListener
    void on(ReferralChanged change) {
        if (change.kind() == ReferralEventKind.OVERDUE) {
            notify(change.toAgencyId(), false, change);
            notify(change.fromAgencyId(), false, change);
            notify(null, true, change);
        } else {
            notify(change.kind().concernsReceiver() ? change.toAgencyId() : change.fromAgencyId(), false, change);
        }
    }

    private void notify(@Nullable UUID agency, boolean coordinators, ReferralChanged change) {
        unreadCounts.invalidate();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into notification (municipality_id, id, agency_id, for_coordinators, kind, referral_id,
                            reference, created_at, created_by, updated_at, updated_by, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                        """)
                .params(Arrays.asList(
                        tenancy.municipalityId(),
                        Ids.newId(),
                        agency,
                        coordinators,
                        "REFERRAL_" + change.kind().name(),
                        change.referralId(),
                        change.referenceNumber(),
                        now,
                        CurrentActor.username(),
                        now,
                        CurrentActor.username()))
                .update();
    }

    /** The newest notifications for the current user: their agency's, and the coordinators' if they are one. */
    @Transactional(readOnly = true)
    public List<NotificationView> mine(int limit) {
        Actor actor = CurrentActor.get().orElseThrow();
        return jdbc.sql("""
                        select n.*, exists (select 1 from notification_read r where r.municipality_id = n.municipality_id and r.notification_id = n.id
                                              and r.account_id = :account) as read
                        from notification n
                        where n.municipality_id = :m and (n.agency_id = :agency or (n.for_coordinators and :coordinator))
                        order by n.created_at desc
                        limit :limit
                        """)
                .param("account", actor.accountId())
                .param("m", tenancy.municipalityId())
                .param("agency", actor.agencyId())
                .param("coordinator", actor.roleNames().contains("MUNICIPAL_COORDINATOR"))
                .param("limit", limit)
                .query((rs, i) -> new NotificationView(
                        rs.getObject("id", UUID.class),
                        rs.getString("kind"),
                        rs.getString("reference"),
                        rs.getObject("referral_id", UUID.class),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getBoolean("read")))
                .list();
    }

    /**
     * The number of the current user's unread notifications, shown in the header of every page: kept per staff
     * account for a few seconds and forgotten when a notification is written or read (decision 0025).
     */
    public int unread() {
        Actor actor = CurrentActor.get().orElseThrow();
        return unreadCounts.get(actor.accountId(), () -> count(actor));
    }

    private int count(Actor actor) {
        return jdbc.sql("""
                        select count(*) from notification n
                        where n.municipality_id = :m and (n.agency_id = :agency or (n.for_coordinators and :coordinator))
                          and not exists (select 1 from notification_read r where r.municipality_id = n.municipality_id and r.notification_id = n.id
                                            and r.account_id = :account)
                        """)
                .param("account", actor.accountId())
                .param("m", tenancy.municipalityId())
                .param("agency", actor.agencyId())
                .param("coordinator", actor.roleNames().contains("MUNICIPAL_COORDINATOR"))
                .query(Integer.class)
                .single();
    }

    @Transactional
    public void markAllRead() {
        Actor actor = CurrentActor.get().orElseThrow();
        unreadCounts.invalidate(actor.accountId());
        jdbc.sql("""
                        insert into notification_read (municipality_id, notification_id, account_id, read_at)
                        select n.municipality_id, n.id, :account, :now from notification n
                        where n.municipality_id = :m and (n.agency_id = :agency or (n.for_coordinators and :coordinator))
                        on conflict do nothing
                        """)
                .param("account", actor.accountId())
                .param("now", Timestamp.from(clock.instant()))
                .param("m", tenancy.municipalityId())
                .param("agency", actor.agencyId())
                .param("coordinator", actor.roleNames().contains("MUNICIPAL_COORDINATOR"))
                .update();
    }
}
