package org.marugoto.casework.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.casework.CaseCommands;
import org.marugoto.casework.CaseView;
import org.marugoto.casework.OverdueItem;
import org.marugoto.casework.ProgressKind;
import org.marugoto.casework.ProgressView;
import org.marugoto.shared.Actor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.Japan;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress records (経過記録) — every contact, visit, call and meeting, with whom and what happened — and what is
 * overdue in a set of cases: open plan actions and meeting action items past their date, and plans past their review
 * date. The dashboard and the case page show both.
 */
@Service
public class ProgressService {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final CaseService cases;
    private final AuditApi audit;
    private final Clock clock;

    ProgressService(JdbcClient jdbc, Tenancy tenancy, CaseService cases, AuditApi audit, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    /** Writes a progress record of something that happened (not in the future), about one of the case's persons or none. */
    @Transactional
    public ProgressView addProgress(UUID caseId, CaseCommands.Progress command) {
        Actor actor = CaseStore.actor();
        CaseView view = cases.authorizeWrite(caseId, "progress record");
        if (command.body().isBlank()) {
            throw new RuleViolation("body", "case.error.progressBody");
        }
        if (command.occurredAt().isAfter(clock.instant())) {
            throw new RuleViolation("occurredAt", "case.error.progressFuture");
        }
        if (command.personId() != null && !view.personIds().contains(command.personId())) {
            throw new RuleViolation("personId", "case.error.notMember");
        }
        UUID id = Ids.newId();
        jdbc.sql("""
                        insert into case_progress (municipality_id, id, case_id, occurred_at, kind, person_id, body,
                            agency_id, recorded_at, recorded_by, recorder_name)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(Arrays.asList(
                        tenancy.municipalityId(),
                        id,
                        caseId,
                        Timestamp.from(command.occurredAt()),
                        command.kind().name(),
                        command.personId(),
                        command.body().strip(),
                        actor.agencyId(),
                        Timestamp.from(clock.instant()),
                        actor.username(),
                        actor.displayName()))
                .update();
        audit.record(AuditEntry.of(AuditAction.CREATE, "case_progress", id).withPurpose("progress record"));
        return progress(caseId).stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("case_progress", id));
    }

    /** Progress records of a case, newest first. The caller has checked access to the case. */
    @Transactional(readOnly = true)
    public List<ProgressView> progress(UUID caseId) {
        return jdbc.sql(
                        "select * from case_progress where municipality_id = ? and case_id = ? order by occurred_at desc, id desc")
                .param(tenancy.municipalityId())
                .param(caseId)
                .query((rs, i) -> new ProgressView(
                        rs.getObject("id", UUID.class),
                        rs.getTimestamp("occurred_at").toInstant(),
                        ProgressKind.valueOf(rs.getString("kind")),
                        rs.getObject("person_id", UUID.class),
                        rs.getString("body"),
                        rs.getObject("agency_id", UUID.class),
                        rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("recorder_name")))
                .list();
    }

    /**
     * Overdue plan actions, overdue meeting action items and plans past their review date, in the given cases
     * (which the caller read for the current user), the oldest date first.
     */
    @Transactional(readOnly = true)
    public List<OverdueItem> overdue(List<CaseView> cases) {
        if (cases.isEmpty()) {
            return List.of();
        }
        UUID[] ids = cases.stream().map(CaseView::id).toArray(UUID[]::new);
        LocalDate today = Japan.today(clock);
        List<OverdueItem> items = new ArrayList<>();
        items.addAll(overdue(OVERDUE_ACTIONS, "ACTION", today, ids));
        items.addAll(overdue(OVERDUE_MEETING_ACTIONS, "MEETING_ACTION", today, ids));
        items.addAll(overdue(OVERDUE_REVIEWS, "REVIEW", today, ids));
        items.sort(Comparator.comparing(OverdueItem::dueDate));
        return items;
    }

    /** Runs one of the overdue queries: each selects the case's id and number, a description and a due date. */
    private List<OverdueItem> overdue(String sql, String kind, LocalDate today, UUID[] ids) {
        return jdbc.sql(sql)
                .param("m", tenancy.municipalityId())
                .param("today", today)
                .param("ids", ids)
                .query((rs, i) -> new OverdueItem(
                        rs.getObject("id", UUID.class),
                        rs.getString("case_number"),
                        rs.getString("description"),
                        rs.getDate("due_date").toLocalDate(),
                        kind))
                .list();
    }

    /** Open actions of the plan in force past their date. */
    private static final String OVERDUE_ACTIONS = """
            select c.id, c.case_number, a.description, a.due_date from support_plan_action a
            join support_plan p on p.municipality_id = a.municipality_id and p.id = a.plan_id
            join support_case c on c.municipality_id = p.municipality_id and c.id = p.case_id
            where a.municipality_id = :m and p.status = 'AGREED' and a.done_at is null and a.due_date < :today
              and c.id = any(:ids)
            """;

    /** Open action items of a 重層的支援会議 past their date (those of a 支援会議 stay with its members). */
    private static final String OVERDUE_MEETING_ACTIONS = """
            select c.id, c.case_number, a.description, a.due_date from case_conference_action a
            join support_case c on c.municipality_id = a.municipality_id and c.id = a.case_id
            join case_conference f on f.municipality_id = a.municipality_id and f.id = a.conference_id
            where a.municipality_id = :m and a.done_at is null and a.due_date < :today and c.id = any(:ids) and f.kind = 'JUSHO'
            """;

    /** Plans in force past their review date without an evaluation since; the description is the version number. */
    private static final String OVERDUE_REVIEWS = """
            select c.id, c.case_number, p.version_no::text as description, p.review_date as due_date
            from support_plan p
            join support_case c on c.municipality_id = p.municipality_id and c.id = p.case_id
            where p.municipality_id = :m and p.status = 'AGREED' and p.review_date < :today and c.id = any(:ids)
              and not exists (select 1 from support_goal_evaluation e where e.municipality_id = p.municipality_id and e.plan_id = p.id
                              and e.evaluated_at >= p.review_date)
            """;
}
