package org.marugoto.participation;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A role or place (役割・出番) hosted by a directory agency. {@code active} counts the matches not ended. */
public record OpportunityView(
        UUID id,
        UUID hostAgencyId,
        String title,
        OpportunityKind kind,
        @Nullable String description,
        @Nullable UUID areaId,
        @Nullable String daysHours,
        @Nullable Integer capacity,
        List<HostOffer> hostOffers,
        List<Interest> interests,
        @Nullable String accessibility,
        @Nullable Integer ageMin,
        @Nullable Integer ageMax,
        @Nullable String cost,
        boolean open,
        int active,
        int version) {

    public boolean full() {
        return capacity != null && active >= capacity;
    }
}
