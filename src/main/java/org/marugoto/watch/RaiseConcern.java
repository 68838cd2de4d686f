package org.marugoto.watch;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a volunteer noticed: about the household of one of their watch requests ({@code requestId}), or about a
 * resident not known yet (who and where in free text); sent to an agency.
 */
public record RaiseConcern(
        @Nullable UUID requestId,
        String aboutWho,
        @Nullable String location,
        String noticed,
        ConcernUrgency urgency,
        UUID toAgencyId) {}
