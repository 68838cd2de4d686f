package org.marugoto.casework.domain;

import static org.marugoto.shared.text.Texts.blankToNull;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.casework.AssessmentDomain;
import org.marugoto.casework.AssessmentView;
import org.marugoto.casework.CaseCommands;
import org.marugoto.casework.CaseView;
import org.marugoto.casework.PlanStatus;
import org.marugoto.casework.PlanView;
import org.marugoto.casework.ProgressKind;
import org.marugoto.casework.ProgressView;
import org.marugoto.directory.DirectoryApi;
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
 * The content of a case: assessment versions, support plan versions with their goal evaluations, and progress
 * records. Every read and write is checked against the case team by {@link CaseService} and audited.
 */
@Service
public class CaseRecords {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final CaseService cases;
    private final PlanStore plans;
    private final DirectoryApi directory;
    private final AuditApi audit;
    private final Clock clock;

    CaseRecords(
            JdbcClient jdbc,
            Tenancy tenancy,
            CaseService cases,
            PlanStore plans,
            DirectoryApi directory,
            AuditApi audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.cases = cases;
        this.plans = plans;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- assessment ----------------------------------------------------------------------------------------------

    /** Records a new assessment version; earlier versions stay as they were. */
    @Transactional
    public AssessmentView recordAssessment(UUID caseId, CaseCommands.Assessment command) {
        Actor actor = CaseService.actor();
        CaseView view = cases.authorizeWrite(caseId, "assessment");
        if (!view.status().open()) {
            throw new RuleViolation(null, "case.error.closed");
        }
        List<AssessmentView.Entry> entries =
                command.entries().stream().filter(e -> !e.situation().isBlank()).toList();
        boolean anything = !entries.isEmpty()
                || blankToNull(command.summary()) != null
                || blankToNull(command.wishes()) != null
                || blankToNull(command.strengths()) != null;
        if (!anything) {
            throw new RuleViolation(null, "case.error.emptyAssessment");
        }
        for (AssessmentView.Entry entry : entries) {
            if (!view.personIds().contains(entry.personId())) {
                throw new RuleViolation(null, "case.error.notMember");
            }
        }
        UUID id = Ids.newId();
        int versionNo = jdbc.sql("select coalesce(max(version_no), 0) + 1 from case_assessment where case_id = ?")
                .param(caseId)
                .query(Integer.class)
                .single();
        jdbc.sql("""
                        insert into case_assessment (municipality_id, id, case_id, version_no, summary, strengths,
                            wishes, risks, unvoiced, recorded_at, recorded_by, recorder_name)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        tenancy.municipalityId(),
                        id,
                        caseId,
                        versionNo,
                        blankToNull(command.summary()),
                        blankToNull(command.strengths()),
                        blankToNull(command.wishes()),
                        blankToNull(command.risks()),
                        blankToNull(command.unvoiced()),
                        Timestamp.from(clock.instant()),
                        actor.username(),
                        actor.displayName())
                .update();
        for (AssessmentView.Entry entry : entries) {
            jdbc.sql("""
                            insert into case_assessment_entry (municipality_id, assessment_id, person_id, domain,
                                situation)
                            values (?, ?, ?, ?, ?)
                            """)
                    .params(
                            tenancy.municipalityId(),
                            id,
                            entry.personId(),
                            entry.domain().name(),
                            entry.situation().strip())
                    .update();
        }
        audit.record(AuditEntry.of(AuditAction.CREATE, "case_assessment", id).withPurpose("assessment"));
        return assessments(caseId).getFirst();
    }

    /** All assessment versions of a case, newest first. The caller has checked access to the case. */
    @Transactional(readOnly = true)
    public List<AssessmentView> assessments(UUID caseId) {
        Map<UUID, List<AssessmentView.Entry>> entries = new HashMap<>();
        jdbc.sql("""
                        select e.* from case_assessment_entry e join case_assessment a on a.id = e.assessment_id
                        where a.case_id = ?
                        """)
                .param(caseId)
                .query((rs, i) -> entries.computeIfAbsent(
                                rs.getObject("assessment_id", UUID.class), k -> new ArrayList<>())
                        .add(new AssessmentView.Entry(
                                rs.getObject("person_id", UUID.class),
                                AssessmentDomain.valueOf(rs.getString("domain")),
                                rs.getString("situation"))))
                .list();
        return jdbc.sql("select * from case_assessment where case_id = ? order by version_no desc")
                .param(caseId)
                .query((rs, i) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new AssessmentView(
                            id,
                            rs.getInt("version_no"),
                            rs.getString("summary"),
                            rs.getString("strengths"),
                            rs.getString("wishes"),
                            rs.getString("risks"),
                            rs.getString("unvoiced"),
                            rs.getTimestamp("recorded_at").toInstant(),
                            rs.getString("recorder_name"),
                            entries.getOrDefault(id, List.of()));
                })
                .list();
    }

    // ---- plans -----------------------------------------------------------------------------------------------------

    /**
     * Saves the case's draft plan (a new version when there is none). {@code seenDraftVersion} is the version of the
     * draft the user edited, null when they started a new one.
     */
    @Transactional
    public PlanView saveDraft(UUID caseId, @Nullable Integer seenDraftVersion, CaseCommands.Plan plan) {
        Actor actor = CaseService.actor();
        CaseView view = cases.authorizeWrite(caseId, "support plan");
        if (!view.status().open()) {
            throw new RuleViolation(null, "case.error.closed");
        }
        validate(plan);
        // the plan's 本人: one of the case's persons, by default its first
        UUID personId = plan.personId() == null ? view.personIds().getFirst() : plan.personId();
        if (!view.personIds().contains(personId)) {
            throw new RuleViolation("personId", "case.error.planPerson");
        }
        Optional<PlanView> draft = plans.draft(caseId);
        if (draft.isPresent() && seenDraftVersion == null) {
            throw new org.springframework.dao.OptimisticLockingFailureException("a draft exists already");
        }
        UUID id = plans.saveDraft(caseId, seenDraftVersion, plan, personId, actor);
        audit.record(AuditEntry.of(draft.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE, "support_plan", id)
                .withPurpose("support plan"));
        return plans.plan(id);
    }

    private void validate(CaseCommands.Plan plan) {
        if (plan.aim().isBlank()) {
            throw new RuleViolation("aim", "case.error.aim");
        }
        if (plan.periodTo().isBefore(plan.periodFrom())) {
            throw new RuleViolation("periodTo", "case.error.period");
        }
        if (plan.reviewDate().isBefore(plan.periodFrom()) || plan.reviewDate().isAfter(plan.periodTo())) {
            throw new RuleViolation("reviewDate", "case.error.reviewDate");
        }
        if (plan.goals().isEmpty()) {
            throw new RuleViolation(null, "case.error.noGoal");
        }
        Set<UUID> agencies = new HashSet<>();
        directory.agencies().forEach(a -> agencies.add(a.id()));
        for (CaseCommands.Goal goal : plan.goals()) {
            if (goal.goal().isBlank() || goal.issue().isBlank()) {
                throw new RuleViolation(null, "case.error.goalText");
            }
            for (CaseCommands.Action action : goal.actions()) {
                if (action.description().isBlank()) {
                    throw new RuleViolation(null, "case.error.actionText");
                }
                if (!agencies.contains(action.agencyId())) {
                    throw new RuleViolation(null, "case.error.actionAgency");
                }
            }
        }
    }

    /** Every plan version of a case, newest first. The caller has checked access to the case. */
    @Transactional(readOnly = true)
    public List<PlanView> plans(UUID caseId) {
        return plans.plans(caseId);
    }

    @Transactional(readOnly = true)
    public Optional<PlanView> currentPlan(UUID caseId) {
        return plans.current(caseId);
    }

    @Transactional(readOnly = true)
    public Optional<PlanView> draft(UUID caseId) {
        return plans.draft(caseId);
    }

    /** One plan version, after checking and auditing that the current user may read (or print) its case. */
    @Transactional
    public PlanView plan(UUID planId, boolean export) {
        PlanView plan = plans.plan(planId);
        if (export) {
            cases.authorizeExport(plan.caseId(), "support plan print");
        } else {
            cases.get(plan.caseId());
        }
        return plan;
    }

    /** A review between meetings: one evaluation per goal of the plan in force. */
    @Transactional
    public PlanView review(UUID planId, Map<UUID, CaseCommands.Evaluation> evaluations) {
        Actor actor = CaseService.actor();
        PlanView plan = plans.plan(planId);
        cases.authorizeWrite(plan.caseId(), "plan review");
        if (plan.status() != PlanStatus.AGREED) {
            throw new RuleViolation(null, "case.error.reviewNotAgreed");
        }
        if (evaluations.isEmpty()) {
            throw new RuleViolation(null, "case.error.noEvaluation");
        }
        plans.evaluate(plan, evaluations, false, actor);
        audit.record(AuditEntry.of(AuditAction.UPDATE, "support_plan", planId).withPurpose("plan review"));
        return plans.plan(planId);
    }

    @Transactional
    public UUID markActionDone(UUID actionId) {
        Actor actor = CaseService.actor();
        UUID caseId = plans.caseOfAction(actionId);
        cases.authorizeWrite(caseId, "plan action");
        plans.markDone(actionId, actor);
        return caseId;
    }

    // ---- progress records ----------------------------------------------------------------------------------------

    @Transactional
    public ProgressView addProgress(UUID caseId, CaseCommands.Progress command) {
        Actor actor = CaseService.actor();
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
                .params(
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
                        actor.displayName())
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
        return jdbc.sql("select * from case_progress where case_id = ? order by occurred_at desc, id desc")
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

    // ---- monitoring ------------------------------------------------------------------------------------------------

    /** An open action of a plan in force or of a meeting, past its date. */
    public record OverdueItem(UUID caseId, String caseNumber, String description, LocalDate dueDate, String kind) {}

    /**
     * Overdue plan actions, overdue meeting action items and plans past their review date, in the given cases
     * (which the caller read for the current user).
     */
    @Transactional(readOnly = true)
    public List<OverdueItem> overdue(List<CaseView> cases) {
        if (cases.isEmpty()) {
            return List.of();
        }
        UUID[] ids = cases.stream().map(CaseView::id).toArray(UUID[]::new);
        LocalDate today = Japan.today(clock);
        List<OverdueItem> items = new ArrayList<>();
        items.addAll(jdbc.sql("""
                        select c.id, c.case_number, a.description, a.due_date from support_plan_action a
                        join support_plan p on p.id = a.plan_id join support_case c on c.id = p.case_id
                        where p.status = 'AGREED' and a.done_at is null and a.due_date < :today
                          and c.id = any(:ids)
                        """)
                .param("today", today)
                .param("ids", ids)
                .query((rs, i) -> new OverdueItem(
                        rs.getObject("id", UUID.class),
                        rs.getString("case_number"),
                        rs.getString("description"),
                        rs.getDate("due_date").toLocalDate(),
                        "ACTION"))
                .list());
        items.addAll(jdbc.sql("""
                        select c.id, c.case_number, a.description, a.due_date from case_conference_action a
                        join support_case c on c.id = a.case_id
                        join case_conference f on f.id = a.conference_id
                        where a.done_at is null and a.due_date < :today and c.id = any(:ids) and f.kind = 'JUSHO'
                        """)
                .param("today", today)
                .param("ids", ids)
                .query((rs, i) -> new OverdueItem(
                        rs.getObject("id", UUID.class),
                        rs.getString("case_number"),
                        rs.getString("description"),
                        rs.getDate("due_date").toLocalDate(),
                        "MEETING_ACTION"))
                .list());
        items.addAll(jdbc.sql("""
                        select c.id, c.case_number, p.version_no, p.review_date from support_plan p
                        join support_case c on c.id = p.case_id
                        where p.status = 'AGREED' and p.review_date < :today and c.id = any(:ids)
                          and not exists (select 1 from support_goal_evaluation e where e.plan_id = p.id
                                          and e.evaluated_at >= p.review_date)
                        """)
                .param("today", today)
                .param("ids", ids)
                .query((rs, i) -> new OverdueItem(
                        rs.getObject("id", UUID.class),
                        rs.getString("case_number"),
                        String.valueOf(rs.getInt("version_no")),
                        rs.getDate("review_date").toLocalDate(),
                        "REVIEW"))
                .list());
        items.sort(java.util.Comparator.comparing(OverdueItem::dueDate));
        return items;
    }
}
