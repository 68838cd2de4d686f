package org.marugoto.people;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a caseworker enters about a person, already checked for format by the form. */
public record PersonCommand(
        String familyName,
        @Nullable String givenName,
        String familyNameKana,
        @Nullable String givenNameKana,
        @Nullable String formerNames,
        Sex sex,
        @Nullable LocalDate birthDate,
        @Nullable String address,
        @Nullable UUID areaId,
        @Nullable LivingSituation livingSituation,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String nationality,
        @Nullable String preferredLanguage,
        @Nullable String note,
        @Nullable ApproximateBirth approximateBirth) {

    /** A person whose date of birth is exact or unknown. */
    public PersonCommand(
            String familyName,
            @Nullable String givenName,
            String familyNameKana,
            @Nullable String givenNameKana,
            @Nullable String formerNames,
            Sex sex,
            @Nullable LocalDate birthDate,
            @Nullable String address,
            @Nullable UUID areaId,
            @Nullable LivingSituation livingSituation,
            @Nullable String phone,
            @Nullable String email,
            @Nullable String nationality,
            @Nullable String preferredLanguage,
            @Nullable String note) {
        this(
                familyName,
                givenName,
                familyNameKana,
                givenNameKana,
                formerNames,
                sex,
                birthDate,
                address,
                areaId,
                livingSituation,
                phone,
                email,
                nationality,
                preferredLanguage,
                note,
                null);
    }

    /** Never prints what was typed: a command may hold the address of a person under protection. */
    @Override
    public String toString() {
        return "PersonCommand[familyNameKana=" + familyNameKana + "]";
    }
}
