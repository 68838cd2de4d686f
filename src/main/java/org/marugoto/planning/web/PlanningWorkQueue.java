package org.marugoto.planning.web;

import java.util.ArrayList;
import java.util.List;
import org.marugoto.planning.domain.PlanAccess;
import org.marugoto.planning.domain.PlanService;
import org.marugoto.planning.domain.ProgressService;
import org.marugoto.shared.Actor;
import org.marugoto.shared.work.WorkItem;
import org.marugoto.shared.work.WorkLink;
import org.marugoto.shared.work.WorkQueue;
import org.marugoto.shared.work.WorkSection;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The plan on the home page (decision 0022): for a department's members, their measures whose progress of an open
 * year is still to be entered (urgent once the planner has reminded them); for the planner, the open years with the
 * departments that have not entered everything, and the plan's pages.
 */
@Component
class PlanningWorkQueue implements WorkQueue {

    private final PlanAccess access;
    private final ProgressService progress;
    private final PlanService plans;
    private final MessageSource messages;

    PlanningWorkQueue(PlanAccess access, ProgressService progress, PlanService plans, MessageSource messages) {
        this.messages = messages;
        this.access = access;
        this.progress = progress;
        this.plans = plans;
    }

    @Override
    public List<WorkSection> sectionsFor(Actor actor) {
        List<WorkSection> sections = new ArrayList<>();
        if (!access.departmentsOf(actor).isEmpty()) {
            List<WorkItem> items = progress.pendingFor(actor).stream()
                    .map(p -> new WorkItem(
                            p.number() + " " + p.name(),
                            messages.getMessage(
                                    "planning.fiscalYear.label",
                                    new Object[] {p.fiscalYear()},
                                    LocaleContextHolder.getLocale()),
                            "/planning/years/" + p.yearId() + "/measures/" + p.measureId(),
                            null,
                            null,
                            p.reminded(),
                            p.reminded() ? List.of("planning.work.reminded") : List.<String>of()))
                    .toList();
            sections.add(WorkSection.queue(
                    "plan-progress-to-enter",
                    120,
                    "planning.work.toEnter",
                    items,
                    new WorkLink("planning.work.allMine", "/planning/progress"),
                    "planning.work.nothingToEnter"));
        }
        if (PlanAccess.isPlanner(actor)) {
            List<WorkItem> items = new ArrayList<>();
            for (ProgressService.Year year : progress.openYears()) {
                for (ProgressService.DepartmentStatus d : progress.departmentStatus(year.id())) {
                    if (!d.complete()) {
                        items.add(new WorkItem(
                                d.name(),
                                messages.getMessage(
                                        "planning.work.departmentDetail",
                                        new Object[] {year.fiscalYear(), d.entered(), d.measures()},
                                        LocaleContextHolder.getLocale()),
                                "/planning/years/" + year.id() + "#dept-" + d.departmentId(),
                                null,
                                null,
                                false,
                                List.of("planning.work.notEntered")));
                    }
                }
            }
            WorkSection pending = WorkSection.queue(
                    "plan-departments-pending",
                    310,
                    "planning.work.pending",
                    items,
                    plans.current()
                            .map(p -> new WorkLink("planning.work.plan", "/planning/plans/" + p.id()))
                            .orElse(null),
                    "planning.work.nonePending");
            sections.add(pending.withLinks(List.of(
                    new WorkLink("planning.work.plan", "/planning"),
                    new WorkLink("planning.work.public", "/public/plan"))));
        }
        return sections;
    }
}
