package org.marugoto.participation.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.marugoto.participation.ProfileView;

/** Starting participation support for a person: wishes, interests, strengths, limits, where they can go. */
record ProfileForm(
        String householdId,
        String personId,
        String areaId,
        String wishes,
        List<String> interests,
        String strengths,
        String limits,
        String version) {

    ProfileForm(
            @Nullable String householdId,
            @Nullable String personId,
            @Nullable String areaId,
            @Nullable String wishes,
            @Nullable List<String> interests,
            @Nullable String strengths,
            @Nullable String limits,
            @Nullable String version) {
        this.householdId = text(householdId);
        this.personId = text(personId);
        this.areaId = text(areaId);
        this.wishes = text(wishes);
        this.interests = list(interests);
        this.strengths = text(strengths);
        this.limits = text(limits);
        this.version = text(version);
    }

    /** The form as the profile is now, with the version the user sees. */
    static ProfileForm of(ProfileView p) {
        return new ProfileForm(
                p.householdId().toString(),
                p.personId().toString(),
                p.areaId() == null ? null : p.areaId().toString(),
                p.wishes(),
                p.interests().stream().map(Enum::name).toList(),
                p.strengths(),
                p.limits(),
                String.valueOf(p.version()));
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
