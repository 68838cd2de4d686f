package org.marugoto.watch;

import java.util.UUID;

/** What other modules may ask about volunteers' concerns. Reads are access-checked and audited. */
public interface ConcernApi {

    /** One concern, for the professionals of the agency it was sent to (refused to everyone else). */
    ConcernView get(UUID id);

    /**
     * Ties a concern about someone not known yet to the household registered for them (by a professional of the
     * agency it was sent to, who may change it). A concern already tied to that household is left as it is; one tied
     * to another household is refused. Audited.
     */
    ConcernView linkHousehold(UUID id, UUID householdId);
}
