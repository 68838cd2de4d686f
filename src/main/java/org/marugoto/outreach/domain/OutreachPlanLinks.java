package org.marugoto.outreach.domain;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.marugoto.casework.PlanLinkedRecords;
import org.springframework.stereotype.Component;

/** The household's outreach records a support plan may link to: those the user may read (reads audited). */
@Component
class OutreachPlanLinks implements PlanLinkedRecords {

    private final OutreachService outreach;

    OutreachPlanLinks(OutreachService outreach) {
        this.outreach = outreach;
    }

    @Override
    public Kind kind() {
        return Kind.OUTREACH;
    }

    @Override
    public Set<UUID> readableOf(UUID householdId) {
        Set<UUID> ids = new LinkedHashSet<>();
        outreach.forHousehold(householdId).forEach(s -> ids.add(s.id()));
        return ids;
    }
}
