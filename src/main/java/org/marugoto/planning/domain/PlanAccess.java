package org.marugoto.planning.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with the plan (decision 0028): the planner (PLANNER) keeps the plan and runs the yearly cycle; a
 * department's members (staff accounts listed in {@code plan_department_member}, whatever their role) see and enter
 * the progress of the measures their department answers for, and the values of its entered indicators; nobody else
 * sees the progress before it is published on the public pages. The plan itself holds no personal data.
 */
@Component
public class PlanAccess {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    PlanAccess(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    public static boolean isPlanner(Actor actor) {
        return actor.roleNames().contains("PLANNER");
    }

    public Actor actor() {
        return CurrentActor.get().orElseThrow(() -> new AccessDeniedException("planning"));
    }

    /** The departments the actor is a member of. */
    public Set<UUID> departmentsOf(Actor actor) {
        return Set.copyOf(jdbc.sql("""
                        select department_id from plan_department_member
                        where municipality_id = :m and account_id = :a""")
                .param("m", tenancy.municipalityId())
                .param("a", actor.accountId())
                .query(UUID.class)
                .list());
    }

    /** The planner, or a member of a department: may open the planning pages at all. */
    public Actor requireAnyPlanningUser() {
        Actor actor = actor();
        if (!isPlanner(actor) && departmentsOf(actor).isEmpty()) {
            throw new AccessDeniedException("planning");
        }
        return actor;
    }

    public Actor requirePlanner() {
        Actor actor = actor();
        if (!isPlanner(actor)) {
            throw new AccessDeniedException("planning");
        }
        return actor;
    }

    /** The planner, or a member of one of the measure's responsible departments. */
    public Actor requireMeasureEditor(UUID measureId) {
        Actor actor = actor();
        if (isPlanner(actor)) {
            return actor;
        }
        List<UUID> mine = jdbc.sql("""
                        select md.department_id from plan_measure_department md
                        join plan_department_member dm on dm.municipality_id = md.municipality_id
                            and dm.department_id = md.department_id
                        where md.municipality_id = :m and md.measure_id = :measure and dm.account_id = :a""")
                .param("m", tenancy.municipalityId())
                .param("measure", measureId)
                .param("a", actor.accountId())
                .query(UUID.class)
                .list();
        if (mine.isEmpty()) {
            throw new AccessDeniedException("planning measure");
        }
        return actor;
    }

    /** The planner, or a member of the indicator's department. */
    public Actor requireIndicatorEditor(@org.jspecify.annotations.Nullable UUID departmentId) {
        Actor actor = actor();
        if (isPlanner(actor) || (departmentId != null && departmentsOf(actor).contains(departmentId))) {
            return actor;
        }
        throw new AccessDeniedException("planning indicator");
    }
}
