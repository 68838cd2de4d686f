package org.marugoto.people;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person's membership of a household, current or past. */
public record MemberView(
        UUID id,
        UUID householdId,
        PersonView person,
        Relationship relationship,
        boolean livesTogether,
        @Nullable LocalDate memberFrom,
        @Nullable LocalDate memberTo,
        @Nullable MembershipEnd endReason,
        java.time.Instant recordedAt,
        int version) {

    public boolean current() {
        return memberTo == null;
    }
}
