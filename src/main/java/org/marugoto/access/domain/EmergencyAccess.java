package org.marugoto.access.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.EmergencyGrant;
import org.marugoto.access.EmergencyReview;
import org.marugoto.access.Role;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.audit.RelatedRecords;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Break-the-glass: emergency read access for a limited time with a stated reason, and its review by the requester's
 * agency supervisor and by the municipal privacy officer. A grant ends by itself: every decision compares its end with
 * the injected clock, so nothing has to run for it to expire.
 */
@Service
public class EmergencyAccess {

    static final String GRANT = "break_glass_grant";

    /** At least a short sentence: "急いでいる" alone is no reason a reviewer can judge. */
    static final int MIN_REASON_LENGTH = 10;

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AuditApi audit;
    private final Clock clock;
    private final Duration duration;
    private final List<RelatedRecords> related;

    EmergencyAccess(
            JdbcClient jdbc,
            Tenancy tenancy,
            AuditApi audit,
            Clock clock,
            @Value("${marugoto.access.break-glass-duration:3h}") Duration duration,
            List<RelatedRecords> related) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.audit = audit;
        this.clock = clock;
        this.duration = duration;
        this.related = related;
    }

    static boolean mayBreakGlass(Actor actor) {
        Set<String> roles = actor.roleNames();
        return roles.contains(Role.CASEWORKER.name())
                || roles.contains(Role.AGENCY_SUPERVISOR.name())
                || roles.contains(Role.MUNICIPAL_COORDINATOR.name());
    }

    @Transactional
    EmergencyGrant grant(
            Actor actor,
            String recordType,
            UUID recordId,
            String reference,
            Set<UUID> covered,
            String reason,
            Instant at) {
        String why = reason.strip();
        if (why.codePointCount(0, why.length()) < MIN_REASON_LENGTH) {
            throw new RuleViolation("reason", "emergency.error.reason", MIN_REASON_LENGTH);
        }
        Optional<EmergencyGrant> active = activeGrant(actor.accountId(), recordId, at);
        if (active.isPresent() && active.get().recordId().equals(recordId)) {
            return active.get();
        }
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(at);
        jdbc.sql("""
                        insert into break_glass_grant (municipality_id, id, account_id, username, agency_id,
                            record_type, record_id, reference, reason, granted_at, expires_at,
                            created_at, created_by, updated_at, updated_by, version)
                        values (:m, :id, :account, :username, :agency, :type, :record, :reference, :reason, :now,
                            :expires, :now, :username, :now, :username, 0)
                        """)
                .param("m", tenancy.municipalityId())
                .param("id", id)
                .param("account", actor.accountId())
                .param("username", actor.username())
                .param("agency", actor.agencyId())
                .param("type", recordType)
                .param("record", recordId)
                .param("reference", reference)
                .param("reason", why)
                .param("now", now)
                .param("expires", Timestamp.from(at.plus(duration)))
                .update();
        Set<UUID> opened = new LinkedHashSet<>();
        opened.add(recordId);
        opened.addAll(covered);
        for (UUID record : covered) {
            related.forEach(r -> opened.addAll(r.relatedTo(record)));
        }
        for (UUID record : opened) {
            jdbc.sql("insert into break_glass_record (municipality_id, grant_id, record_id) values (?, ?, ?)")
                    .params(tenancy.municipalityId(), id, record)
                    .update();
        }
        EmergencyGrant grant = find(id);
        // the reason itself may name the person: it stays in the grant, the audit row says when and until when
        audit.record(new AuditEntry(
                AuditAction.BREAK_GLASS,
                recordType,
                recordId,
                grant.purpose(),
                Map.of("until", grant.expiresAt().toString(), "records", String.valueOf(opened.size()))));
        return grant;
    }

    /** The grant of this account that opens the record at the given time, if any. */
    @Transactional(readOnly = true)
    public Optional<EmergencyGrant> activeGrant(UUID accountId, UUID recordId, Instant at) {
        return jdbc.sql("""
                        select g.* from break_glass_grant g
                        join break_glass_record r on r.municipality_id = g.municipality_id and r.grant_id = g.id
                        where g.municipality_id = :m and g.account_id = :account and r.record_id = :record
                          and g.granted_at <= :at and g.expires_at > :at
                        order by g.expires_at desc
                        limit 1
                        """)
                .param("m", tenancy.municipalityId())
                .param("account", accountId)
                .param("record", recordId)
                .param("at", Timestamp.from(at))
                .query((rs, i) -> row(rs))
                .optional();
    }

    Optional<EmergencyGrant> activeGrant(UUID accountId, UUID recordId) {
        return activeGrant(accountId, recordId, clock.instant());
    }

    /**
     * What the current user has to review: as agency supervisor, the grants of their agency's staff (not their own);
     * as privacy officer, every grant. Pending ones first, then the latest reviewed. The read is audited.
     */
    @Transactional
    public ReviewQueue reviewQueue() {
        Actor actor = CurrentActor.get().orElseThrow(() -> new AccessDeniedException("not authenticated"));
        boolean supervisor = actor.roleNames().contains(Role.AGENCY_SUPERVISOR.name());
        boolean privacy = actor.roleNames().contains(Role.PRIVACY_OFFICER.name());
        if (!supervisor && !privacy) {
            throw new AccessDeniedException("reviewers only");
        }
        List<EmergencyGrant> visible = jdbc.sql("""
                        select * from break_glass_grant
                        where municipality_id = :m
                          and (:privacy or (agency_id = :agency and account_id <> :me))
                        order by granted_at desc
                        limit 200
                        """)
                .param("m", tenancy.municipalityId())
                .param("privacy", privacy)
                .param("agency", actor.agencyId())
                .param("me", actor.accountId())
                .query((rs, i) -> row(rs))
                .list();
        List<EmergencyGrant> pending = new ArrayList<>();
        List<EmergencyGrant> reviewed = new ArrayList<>();
        for (EmergencyGrant grant : visible) {
            (reviewerSide(actor, grant) != null ? pending : reviewed).add(grant);
        }
        audit.record(new AuditEntry(
                AuditAction.SEARCH,
                GRANT,
                null,
                "break-glass review",
                Map.of("pending", String.valueOf(pending.size()))));
        return new ReviewQueue(pending, reviewed.stream().limit(50).toList(), clock.instant());
    }

    /** Pending grants first; {@code now} tells the page which grants are still running. */
    public record ReviewQueue(List<EmergencyGrant> pending, List<EmergencyGrant> reviewed, Instant now) {}

    /**
     * Records the current user's verdict, as the requester's supervisor or as privacy officer (whichever review of
     * theirs is still open). A "not justified" verdict needs a note.
     */
    @Transactional
    public EmergencyGrant review(UUID grantId, int seenVersion, @Nullable EmergencyReview verdict, String note) {
        Actor actor = CurrentActor.get().orElseThrow(() -> new AccessDeniedException("not authenticated"));
        EmergencyGrant grant = find(grantId);
        String side = reviewerSide(actor, grant);
        if (side == null) {
            boolean mayReview = actor.roleNames().contains(Role.PRIVACY_OFFICER.name())
                    || (actor.roleNames().contains(Role.AGENCY_SUPERVISOR.name())
                            && grant.agencyId().equals(actor.agencyId())
                            && !grant.accountId().equals(actor.accountId()));
            if (mayReview) {
                throw new RuleViolation(null, "emergency.error.alreadyReviewed");
            }
            throw new AccessDeniedException("not a reviewer of this grant");
        }
        if (verdict == null) {
            throw new RuleViolation("verdict", "emergency.error.verdict");
        }
        String text = note.strip();
        if (verdict == EmergencyReview.NOT_JUSTIFIED && text.isEmpty()) {
            throw new RuleViolation("note", "emergency.error.note");
        }
        int changed = jdbc.sql("""
                        update break_glass_grant set %1$s_review = :verdict, %1$s_reviewed_by = :by,
                            %1$s_reviewed_at = :now, %1$s_note = :note, updated_at = :now, updated_by = :by,
                            version = version + 1
                        where municipality_id = :m and id = :id and version = :version and %1$s_review is null
                        """.formatted(side))
                .param("verdict", verdict.name())
                .param("by", actor.username())
                .param("now", Timestamp.from(clock.instant()))
                .param("note", text.isEmpty() ? null : text)
                .param("m", tenancy.municipalityId())
                .param("id", grantId)
                .param("version", seenVersion)
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("grant " + grantId + " was reviewed by someone else");
        }
        audit.record(new AuditEntry(
                AuditAction.BREAK_GLASS_REVIEW,
                grant.recordType(),
                grant.recordId(),
                grant.purpose(),
                Map.of("reviewer", side, "verdict", verdict.name())));
        return find(grantId);
    }

    /** Which review of this grant the actor still owes ("privacy" or "supervisor"), or null. */
    static @Nullable String reviewerSide(Actor actor, EmergencyGrant grant) {
        if (actor.roleNames().contains(Role.PRIVACY_OFFICER.name()) && grant.privacyReview() == null) {
            return "privacy";
        }
        if (actor.roleNames().contains(Role.AGENCY_SUPERVISOR.name())
                && grant.agencyId().equals(actor.agencyId())
                && !grant.accountId().equals(actor.accountId())
                && grant.supervisorReview() == null) {
            return "supervisor";
        }
        return null;
    }

    EmergencyGrant find(UUID id) {
        return jdbc.sql("select * from break_glass_grant where municipality_id = ? and id = ?")
                .params(tenancy.municipalityId(), id)
                .query((rs, i) -> row(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException(GRANT, id));
    }

    private static EmergencyGrant row(ResultSet rs) throws SQLException {
        return new EmergencyGrant(
                rs.getObject("id", UUID.class),
                rs.getObject("account_id", UUID.class),
                rs.getString("username"),
                rs.getObject("agency_id", UUID.class),
                rs.getString("record_type"),
                rs.getObject("record_id", UUID.class),
                rs.getString("reference"),
                rs.getString("reason"),
                rs.getTimestamp("granted_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                review(rs.getString("supervisor_review")),
                rs.getString("supervisor_reviewed_by"),
                rs.getString("supervisor_note"),
                review(rs.getString("privacy_review")),
                rs.getString("privacy_reviewed_by"),
                rs.getString("privacy_note"),
                rs.getInt("version"));
    }

    private static @Nullable EmergencyReview review(@Nullable String value) {
        return value == null ? null : EmergencyReview.valueOf(value);
    }
}
