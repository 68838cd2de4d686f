package org.marugoto.people;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a bulk registration saved: the new person of each member (in the order given), the new household of each
 * household key, and how many linkage pairs (to suggest or review) the run stored.
 */
public record BulkRegistered(List<UUID> personIds, Map<String, UUID> newHouseholds, int linkPairs) {}
