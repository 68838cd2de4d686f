package org.marugoto.directory.web;

import java.util.List;
import org.marugoto.directory.AgencyView;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.shared.Actor;
import org.marugoto.shared.work.WorkItem;
import org.marugoto.shared.work.WorkLink;
import org.marugoto.shared.work.WorkQueue;
import org.marugoto.shared.work.WorkSection;
import org.springframework.stereotype.Component;

/**
 * The planner's part of the home page until a planning module adds its own: the municipality's social resources
 * (agencies that take referrals) and their open data, which a 地域福祉計画 starts from. No personal data.
 */
@Component
class DirectoryWorkQueue implements WorkQueue {

    private final DirectoryApi directory;

    DirectoryWorkQueue(DirectoryApi directory) {
        this.directory = directory;
    }

    @Override
    public List<WorkSection> sectionsFor(Actor actor) {
        if (!actor.roleNames().contains("PLANNER")) {
            return List.of();
        }
        List<AgencyView> agencies = directory.agencies().stream()
                .filter(a -> a.active() && a.acceptsReferrals())
                .toList();
        return List.of(WorkSection.queue(
                "resources",
                410,
                "home.work.resources",
                agencies.stream()
                        .map(a -> new WorkItem(
                                a.name(), a.description(), "/directory/" + a.id(), null, null, false, List.of()))
                        .toList(),
                new WorkLink("home.work.resources.all", "/directory"),
                "home.work.resources.none"));
    }
}
