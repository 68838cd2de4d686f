package org.marugoto.outreach;

import java.util.List;
import java.util.UUID;
import org.marugoto.shared.Actor;

/** What other modules and pages may ask about outreach. Reads of personal data are access-checked and audited. */
public interface OutreachQueries {

    /**
     * The overdue next contacts the actor should see: the records they lead, and for a coordinator (相談支援包括化推進員)
     * every overdue record of the municipality, as tracking data only when they may not read it. Oldest first.
     */
    List<OverdueOutreach> overdueFor(Actor actor);

    /** The household's outreach records the current user may read (for the case page and the support plan). */
    List<OutreachSummary> forHousehold(UUID householdId);
}
