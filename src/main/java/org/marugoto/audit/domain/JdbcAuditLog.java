package org.marugoto.audit.domain;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.audit.AuditEventView;
import org.marugoto.audit.ChainVerification;
import org.marugoto.audit.RelatedRecords;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Service
class JdbcAuditLog implements AuditApi {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Clock clock;
    private final List<RelatedRecords> related;
    private final AuditSeal seal;

    JdbcAuditLog(JdbcClient jdbc, Tenancy tenancy, Clock clock, List<RelatedRecords> related, AuditSeal seal) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.clock = clock;
        this.related = related;
        this.seal = seal;
    }

    @Override
    @Transactional
    public void record(AuditEntry entry) {
        Actor actor = CurrentActor.get().orElse(null);
        insert(
                actor == null ? CurrentActor.SYSTEM : actor.username(),
                actor == null ? null : actor.accountId(),
                actor == null ? null : actor.agencyId(),
                entry);
    }

    @Override
    @Transactional
    public void recordFor(@Nullable String username, @Nullable UUID accountId, AuditEntry entry) {
        insert(username, accountId, null, entry);
    }

    private void insert(
            @Nullable String username, @Nullable UUID accountId, @Nullable UUID agencyId, AuditEntry entry) {
        jdbc.sql("""
                        insert into audit_event (municipality_id, id, occurred_at, actor_username, actor_account_id,
                            actor_agency_id, action, record_type, record_id, purpose, client_address, details)
                        values (:municipality, :id, :at, :username, :account, :agency, :action, :recordType,
                            :recordId, :purpose, :client, :details)
                        """)
                .param("municipality", tenancy.municipalityId())
                .param("id", Ids.newId())
                .param("at", Timestamp.from(clock.instant()))
                .param("username", truncate(username, 100))
                .param("account", accountId)
                .param("agency", agencyId)
                .param("action", entry.action().name())
                .param("recordType", entry.recordType())
                .param("recordId", entry.recordId())
                .param("purpose", entry.purpose())
                .param("client", clientAddress())
                .param("details", format(entry.details()))
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEventView> recent(@Nullable UUID recordId, int limit) {
        return jdbc.sql("""
                        select id, occurred_at, actor_username, action, record_type, record_id, purpose,
                               client_address, details
                        from audit_event
                        where municipality_id = :municipality and (cast(:recordId as uuid) is null or record_id = :recordId)
                        order by occurred_at desc, id desc
                        limit :limit
                        """)
                .param("municipality", tenancy.municipalityId())
                .param("recordId", recordId)
                .param("limit", limit)
                .query((rs, i) -> view(rs))
                .list();
    }

    @Override
    @Transactional
    public List<AuditEventView> about(UUID recordId, int limit) {
        Set<UUID> ids = new HashSet<>();
        ids.add(recordId);
        related.forEach(r -> ids.addAll(r.relatedTo(recordId)));
        record(new AuditEntry(
                AuditAction.SEARCH,
                "audit_event",
                recordId,
                "investigation",
                Map.of("records", String.valueOf(ids.size()))));
        return select("record_id in (:ids)", Map.of("ids", ids), limit);
    }

    @Override
    @Transactional
    public List<AuditEventView> byActor(String username, int limit) {
        record(new AuditEntry(AuditAction.SEARCH, "audit_event", null, "investigation", Map.of("actor", username)));
        return select("actor_username = :username", Map.of("username", username), limit);
    }

    @Override
    public ChainVerification verifyChain() {
        return seal.verify();
    }

    private List<AuditEventView> select(String condition, Map<String, Object> values, int limit) {
        var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource(values)
                .addValue("municipality", tenancy.municipalityId())
                .addValue("limit", limit);
        return jdbc.sql("""
                        select id, occurred_at, actor_username, action, record_type, record_id, purpose,
                               client_address, details
                        from audit_event
                        where municipality_id = :municipality and %s
                        order by occurred_at desc, id desc
                        limit :limit
                        """.formatted(condition))
                .paramSource(params)
                .query((rs, i) -> view(rs))
                .list();
    }

    private static AuditEventView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AuditEventView(
                rs.getObject("id", UUID.class),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor_username"),
                AuditAction.valueOf(rs.getString("action")),
                rs.getString("record_type"),
                rs.getObject("record_id", UUID.class),
                rs.getString("purpose"),
                rs.getString("client_address"),
                rs.getString("details"));
    }

    private static String format(Map<String, String> details) {
        return details.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static @Nullable String truncate(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static @Nullable String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
