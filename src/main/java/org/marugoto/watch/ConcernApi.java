package org.marugoto.watch;

import java.util.UUID;

/** What other modules may ask about volunteers' concerns. Reads are access-checked and audited. */
public interface ConcernApi {

    /** One concern, for the professionals of the agency it was sent to (refused to everyone else). */
    ConcernView get(UUID id);
}
