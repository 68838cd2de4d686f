package org.marugoto.audit.domain;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.marugoto.audit.AuditNames;
import org.marugoto.audit.AuditQuery;
import org.marugoto.audit.AuditSubjects;
import org.marugoto.audit.ChainVerification;
import org.marugoto.audit.RelatedRecords;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.Japan;
import org.marugoto.shared.Tenancy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
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
    // looked up when used: the modules that implement them also write to the audit trail
    private final ObjectProvider<AuditNames> names;
    private final ObjectProvider<AuditSubjects> subjects;

    JdbcAuditLog(
            JdbcClient jdbc,
            Tenancy tenancy,
            Clock clock,
            List<RelatedRecords> related,
            AuditSeal seal,
            ObjectProvider<AuditNames> names,
            ObjectProvider<AuditSubjects> subjects) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.clock = clock;
        this.related = related;
        this.seal = seal;
        this.names = names;
        this.subjects = subjects;
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
                .param("username", truncateNullable(username, 100))
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
    @Transactional
    public List<AuditEventView> search(AuditQuery query, int limit) {
        Map<String, String> details = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource();
        Set<UUID> records = null;
        if (query.record() != null) {
            records = withRelated(Set.of(query.record()));
            details.put("record", query.record().toString());
        }
        if (query.person() != null && !query.person().isBlank()) {
            Set<UUID> people = new HashSet<>();
            subjects.forEach(s -> people.addAll(s.peopleNamed(query.person())));
            records = intersect(records, withRelated(people));
            details.put("person", truncate(query.person().strip(), 100));
        }
        if (query.household() != null && !query.household().isBlank()) {
            Set<UUID> households = new HashSet<>();
            subjects.forEach(s -> households.addAll(s.householdNumbered(query.household())));
            records = intersect(records, withRelated(households));
            details.put("household", truncate(query.household().strip(), 100));
        }
        if (records != null) {
            if (records.isEmpty()) {
                conditions.add("false");
            } else {
                conditions.add("record_id in (:ids)");
                params.addValue("ids", records);
            }
            details.put("records", String.valueOf(records.size()));
        }
        if (query.staff() != null && !query.staff().isBlank()) {
            Set<String> usernames = new HashSet<>();
            usernames.add(query.staff().strip());
            names.forEach(n -> usernames.addAll(n.usernamesMatching(query.staff())));
            conditions.add("actor_username in (:usernames)");
            params.addValue("usernames", usernames);
            details.put("actor", truncate(query.staff().strip(), 100));
        }
        if (query.from() != null) {
            conditions.add("occurred_at >= :from");
            params.addValue(
                    "from", Timestamp.from(query.from().atStartOfDay(Japan.ZONE).toInstant()));
            details.put("from", query.from().toString());
        }
        if (query.to() != null) {
            conditions.add("occurred_at < :to");
            params.addValue(
                    "to",
                    Timestamp.from(
                            query.to().plusDays(1).atStartOfDay(Japan.ZONE).toInstant()));
            details.put("to", query.to().toString());
        }
        record(new AuditEntry(AuditAction.SEARCH, "audit_event", query.record(), "investigation", details));
        if (conditions.isEmpty()) {
            conditions.add("true");
        }
        return select(String.join(" and ", conditions), params.getValues(), limit);
    }

    private Set<UUID> withRelated(Set<UUID> ids) {
        Set<UUID> all = new HashSet<>(ids);
        for (UUID id : ids) {
            related.forEach(r -> all.addAll(r.relatedTo(id)));
        }
        return all;
    }

    private static Set<UUID> intersect(@Nullable Set<UUID> current, Set<UUID> more) {
        if (current == null) {
            return more;
        }
        Set<UUID> both = new HashSet<>(current);
        both.retainAll(more);
        return both;
    }

    @Override
    public Map<String, String> staffNames() {
        Map<String, String> all = new HashMap<>();
        names.forEach(n -> all.putAll(n.staffByUsername()));
        return all;
    }

    @Override
    public Map<UUID, String> staffNamesByAccountId() {
        Map<UUID, String> all = new HashMap<>();
        names.forEach(n -> all.putAll(n.staffByAccountId()));
        return all;
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

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static @Nullable String truncateNullable(@Nullable String text, int max) {
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
