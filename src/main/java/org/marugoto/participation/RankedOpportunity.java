package org.marugoto.participation;

import java.util.List;

/** An opportunity for a person, with its score and the reasons (message keys with their arguments). */
public record RankedOpportunity(OpportunityView opportunity, int score, List<Reason> reasons) {

    public record Reason(String key, List<Object> arguments, boolean against) {}
}
