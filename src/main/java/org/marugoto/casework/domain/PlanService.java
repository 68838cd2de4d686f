package org.marugoto.casework.domain;

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
import org.marugoto.casework.CaseCommands;
import org.marugoto.casework.CaseView;
import org.marugoto.casework.PlanLinkedRecords;
import org.marugoto.casework.PlanStatus;
import org.marugoto.casework.PlanView;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.shared.Actor;
import org.marugoto.shared.RuleViolation;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The support plan (支援プラン): the draft the team writes, the plan versions, reviews between meetings (モニタリング)
 * and actions marked done. A draft becomes the plan in force only at a 重層的支援会議 with the person's answer
 * ({@link ConferenceService#recordMinutes}); every version stays readable. The rows are written by {@link PlanStore}.
 */
@Service
public class PlanService {

    private final CaseService cases;
    private final PlanStore plans;
    private final DirectoryApi directory;
    private final AuditApi audit;
    private final List<PlanLinkedRecords> linked;

    PlanService(
            CaseService cases,
            PlanStore plans,
            DirectoryApi directory,
            AuditApi audit,
            List<PlanLinkedRecords> linked) {
        this.cases = cases;
        this.plans = plans;
        this.directory = directory;
        this.audit = audit;
        this.linked = linked;
    }

    /**
     * Saves the case's draft plan (a new version when there is none). {@code seenDraftVersion} is the version of the
     * draft the user edited, null when they started a new one.
     */
    @Transactional
    public PlanView saveDraft(UUID caseId, @Nullable Integer seenDraftVersion, CaseCommands.Plan plan) {
        Actor actor = CaseStore.actor();
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
            throw new OptimisticLockingFailureException("a draft exists already");
        }
        checkLinks(view.householdId(), PlanLinkedRecords.Kind.OUTREACH, plan.outreachIds(), "outreachIds");
        checkLinks(
                view.householdId(), PlanLinkedRecords.Kind.PARTICIPATION, plan.participationIds(), "participationIds");
        if (plan.participationNeeds() == null && plan.outreachNeeds() == null) {
            // the free text of earlier plans is history: carried forward from the draft or the plan in force
            Optional<PlanView> earlier = draft.isPresent() ? draft : currentPlan(caseId);
            if (earlier.isPresent()) {
                plan = new CaseCommands.Plan(
                        plan.aim(),
                        earlier.get().participationNeeds(),
                        earlier.get().outreachNeeds(),
                        plan.periodFrom(),
                        plan.periodTo(),
                        plan.reviewDate(),
                        plan.goals(),
                        plan.personId(),
                        plan.outreachIds(),
                        plan.participationIds());
            }
        }
        UUID id = plans.saveDraft(caseId, seenDraftVersion, plan, personId, actor);
        audit.record(AuditEntry.of(draft.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE, "support_plan", id)
                .withPurpose("support plan"));
        return plans.plan(id);
    }

    /** A plan links only to records of its household that the user may read. */
    private void checkLinks(UUID householdId, PlanLinkedRecords.Kind kind, List<UUID> ids, String field) {
        if (ids.isEmpty()) {
            return;
        }
        Set<UUID> readable = new HashSet<>();
        linked.stream().filter(l -> l.kind() == kind).forEach(l -> readable.addAll(l.readableOf(householdId)));
        if (!readable.containsAll(ids)) {
            throw new RuleViolation(field, "case.error.planLink");
        }
    }

    /** The plan's own rules: an aim, a period with its review inside, goals with text and actions of known agencies. */
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

    /** The plan in force, or else the newest draft. The caller has checked access to the case. */
    @Transactional(readOnly = true)
    public Optional<PlanView> currentPlan(UUID caseId) {
        return plans.current(caseId);
    }

    /** The case's draft, if there is one. The caller has checked access to the case. */
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
        Actor actor = CaseStore.actor();
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

    /** An action of the plan is done, marked by the team; answers the case. */
    @Transactional
    public UUID markActionDone(UUID actionId) {
        Actor actor = CaseStore.actor();
        UUID caseId = plans.caseOfAction(actionId);
        cases.authorizeWrite(caseId, "plan action");
        plans.markDone(actionId, actor);
        return caseId;
    }
}
