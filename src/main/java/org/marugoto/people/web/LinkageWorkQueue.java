package org.marugoto.people.web;

import java.util.List;
import org.marugoto.people.domain.LinkageService;
import org.marugoto.shared.Actor;
import org.marugoto.shared.work.WorkLink;
import org.marugoto.shared.work.WorkQueue;
import org.marugoto.shared.work.WorkSection;
import org.springframework.stereotype.Component;

/** The coordinators' part of the home page: pairs of records waiting for a linkage decision (decision 0029). */
@Component
class LinkageWorkQueue implements WorkQueue {

    private final LinkageService linkage;

    LinkageWorkQueue(LinkageService linkage) {
        this.linkage = linkage;
    }

    @Override
    public List<WorkSection> sectionsFor(Actor actor) {
        if (!actor.roleNames().contains("MUNICIPAL_COORDINATOR") || linkage.openCount() == 0) {
            return List.of();
        }
        return List.of(WorkSection.links(
                "linkage", 35, "linkage.work.title", List.of(new WorkLink("linkage.work.open", "/linkage"))));
    }
}
