package org.marugoto.casework.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.casework.CaseOrigin;
import org.marugoto.casework.CaseStatus;
import org.marugoto.casework.CaseView;
import org.marugoto.casework.ClosureOutcome;
import org.marugoto.casework.TeamRole;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.Japan;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The case's own rows, shared by the services of the case's activities: reading a case, its team and its history
 * line, the optimistic version of the case, and a few helpers. It decides nothing about access: the public services
 * ({@link CaseService}, {@link CaseTeamService}, {@link ClosureService}, ...) check and audit every request before
 * they use it.
 */
@Component
class CaseStore {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AuditApi audit;
    private final Clock clock;

    CaseStore(JdbcClient jdbc, Tenancy tenancy, AuditApi audit, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.audit = audit;
        this.clock = clock;
    }

    static final String CASE = "support_case";

    CaseView find(UUID id) {
        return jdbc.sql("""
                        select c.*, array(select person_id from support_case_person p
                                          where p.municipality_id = c.municipality_id and p.case_id = c.id) persons
                        from support_case c where c.municipality_id = ? and c.id = ?
                        """)
                .params(tenancy.municipalityId(), id)
                .query((rs, i) -> row(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException(CASE, id));
    }

    Set<UUID> activeAccounts(UUID caseId) {
        return new HashSet<>(jdbc.sql(
                        "select account_id from case_team_member where municipality_id = ? and case_id = ? and left_at is null")
                .param(tenancy.municipalityId())
                .param(caseId)
                .query(UUID.class)
                .list());
    }

    List<CaseView.TeamMember> team(UUID caseId) {
        return jdbc.sql("""
                        select * from case_team_member
                        where municipality_id = ? and case_id = ? order by left_at nulls first, role, joined_at
                        """)
                .param(tenancy.municipalityId())
                .param(caseId)
                .query((rs, i) -> new CaseView.TeamMember(
                        rs.getObject("id", UUID.class),
                        rs.getObject("account_id", UUID.class),
                        rs.getString("member_name"),
                        rs.getObject("agency_id", UUID.class),
                        TeamRole.valueOf(rs.getString("role")),
                        rs.getTimestamp("joined_at").toInstant(),
                        rs.getString("joined_by"),
                        instant(rs.getTimestamp("left_at")),
                        rs.getString("left_by"),
                        rs.getString("left_reason"),
                        rs.getInt("version")))
                .list();
    }

    UUID insertMember(
            UUID caseId, UUID accountId, String name, UUID agencyId, TeamRole role, Actor actor, Timestamp now) {
        UUID id = Ids.newId();
        jdbc.sql("""
                        insert into case_team_member (municipality_id, id, case_id, account_id, member_name, agency_id,
                            role, joined_at, joined_by, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                        """)
                .params(
                        tenancy.municipalityId(),
                        id,
                        caseId,
                        accountId,
                        name,
                        agencyId,
                        role.name(),
                        now,
                        actor.username())
                .update();
        return id;
    }

    void setStatus(CaseView current, CaseStatus to, String kind, @Nullable String note, Actor actor) {
        int changed = jdbc.sql("""
                        update support_case set status = :to, updated_at = :now, updated_by = :by,
                            version = version + 1
                        where municipality_id = :m and id = :id and version = :version
                        """)
                .param("m", tenancy.municipalityId())
                .param("to", to.name())
                .param("now", Timestamp.from(clock.instant()))
                .param("by", actor.username())
                .param("id", current.id())
                .param("version", current.version())
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("case " + current.id() + " changed");
        }
        event(current.id(), kind, current.status(), to, note, actor);
        audit.record(
                new AuditEntry(AuditAction.UPDATE, CASE, current.id(), "case status", Map.of("status", to.name())));
    }

    /** Refuses a second open case for a household: it has one case at a time, reopened when the person comes back. */
    void requireNoOpenCase(UUID householdId) {
        jdbc.sql("select case_number from support_case where municipality_id = ? and household_id = ? "
                        + "and status <> 'CLOSED'")
                .params(tenancy.municipalityId(), householdId)
                .query(String.class)
                .optional()
                .ifPresent(number -> {
                    throw new RuleViolation(null, "case.error.alreadyOpen", number);
                });
    }

    /** Someone changed the case: the team, or its content as a whole. Stale case-page forms are refused after it. */
    void bumpVersion(UUID caseId, Actor actor) {
        jdbc.sql(
                        "update support_case set version = version + 1, updated_at = ?, updated_by = ? where municipality_id = ? and id = ?")
                .params(Timestamp.from(clock.instant()), actor.username(), tenancy.municipalityId(), caseId)
                .update();
    }

    /** One line of the case's history (support_case_event). */
    void event(
            UUID caseId,
            String kind,
            @Nullable CaseStatus from,
            @Nullable CaseStatus to,
            @Nullable String note,
            Actor actor) {
        jdbc.sql("""
                        insert into support_case_event (municipality_id, id, case_id, kind, from_status, to_status,
                            note, at, actor_username, actor_name)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(Arrays.asList(
                        tenancy.municipalityId(),
                        Ids.newId(),
                        caseId,
                        kind,
                        from == null ? null : from.name(),
                        to == null ? null : to.name(),
                        note,
                        Timestamp.from(clock.instant()),
                        actor.username(),
                        actor.displayName()))
                .update();
    }

    /** The signed-in user; every service method of the case is called by one. */
    static Actor actor() {
        return CurrentActor.get().orElseThrow(() -> new AccessDeniedException("not authenticated"));
    }

    LocalDate today() {
        return Japan.today(clock);
    }

    static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static @Nullable CaseStatus status(@Nullable String value) {
        return value == null ? null : CaseStatus.valueOf(value);
    }

    /** A case from its row, selected with the {@code persons} array of the case's persons. */
    static CaseView row(ResultSet rs) throws SQLException {
        String outcome = rs.getString("closure_outcome");
        java.sql.Date consentDate = rs.getDate("consent_date");
        return new CaseView(
                rs.getObject("id", UUID.class),
                rs.getString("case_number"),
                rs.getObject("household_id", UUID.class),
                CaseOrigin.valueOf(rs.getString("origin")),
                rs.getObject("origin_id", UUID.class),
                CaseStatus.valueOf(rs.getString("status")),
                rs.getObject("lead_account_id", UUID.class),
                rs.getObject("lead_agency_id", UUID.class),
                rs.getString("summary"),
                strings(rs.getArray("issue_codes")),
                ConsentStatus.valueOf(rs.getString("consent_status")),
                consentDate == null ? null : consentDate.toLocalDate(),
                rs.getString("consent_scope"),
                rs.getTimestamp("opened_at").toInstant(),
                instant(rs.getTimestamp("closed_at")),
                outcome == null ? null : ClosureOutcome.valueOf(outcome),
                rs.getString("closure_evaluation"),
                rs.getString("closure_person_view"),
                rs.getString("closure_follow_up"),
                rs.getInt("reopen_count"),
                uuids(rs.getArray("persons")),
                rs.getInt("version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        List<UUID> list = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            list.add((UUID) o);
        }
        return list;
    }
}
