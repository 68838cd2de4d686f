package org.marugoto.watch.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.marugoto.shared.Actor;
import org.marugoto.shared.work.WorkItem;
import org.marugoto.shared.work.WorkLink;
import org.marugoto.shared.work.WorkQueue;
import org.marugoto.shared.work.WorkSection;
import org.marugoto.watch.ConcernStatus;
import org.marugoto.watch.ConcernUrgency;
import org.marugoto.watch.domain.ConcernService;
import org.marugoto.watch.domain.WatchService;
import org.springframework.stereotype.Component;

/**
 * The watch network's part of the home page: for professionals the new concerns sent to their agency; for a
 * volunteer (who also holds a professional role: a volunteer alone has /volunteer as home) the households they watch
 * and the concern form.
 */
@Component
class WatchWorkQueue implements WorkQueue {

    static final Set<String> PROFESSIONALS = Set.of("CASEWORKER", "AGENCY_SUPERVISOR", "MUNICIPAL_COORDINATOR");

    private final ConcernService concerns;
    private final WatchService watches;

    WatchWorkQueue(ConcernService concerns, WatchService watches) {
        this.concerns = concerns;
        this.watches = watches;
    }

    @Override
    public List<WorkSection> sectionsFor(Actor actor) {
        List<WorkSection> sections = new ArrayList<>();
        if (actor.roleNames().stream().anyMatch(PROFESSIONALS::contains)) {
            sections.add(WorkSection.queue(
                    "new-concerns",
                    30,
                    "home.work.concerns",
                    concerns.inbox().stream()
                            .filter(c -> c.status() == ConcernStatus.NEW)
                            .map(c -> new WorkItem(
                                    c.aboutWho(),
                                    c.raisedByName(),
                                    "/concerns/" + c.id(),
                                    null,
                                    c.raisedAt(),
                                    c.urgency() == ConcernUrgency.URGENT,
                                    List.of("concern.urgency." + c.urgency())))
                            .toList(),
                    new WorkLink("home.work.concerns.all", "/concerns"),
                    "home.work.concerns.none"));
        }
        if (actor.roleNames().contains("VOLUNTEER")) {
            sections.add(WorkSection.queue(
                            "watches",
                            40,
                            "home.work.watches",
                            watches.myWatches().stream()
                                    .map(w -> new WorkItem(
                                            w.householdName(),
                                            w.watchFor(),
                                            "/volunteer/watches/" + w.requestId(),
                                            w.validUntil(),
                                            null,
                                            false,
                                            List.of()))
                                    .toList(),
                            new WorkLink("home.work.watches.all", "/volunteer"),
                            "home.work.watches.none")
                    .withLinks(List.of(new WorkLink("home.work.watches.concern", "/volunteer#new-concern"))));
        }
        return sections;
    }
}
