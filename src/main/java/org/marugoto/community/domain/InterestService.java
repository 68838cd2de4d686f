package org.marugoto.community.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' interest messages (参加・協力の申し出) about a published activity, without an account. They go to the
 * organiser of the activity's group (or, for a group without one, to the reviewers), who answers and marks them
 * handled. A client address may send a few per hour (the address is kept only as a keyed hash); every message is
 * deleted after the retention period by {@link #deleteExpired()}. Reading and answering are audited: the messages are
 * residents' personal data.
 */
@Service
public class InterestService {

    private static final Logger log = LoggerFactory.getLogger(InterestService.class);

    static final String INTEREST = "community-interest";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AuditApi audit;
    private final CommunityService community;
    private final Clock clock;
    private final Duration retention;
    private final int perHour;
    private final byte[] addressKey;
    private final org.springframework.context.ApplicationEventPublisher events;

    InterestService(
            JdbcClient jdbc,
            Tenancy tenancy,
            AuditApi audit,
            CommunityService community,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events,
            @Value("${marugoto.community.interest-retention:90d}") Duration retention,
            @Value("${marugoto.community.interests-per-hour:5}") int perHour,
            @Value("${marugoto.community.address-key:${marugoto.security.mfa-key}}") String addressKey) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.audit = audit;
        this.community = community;
        this.clock = clock;
        this.events = events;
        this.retention = retention;
        this.perHour = perHour;
        this.addressKey = ("community-address:" + addressKey).getBytes(StandardCharsets.UTF_8);
    }

    /** How long a message is kept, for the form's notice. */
    public Duration retention() {
        return retention;
    }

    /** A resident sends a message about a published, open activity. Refused over the rate limit of their address. */
    @Transactional
    public UUID submit(UUID activityId, String name, String contact, String message, String clientAddress) {
        Activity activity = community
                .published(activityId)
                .filter(a -> a.status() == ActivityStatus.OPEN)
                .orElseThrow(() -> new NotFoundException(CommunityService.ACTIVITY, activityId));
        String client = hash(clientAddress);
        Instant now = clock.instant();
        long recent = jdbc.sql("select count(*) from community_interest where municipality_id = ? and client_hash = ?"
                        + " and created_at > ?")
                .params(tenancy.municipalityId(), client, Timestamp.from(now.minus(Duration.ofHours(1))))
                .query(Long.class)
                .single();
        if (recent >= perHour) {
            throw new RuleViolation(null, "public.interest.tooMany");
        }
        UUID id = Ids.newId();
        Timestamp at = Timestamp.from(now);
        jdbc.sql("""
                        insert into community_interest (municipality_id, id, activity_id, name, contact, message,
                            client_hash, status, delete_after, created_at, created_by, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, 'NEW', ?, ?, ?, ?, ?)
                        """)
                .params(
                        tenancy.municipalityId(),
                        id,
                        activity.id(),
                        name.strip(),
                        contact.strip(),
                        message.strip(),
                        client,
                        Timestamp.from(now.plus(retention)),
                        at,
                        "resident",
                        at,
                        "resident")
                .update();
        audit.record(new AuditEntry(AuditAction.CREATE, INTEREST, id, "interest from a resident", Map.of()));
        events.publishEvent(new OrganiserNotice(activity.id(), OrganiserNotice.Kind.INTEREST));
        return id;
    }

    /** The messages about the activities the current user answers for, new ones first. Audited as one read. */
    @Transactional
    public List<Interest> inbox() {
        Actor actor = actor();
        List<Interest> list;
        if (CommunityService.isOrganiser(actor) && !community.isReviewer(actor)) {
            list = select(" and g.organiser_account_id = :me", Map.of("me", actor.accountId()));
        } else if (community.isReviewer(actor)) {
            list = select(" and g.organiser_account_id is null", Map.of());
        } else {
            throw new AccessDeniedException("interest inbox");
        }
        audit.record(new AuditEntry(
                AuditAction.READ, INTEREST, null, "interest inbox", Map.of("count", String.valueOf(list.size()))));
        return list;
    }

    /** How many new messages wait for the current user (no personal data). */
    @Transactional(readOnly = true)
    public long newCount() {
        Actor actor = actor();
        if (!community.mayUseDesk(actor)) {
            return 0;
        }
        boolean organiser = CommunityService.isOrganiser(actor) && !community.isReviewer(actor);
        return jdbc.sql("select count(*) from community_interest i join community_activity a"
                        + " on a.municipality_id = i.municipality_id and a.id = i.activity_id"
                        + " join community_group g on g.municipality_id = a.municipality_id and g.id = a.group_id"
                        + " where i.municipality_id = :m and i.status = 'NEW' and "
                        + (organiser ? "g.organiser_account_id = :me" : "g.organiser_account_id is null"))
                .param("m", tenancy.municipalityId())
                .param("me", actor.accountId())
                .query(Long.class)
                .single();
    }

    /** The organiser records their answer (and may mark the message handled). */
    @Transactional
    public Interest answer(UUID id, int seenVersion, @Nullable String answer, boolean handled) {
        Interest interest = get(id);
        if ((answer == null || answer.isBlank()) && !handled) {
            throw new RuleViolation("answer", "community.interest.error.answer");
        }
        InterestStatus status = handled ? InterestStatus.HANDLED : InterestStatus.ANSWERED;
        Timestamp now = Timestamp.from(clock.instant());
        String text = answer == null || answer.isBlank() ? interest.answer() : answer.strip();
        int updated = jdbc.sql("""
                        update community_interest set status = ?, answer = ?, answered_at = ?, answered_by = ?,
                            updated_at = ?, updated_by = ?, version = version + 1
                        where municipality_id = ? and id = ? and version = ?
                        """)
                .params(Arrays.asList(
                        status.name(),
                        text,
                        now,
                        CurrentActor.username(),
                        now,
                        CurrentActor.username(),
                        tenancy.municipalityId(),
                        id,
                        seenVersion))
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("interest changed");
        }
        audit.record(
                new AuditEntry(AuditAction.UPDATE, INTEREST, id, "answer interest", Map.of("status", status.name())));
        return find(id);
    }

    /** One message, for whoever answers for its activity. Audited. */
    @Transactional
    public Interest get(UUID id) {
        Actor actor = actor();
        Interest interest = find(id);
        UUID organiser = jdbc.sql("""
                        select g.organiser_account_id from community_interest i
                        join community_activity a on a.municipality_id = i.municipality_id and a.id = i.activity_id
                        join community_group g on g.municipality_id = a.municipality_id and g.id = a.group_id
                        where i.municipality_id = ? and i.id = ?
                        """)
                .params(tenancy.municipalityId(), id)
                .query(UUID.class)
                .optional()
                .orElse(null);
        boolean mine = organiser != null
                ? CommunityService.isOrganiser(actor) && organiser.equals(actor.accountId())
                : community.isReviewer(actor);
        if (!mine) {
            audit.record(new AuditEntry(AuditAction.ACCESS_DENIED, INTEREST, id, "interest", Map.of()));
            throw new AccessDeniedException("not this activity's organiser");
        }
        audit.record(new AuditEntry(AuditAction.READ, INTEREST, id, "interest", Map.of()));
        return interest;
    }

    /** Deletes the messages past their retention. Runs hourly; safe on several nodes (a plain delete). */
    @Scheduled(fixedDelayString = "${marugoto.community.purge-every:1h}", initialDelayString = "5m")
    @Transactional
    public int deleteExpired() {
        int deleted = jdbc.sql("delete from community_interest where municipality_id = ? and delete_after < ?")
                .params(tenancy.municipalityId(), Timestamp.from(clock.instant()))
                .update();
        if (deleted > 0) {
            audit.record(new AuditEntry(
                    AuditAction.UPDATE,
                    INTEREST,
                    null,
                    "retention: interest messages deleted",
                    Map.of("count", String.valueOf(deleted))));
            log.info("Deleted {} interest messages past their retention", deleted);
        }
        return deleted;
    }

    private Interest find(UUID id) {
        return select(" and i.id = :id", Map.of("id", id)).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException(INTEREST, id));
    }

    private List<Interest> select(String where, Map<String, Object> params) {
        return jdbc.sql("""
                        select i.*, a.name activity_name from community_interest i
                        join community_activity a on a.municipality_id = i.municipality_id and a.id = i.activity_id
                        join community_group g on g.municipality_id = a.municipality_id and g.id = a.group_id
                        where i.municipality_id = :m""" + where + " order by i.status, i.created_at desc")
                .params(params)
                .param("m", tenancy.municipalityId())
                .query(InterestService::row)
                .list();
    }

    private static Interest row(ResultSet rs, int i) throws SQLException {
        Timestamp answered = rs.getTimestamp("answered_at");
        return new Interest(
                rs.getObject("id", UUID.class),
                rs.getObject("activity_id", UUID.class),
                rs.getString("activity_name"),
                rs.getString("name"),
                rs.getString("contact"),
                rs.getString("message"),
                InterestStatus.valueOf(rs.getString("status")),
                rs.getString("answer"),
                answered == null ? null : answered.toInstant(),
                rs.getString("answered_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("delete_after").toInstant(),
                rs.getInt("version"));
    }

    private String hash(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(addressKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(address.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Actor actor() {
        return CurrentActor.get().orElseThrow(() -> new AccessDeniedException("not authenticated"));
    }
}
