package org.marugoto.casework.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.casework.CaseCommands;
import org.marugoto.casework.GoalOutcome;
import org.marugoto.casework.PersonAgreement;
import org.marugoto.casework.PlanStatus;
import org.marugoto.casework.PlanView;
import org.marugoto.shared.Actor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.Japan;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Support plan versions in the database. No access checks here: the services that call it have decided already.
 * A case has at most one draft and at most one agreed plan; agreeing a draft supersedes the plan it replaces.
 */
@Component
class PlanStore {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Clock clock;

    PlanStore(JdbcClient jdbc, Tenancy tenancy, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    List<PlanView> plans(UUID caseId) {
        List<UUID> ids = jdbc.sql(
                        "select id from support_plan where municipality_id = ? and case_id = ? order by version_no desc")
                .param(tenancy.municipalityId())
                .param(caseId)
                .query(UUID.class)
                .list();
        return ids.stream().map(this::plan).toList();
    }

    /** The plan in force, or else the newest draft. */
    Optional<PlanView> current(UUID caseId) {
        return jdbc.sql("""
                        select id from support_plan where municipality_id = ? and case_id = ? and status <> 'SUPERSEDED'
                        order by case status when 'AGREED' then 0 else 1 end limit 1
                        """)
                .param(tenancy.municipalityId())
                .param(caseId)
                .query(UUID.class)
                .optional()
                .map(this::plan);
    }

    Optional<PlanView> draft(UUID caseId) {
        return jdbc.sql("select id from support_plan where municipality_id = ? and case_id = ? and status = 'DRAFT'")
                .param(tenancy.municipalityId())
                .param(caseId)
                .query(UUID.class)
                .optional()
                .map(this::plan);
    }

    /** One plan version with its goals, their actions and evaluations. */
    PlanView plan(UUID planId) {
        PlanView head = jdbc.sql("select * from support_plan where municipality_id = ? and id = ?")
                .params(tenancy.municipalityId(), planId)
                .query((rs, i) -> {
                    String agreement = rs.getString("person_agreement");
                    return new PlanView(
                            planId,
                            rs.getObject("case_id", UUID.class),
                            rs.getInt("version_no"),
                            PlanStatus.valueOf(rs.getString("status")),
                            rs.getString("aim"),
                            rs.getString("participation_needs"),
                            rs.getString("outreach_needs"),
                            rs.getDate("period_from").toLocalDate(),
                            rs.getDate("period_to").toLocalDate(),
                            rs.getDate("review_date").toLocalDate(),
                            CaseStore.instant(rs.getTimestamp("agreed_at")),
                            rs.getObject("agreed_conference_id", UUID.class),
                            agreement == null ? null : PersonAgreement.valueOf(agreement),
                            rs.getString("person_agreement_note"),
                            List.of(),
                            rs.getInt("version"),
                            rs.getObject("person_id", UUID.class),
                            uuids(rs.getArray("outreach_ids")),
                            uuids(rs.getArray("participation_ids")));
                })
                .optional()
                .orElseThrow(() -> new NotFoundException("support_plan", planId));
        return withGoals(head, goals(planId));
    }

    private List<PlanView.Goal> goals(UUID planId) {
        Map<UUID, List<PlanView.Action>> actions = actions(planId);
        Map<UUID, List<PlanView.Evaluation>> evaluations = evaluations(planId);
        return jdbc.sql("select * from support_plan_goal where municipality_id = ? and plan_id = ? order by position")
                .param(tenancy.municipalityId())
                .param(planId)
                .query((rs, i) -> {
                    UUID goalId = rs.getObject("id", UUID.class);
                    return new PlanView.Goal(
                            goalId,
                            rs.getInt("position"),
                            rs.getString("issue"),
                            rs.getString("goal"),
                            rs.getString("person_role"),
                            actions.getOrDefault(goalId, List.of()),
                            evaluations.getOrDefault(goalId, List.of()));
                })
                .list();
    }

    /** The plan's actions by goal, in their order. */
    private Map<UUID, List<PlanView.Action>> actions(UUID planId) {
        Map<UUID, List<PlanView.Action>> actions = new HashMap<>();
        jdbc.sql("select * from support_plan_action where municipality_id = ? and plan_id = ? order by position")
                .param(tenancy.municipalityId())
                .param(planId)
                .query(rs -> {
                    actions.computeIfAbsent(rs.getObject("goal_id", UUID.class), k -> new ArrayList<>())
                            .add(new PlanView.Action(
                                    rs.getObject("id", UUID.class),
                                    rs.getString("description"),
                                    rs.getObject("agency_id", UUID.class),
                                    rs.getObject("account_id", UUID.class),
                                    rs.getDate("due_date").toLocalDate(),
                                    rs.getString("frequency"),
                                    CaseStore.instant(rs.getTimestamp("done_at"))));
                });
        return actions;
    }

    /** The plan's goal evaluations by goal, oldest first. */
    private Map<UUID, List<PlanView.Evaluation>> evaluations(UUID planId) {
        Map<UUID, List<PlanView.Evaluation>> evaluations = new HashMap<>();
        jdbc.sql(
                        "select * from support_goal_evaluation where municipality_id = ? and plan_id = ? order by evaluated_at, id")
                .param(tenancy.municipalityId())
                .param(planId)
                .query(rs -> {
                    evaluations
                            .computeIfAbsent(rs.getObject("goal_id", UUID.class), k -> new ArrayList<>())
                            .add(new PlanView.Evaluation(
                                    GoalOutcome.valueOf(rs.getString("outcome")),
                                    rs.getString("note"),
                                    rs.getBoolean("at_closure"),
                                    rs.getTimestamp("evaluated_at").toInstant()));
                });
        return evaluations;
    }

    private static PlanView withGoals(PlanView head, List<PlanView.Goal> goals) {
        return new PlanView(
                head.id(),
                head.caseId(),
                head.versionNo(),
                head.status(),
                head.aim(),
                head.participationNeeds(),
                head.outreachNeeds(),
                head.periodFrom(),
                head.periodTo(),
                head.reviewDate(),
                head.agreedAt(),
                head.agreedConferenceId(),
                head.personAgreement(),
                head.personAgreementNote(),
                goals,
                head.version(),
                head.personId(),
                head.outreachIds(),
                head.participationIds());
    }

    private static List<UUID> uuids(java.sql.@Nullable Array array) throws java.sql.SQLException {
        return array == null ? List.of() : List.of((UUID[]) array.getArray());
    }

    /** Writes the case's draft: a new version, or the contents of the existing draft replaced. */
    UUID saveDraft(
            UUID caseId,
            @Nullable Integer seenDraftVersion,
            CaseCommands.Plan plan,
            @Nullable UUID personId,
            Actor actor) {
        Timestamp now = Timestamp.from(clock.instant());
        Optional<PlanView> existing = draft(caseId);
        UUID planId;
        if (existing.isPresent()) {
            planId = existing.get().id();
            replaceDraft(planId, seenDraftVersion, plan, personId, actor, now);
        } else {
            planId = insertDraft(caseId, plan, personId, actor, now);
        }
        insertGoals(planId, plan.goals());
        jdbc.sql("""
                        update support_plan set outreach_ids = ?, participation_ids = ?
                        where municipality_id = ? and id = ?
                        """)
                .params(
                        plan.outreachIds().stream().distinct().toArray(UUID[]::new),
                        plan.participationIds().stream().distinct().toArray(UUID[]::new),
                        tenancy.municipalityId(),
                        planId)
                .update();
        return planId;
    }

    /** The draft's head updated if nobody saved it since {@code seenDraftVersion}, its goals and actions removed. */
    private void replaceDraft(
            UUID planId,
            @Nullable Integer seenDraftVersion,
            CaseCommands.Plan plan,
            @Nullable UUID personId,
            Actor actor,
            Timestamp now) {
        int changed = jdbc.sql("""
                        update support_plan set aim = :aim, participation_needs = :participation,
                            outreach_needs = :outreach, period_from = :from, period_to = :to, review_date = :review,
                            person_id = :person, updated_at = :now, updated_by = :by, version = version + 1
                        where municipality_id = :m and id = :id and version = :version
                        """)
                .param("m", tenancy.municipalityId())
                .param("aim", plan.aim().strip())
                .param("participation", plan.participationNeeds())
                .param("outreach", plan.outreachNeeds())
                .param("from", plan.periodFrom())
                .param("to", plan.periodTo())
                .param("review", plan.reviewDate())
                .param("person", personId)
                .param("now", now)
                .param("by", actor.username())
                .param("id", planId)
                .param("version", seenDraftVersion == null ? -1 : seenDraftVersion)
                .update();
        if (changed == 0) {
            throw new org.springframework.dao.OptimisticLockingFailureException("plan " + planId + " changed");
        }
        jdbc.sql("delete from support_plan_action where municipality_id = ? and plan_id = ?")
                .param(tenancy.municipalityId())
                .param(planId)
                .update();
        jdbc.sql("delete from support_plan_goal where municipality_id = ? and plan_id = ?")
                .param(tenancy.municipalityId())
                .param(planId)
                .update();
    }

    /** A new draft: the case's next plan version number. */
    private UUID insertDraft(UUID caseId, CaseCommands.Plan plan, @Nullable UUID personId, Actor actor, Timestamp now) {
        UUID planId = Ids.newId();
        int versionNo = jdbc.sql(
                        "select coalesce(max(version_no), 0) + 1 from support_plan where municipality_id = ? and case_id = ?")
                .param(tenancy.municipalityId())
                .param(caseId)
                .query(Integer.class)
                .single();
        jdbc.sql("""
                        insert into support_plan (municipality_id, id, case_id, version_no, status, aim,
                            participation_needs, outreach_needs, period_from, period_to, review_date, person_id,
                            created_at, created_by, updated_at, updated_by, version)
                        values (:m, :id, :case, :no, 'DRAFT', :aim, :participation, :outreach, :from, :to,
                            :review, :person, :now, :by, :now, :by, 0)
                        """)
                .param("m", tenancy.municipalityId())
                .param("id", planId)
                .param("case", caseId)
                .param("no", versionNo)
                .param("aim", plan.aim().strip())
                .param("participation", plan.participationNeeds())
                .param("outreach", plan.outreachNeeds())
                .param("from", plan.periodFrom())
                .param("to", plan.periodTo())
                .param("review", plan.reviewDate())
                .param("person", personId)
                .param("now", now)
                .param("by", actor.username())
                .update();
        return planId;
    }

    /** The goals and their actions, in the order given. */
    private void insertGoals(UUID planId, List<CaseCommands.Goal> goals) {
        int goalPosition = 0;
        for (CaseCommands.Goal goal : goals) {
            UUID goalId = Ids.newId();
            jdbc.sql("""
                            insert into support_plan_goal (municipality_id, id, plan_id, position, issue, goal,
                                person_role)
                            values (?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(Arrays.asList(
                            tenancy.municipalityId(),
                            goalId,
                            planId,
                            goalPosition++,
                            goal.issue().strip(),
                            goal.goal().strip(),
                            goal.personRole()))
                    .update();
            insertActions(planId, goalId, goal.actions());
        }
    }

    private void insertActions(UUID planId, UUID goalId, List<CaseCommands.Action> actions) {
        int actionPosition = 0;
        for (CaseCommands.Action action : actions) {
            jdbc.sql("""
                            insert into support_plan_action (municipality_id, id, plan_id, goal_id, position,
                                description, agency_id, account_id, due_date, frequency)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(Arrays.asList(
                            tenancy.municipalityId(),
                            Ids.newId(),
                            planId,
                            goalId,
                            actionPosition++,
                            action.description().strip(),
                            action.agencyId(),
                            action.accountId(),
                            action.dueDate(),
                            action.frequency()))
                    .update();
        }
    }

    /** The draft becomes the plan in force; the one it replaces is kept as superseded. */
    void agree(PlanView draft, UUID conferenceId, PersonAgreement agreement, @Nullable String note, Actor actor) {
        if (draft.status() != PlanStatus.DRAFT) {
            throw new RuleViolation(null, "case.error.planNotDraft");
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        update support_plan set status = 'SUPERSEDED', updated_at = ?, updated_by = ?,
                            version = version + 1
                        where municipality_id = ? and case_id = ? and status = 'AGREED'
                        """)
                .params(now, actor.username(), tenancy.municipalityId(), draft.caseId())
                .update();
        jdbc.sql("""
                        update support_plan set status = 'AGREED', agreed_at = ?, agreed_conference_id = ?,
                            person_agreement = ?, person_agreement_note = ?, updated_at = ?, updated_by = ?,
                            version = version + 1
                        where municipality_id = ? and id = ?
                        """)
                .params(Arrays.asList(
                        now,
                        conferenceId,
                        agreement.name(),
                        note,
                        now,
                        actor.username(),
                        tenancy.municipalityId(),
                        draft.id()))
                .update();
    }

    /** At closure: the plan in force ends with the case (it is no longer carried out, even after a reopening). */
    void endAtClosure(UUID caseId, Actor actor) {
        jdbc.sql("""
                        update support_plan set status = 'ENDED', updated_at = ?, updated_by = ?, version = version + 1
                        where municipality_id = ? and case_id = ? and status = 'AGREED'
                        """)
                .params(Timestamp.from(clock.instant()), actor.username(), tenancy.municipalityId(), caseId)
                .update();
    }

    /** Records one evaluation for each goal given; goals must belong to the plan. */
    void evaluate(PlanView plan, Map<UUID, CaseCommands.Evaluation> evaluations, boolean atClosure, Actor actor) {
        Timestamp now = Timestamp.from(clock.instant());
        for (var entry : evaluations.entrySet()) {
            if (plan.goals().stream().noneMatch(g -> g.id().equals(entry.getKey()))) {
                throw new RuleViolation(null, "case.error.goal");
            }
            jdbc.sql("""
                            insert into support_goal_evaluation (municipality_id, id, goal_id, plan_id, outcome, note,
                                at_closure, evaluated_at, evaluated_by)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(Arrays.asList(
                            tenancy.municipalityId(),
                            Ids.newId(),
                            entry.getKey(),
                            plan.id(),
                            entry.getValue().outcome().name(),
                            entry.getValue().note(),
                            atClosure,
                            now,
                            actor.username()))
                    .update();
        }
    }

    /** After reopening: a new draft from the last plan's goals and actions, dated from today. */
    void startFromLatest(UUID caseId, Actor actor) {
        if (draft(caseId).isPresent()) {
            return;
        }
        Optional<PlanView> latest = plans(caseId).stream().findFirst();
        if (latest.isEmpty()) {
            return;
        }
        PlanView last = latest.get();
        LocalDate today = Japan.today(clock);
        List<CaseCommands.Goal> goals = last.goals().stream()
                .map(g -> new CaseCommands.Goal(
                        g.issue(),
                        g.goal(),
                        g.personRole(),
                        g.actions().stream()
                                .map(a -> new CaseCommands.Action(
                                        a.description(),
                                        a.agencyId(),
                                        a.accountId(),
                                        today.plusMonths(1),
                                        a.frequency()))
                                .toList()))
                .toList();
        saveDraft(
                caseId,
                null,
                new CaseCommands.Plan(
                        last.aim(),
                        last.participationNeeds(),
                        last.outreachNeeds(),
                        today,
                        today.plusMonths(6),
                        today.plusMonths(3),
                        goals,
                        last.personId(),
                        last.outreachIds(),
                        last.participationIds()),
                last.personId(),
                actor);
    }

    void markDone(UUID actionId, Actor actor) {
        jdbc.sql(
                        "update support_plan_action set done_at = ?, done_by = ? where municipality_id = ? and id = ? and done_at is null")
                .params(Timestamp.from(clock.instant()), actor.username(), tenancy.municipalityId(), actionId)
                .update();
    }

    UUID caseOfAction(UUID actionId) {
        return jdbc.sql("""
                        select p.case_id from support_plan_action a join support_plan p on p.municipality_id = a.municipality_id and p.id = a.plan_id
                        where a.municipality_id = ? and a.id = ?
                        """)
                .params(tenancy.municipalityId(), actionId)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("support_plan_action", actionId));
    }
}
