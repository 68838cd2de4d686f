package org.marugoto.casework.domain;

import static org.marugoto.shared.text.Texts.blankToNull;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.casework.CaseCommands;
import org.marugoto.casework.CaseStatus;
import org.marugoto.casework.CaseView;
import org.marugoto.shared.Actor;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closure (終結) and reopening. Closing evaluates every goal of the plan in force and names who keeps an eye on the
 * household afterwards; nothing of the case is deleted. A closed case is reopened when the person comes back: it
 * goes back to assessment with all its history, and a new plan version starts from the last one.
 */
@Service
public class ClosureService {

    private final CaseService cases;
    private final CaseStore store;
    private final PlanStore plans;
    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AuditApi audit;
    private final Clock clock;

    ClosureService(
            CaseService cases,
            CaseStore store,
            PlanStore plans,
            JdbcClient jdbc,
            Tenancy tenancy,
            AuditApi audit,
            Clock clock) {
        this.cases = cases;
        this.store = store;
        this.plans = plans;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.audit = audit;
        this.clock = clock;
    }

    /** 終結: closes the case with an evaluation of every goal of the plan in force and a follow-up arrangement. */
    @Transactional
    public CaseView close(UUID id, int seenVersion, CaseCommands.Closure closure) {
        Actor actor = CaseStore.actor();
        CaseView current = cases.authorizeWrite(id, "case closure");
        if (current.version() != seenVersion) {
            throw new OptimisticLockingFailureException("case " + id + " changed");
        }
        checkClosure(current, closure);
        plans.current(id).ifPresent(plan -> plans.evaluate(plan, closure.goalEvaluations(), true, actor));
        // the plan in force ends with the case: after a reopening, no old version shows as agreed and in force
        plans.endAtClosure(id, actor);
        int changed = jdbc.sql("""
                        update support_case set status = 'CLOSED', closed_at = :now, closure_outcome = :outcome,
                            closure_evaluation = :evaluation, closure_person_view = :personView,
                            closure_follow_up = :followUp, updated_at = :now, updated_by = :by, version = version + 1
                        where municipality_id = :m and id = :id and version = :version
                        """)
                .param("m", tenancy.municipalityId())
                .param("now", Timestamp.from(clock.instant()))
                .param("outcome", closure.outcome().name())
                .param("evaluation", closure.evaluation().strip())
                .param("personView", blankToNull(closure.personView()))
                .param("followUp", closure.followUp().strip())
                .param("by", actor.username())
                .param("id", id)
                .param("version", seenVersion)
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("case " + id + " changed");
        }
        store.event(
                id,
                "CLOSED",
                current.status(),
                CaseStatus.CLOSED,
                closure.outcome().name(),
                actor);
        audit.record(
                new AuditEntry(AuditAction.UPDATE, CaseStore.CASE, id, "case closure", Map.of("status", "CLOSED")));
        return store.find(id);
    }

    /** An open case, an overall evaluation and someone who keeps an eye on the household afterwards. */
    private static void checkClosure(CaseView current, CaseCommands.Closure closure) {
        if (!current.status().open()) {
            throw new RuleViolation(
                    null, "case.error.transition", current.status().name(), "CLOSED");
        }
        if (closure.evaluation().isBlank()) {
            throw new RuleViolation("evaluation", "case.error.closureEvaluation");
        }
        if (closure.followUp().isBlank()) {
            throw new RuleViolation("followUp", "case.error.followUp");
        }
    }

    /**
     * The person came back: the case reopens with all its history, goes back to assessment, and a new plan version
     * is started from the last one.
     */
    @Transactional
    public CaseView reopen(UUID id, int seenVersion, String reason) {
        Actor actor = CaseStore.actor();
        CaseView current = cases.authorizeWrite(id, "case reopening");
        if (current.status() != CaseStatus.CLOSED) {
            throw new RuleViolation(null, "case.error.notClosed");
        }
        if (reason.isBlank()) {
            throw new RuleViolation("reason", "case.error.reopenReason");
        }
        store.requireNoOpenCase(current.householdId());
        int changed = jdbc.sql("""
                        update support_case set status = 'ASSESSMENT', closed_at = null, closure_outcome = null,
                            closure_evaluation = null, closure_person_view = null, closure_follow_up = null,
                            reopen_count = reopen_count + 1, updated_at = :now, updated_by = :by,
                            version = version + 1
                        where municipality_id = :m and id = :id and version = :version
                        """)
                .param("m", tenancy.municipalityId())
                .param("now", Timestamp.from(clock.instant()))
                .param("by", actor.username())
                .param("id", id)
                .param("version", seenVersion)
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("case " + id + " changed");
        }
        store.event(id, "REOPENED", CaseStatus.CLOSED, CaseStatus.ASSESSMENT, reason.strip(), actor);
        plans.startFromLatest(id, actor);
        audit.record(new AuditEntry(
                AuditAction.UPDATE, CaseStore.CASE, id, "case reopening", Map.of("status", "ASSESSMENT")));
        return store.find(id);
    }
}
