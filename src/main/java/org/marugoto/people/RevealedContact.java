package org.marugoto.people;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a privacy officer sees after revealing a protected person (re-authenticated, with a purpose, audited). Shown
 * once on the page that asked for it and never stored elsewhere.
 */
public record RevealedContact(
        UUID personId,
        String personName,
        @Nullable String address,
        @Nullable String areaName,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String note,
        @Nullable String householdAddress,
        List<String> protectionNotes) {

    /** Never prints the revealed values. */
    @Override
    public String toString() {
        return "RevealedContact[personId=" + personId + "]";
    }
}
