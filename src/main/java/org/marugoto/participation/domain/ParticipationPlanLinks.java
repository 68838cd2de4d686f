package org.marugoto.participation.domain;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.marugoto.casework.PlanLinkedRecords;
import org.springframework.stereotype.Component;

/** The household's participation support a support plan may link to: what the user may read (reads audited). */
@Component
class ParticipationPlanLinks implements PlanLinkedRecords {

    private final ParticipationService participation;

    ParticipationPlanLinks(ParticipationService participation) {
        this.participation = participation;
    }

    @Override
    public Kind kind() {
        return Kind.PARTICIPATION;
    }

    @Override
    public Set<UUID> readableOf(UUID householdId) {
        Set<UUID> ids = new LinkedHashSet<>();
        participation.forHousehold(householdId).forEach(p -> ids.add(p.id()));
        return ids;
    }
}
