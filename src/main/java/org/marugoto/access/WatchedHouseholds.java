package org.marugoto.access;

import java.time.Instant;
import java.util.UUID;

/**
 * Which households a volunteer (民生委員・児童委員) was asked to watch, implemented by the module that records watch
 * requests (見守り依頼). The decision point asks it, at each decision, whether an active request names the volunteer:
 * that is the only way a volunteer reads a household. Ending the request ends the access at once.
 */
public interface WatchedHouseholds {

    /** Whether a watch request naming the account for the household is active at {@code at}. */
    boolean watches(UUID volunteerAccountId, UUID householdId, Instant at);
}
