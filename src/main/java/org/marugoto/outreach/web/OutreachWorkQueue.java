package org.marugoto.outreach.web;

import java.util.List;
import java.util.Set;
import org.marugoto.outreach.OutreachQueries;
import org.marugoto.shared.Actor;
import org.marugoto.shared.work.WorkItem;
import org.marugoto.shared.work.WorkLink;
import org.marugoto.shared.work.WorkQueue;
import org.marugoto.shared.work.WorkSection;
import org.springframework.stereotype.Component;

/**
 * Outreach's part of the home page: the next contacts that passed without an attempt — the lead's own records, and
 * for a coordinator every overdue record of the municipality (as tracking data when they may not read it, linked to
 * the list rather than to the record).
 */
@Component
class OutreachWorkQueue implements WorkQueue {

    private static final Set<String> PROFESSIONALS = Set.of("CASEWORKER", "AGENCY_SUPERVISOR", "MUNICIPAL_COORDINATOR");

    private final OutreachQueries outreach;

    OutreachWorkQueue(OutreachQueries outreach) {
        this.outreach = outreach;
    }

    @Override
    public List<WorkSection> sectionsFor(Actor actor) {
        if (actor.roleNames().stream().noneMatch(PROFESSIONALS::contains)) {
            return List.of();
        }
        List<WorkItem> overdue = outreach.overdueFor(actor).stream()
                .map(o -> new WorkItem(
                        o.householdName() == null ? o.recordNumber() : o.recordNumber() + " " + o.householdName(),
                        o.leadName(),
                        o.householdName() == null ? "/outreach" : "/outreach/" + o.id(),
                        o.nextContactOn(),
                        null,
                        true,
                        List.of()))
                .toList();
        return List.of(WorkSection.queue(
                "outreach-overdue",
                120,
                "home.work.outreach",
                overdue,
                new WorkLink("home.work.outreach.all", "/outreach"),
                "home.work.outreach.none"));
    }
}
