package org.marugoto.people.linkage;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One record of a person as an agency holds it, as typed: what the linkage engine compares.
 *
 * @param id the record (a person row)
 * @param agencyId the agency that holds it
 * @param household the record's current household, if any: two records of one current household are different people
 * @param sex "MALE", "FEMALE" or anything else for unknown
 * @param protectedPerson under DV/stalking protection: address and phone are never compared (they must not become
 *     a reason that reaches anyone)
 */
public record LinkRecord(
        UUID id,
        @Nullable UUID agencyId,
        String familyName,
        @Nullable String givenName,
        @Nullable String familyNameKana,
        @Nullable String givenNameKana,
        @Nullable String formerNames,
        @Nullable String sex,
        @Nullable ApproxDate birth,
        @Nullable String phone,
        @Nullable String address,
        @Nullable Object household,
        boolean protectedPerson) {

    /** Never prints what was typed. */
    @Override
    public String toString() {
        return "LinkRecord[" + id + "]";
    }
}
