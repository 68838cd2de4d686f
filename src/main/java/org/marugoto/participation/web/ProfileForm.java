package org.marugoto.participation.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Starting participation support for a person: wishes, interests, strengths, limits, where they can go. */
record ProfileForm(
        String householdId,
        String personId,
        String areaId,
        String wishes,
        List<String> interests,
        String strengths,
        String limits) {

    ProfileForm(
            @Nullable String householdId,
            @Nullable String personId,
            @Nullable String areaId,
            @Nullable String wishes,
            @Nullable List<String> interests,
            @Nullable String strengths,
            @Nullable String limits) {
        this.householdId = text(householdId);
        this.personId = text(personId);
        this.areaId = text(areaId);
        this.wishes = text(wishes);
        this.interests = list(interests);
        this.strengths = text(strengths);
        this.limits = text(limits);
    }

    static String text(@Nullable String s) {
        return s == null ? "" : s;
    }

    static List<String> list(@Nullable List<String> l) {
        return l == null
                ? List.of()
                : l.stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    @Override
    public String toString() {
        return "ProfileForm[" + householdId + "]";
    }
}
