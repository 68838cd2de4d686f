package org.marugoto.people;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A person as the screens show them: what was typed, never the search keys. When the person is under DV/stalking
 * protection (支援措置, {@code masked}), the people module has already withheld the address, the area below the
 * 日常生活圏域, phone, e-mail and note (they are null here); only {@link ProtectionApi#reveal} returns them.
 */
public record PersonView(
        UUID id,
        UUID ownerAgencyId,
        String familyName,
        @Nullable String givenName,
        String familyNameKana,
        @Nullable String givenNameKana,
        @Nullable String formerNames,
        Sex sex,
        @Nullable LocalDate birthDate,
        @Nullable LocalDate deceasedOn,
        @Nullable String address,
        @Nullable UUID areaId,
        @Nullable LivingSituation livingSituation,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String nationality,
        @Nullable String preferredLanguage,
        @Nullable String note,
        int version,
        boolean masked,
        @Nullable ApproximateBirth approximateBirth) {

    public PersonView(
            UUID id,
            UUID ownerAgencyId,
            String familyName,
            @Nullable String givenName,
            String familyNameKana,
            @Nullable String givenNameKana,
            @Nullable String formerNames,
            Sex sex,
            @Nullable LocalDate birthDate,
            @Nullable LocalDate deceasedOn,
            @Nullable String address,
            @Nullable UUID areaId,
            @Nullable LivingSituation livingSituation,
            @Nullable String phone,
            @Nullable String email,
            @Nullable String nationality,
            @Nullable String preferredLanguage,
            @Nullable String note,
            int version,
            boolean masked) {
        this(
                id,
                ownerAgencyId,
                familyName,
                givenName,
                familyNameKana,
                givenNameKana,
                formerNames,
                sex,
                birthDate,
                deceasedOn,
                address,
                areaId,
                livingSituation,
                phone,
                email,
                nationality,
                preferredLanguage,
                note,
                version,
                masked,
                null);
    }

    /** Never prints contact details, so that a log line or an exception message cannot leak them. */
    @Override
    public String toString() {
        return "PersonView[id=" + id + ", masked=" + masked + ", version=" + version + "]";
    }

    public String fullName() {
        return givenName == null ? familyName : familyName + " " + givenName;
    }

    /** Whether a reading was recorded: intake data may come without one (読み未登録, decision 0038). */
    public boolean readingRecorded() {
        return !familyNameKana.isBlank();
    }

    public String fullNameKana() {
        return givenNameKana == null ? familyNameKana : familyNameKana + " " + givenNameKana;
    }

    /** Whether a date of birth is known, exactly or approximately. */
    public boolean birthKnown() {
        return birthDate != null || approximateBirth != null;
    }

    /**
     * Age in whole years on {@code day} (from an approximate date of birth, the difference of the years), or null when
     * the date of birth is unknown.
     */
    public @Nullable Integer ageOn(LocalDate day) {
        LocalDate end = deceasedOn != null && deceasedOn.isBefore(day) ? deceasedOn : day;
        if (birthDate == null) {
            return approximateBirth == null ? null : approximateBirth.ageOn(end);
        }
        return java.time.Period.between(birthDate, end).getYears();
    }
}
