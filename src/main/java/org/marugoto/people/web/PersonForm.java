package org.marugoto.people.web;

import static org.marugoto.shared.text.Texts.blankToNull;
import static org.marugoto.shared.text.Texts.orEmpty;
import static org.marugoto.shared.web.FormValues.orDefault;
import static org.marugoto.shared.web.FormValues.text;
import static org.marugoto.shared.web.FormValues.validated;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.people.ApproximateBirth;
import org.marugoto.people.HouseholdView;
import org.marugoto.people.LivingSituation;
import org.marugoto.people.MembershipCommand;
import org.marugoto.people.PersonCommand;
import org.marugoto.people.PersonView;
import org.marugoto.people.Relationship;
import org.marugoto.people.Sex;
import org.marugoto.shared.text.JapaneseDates;

/**
 * The person form, used to register a person (with the household they belong to) and to edit one. Dates are typed
 * as text so that 和暦 (昭和45年4月1日, S45.4.1) and 西暦 are both accepted. The submission token is issued with the
 * empty form: a second submit of it answers with the first registration. {@code confirmedNew}: the user saw the
 * possible duplicates and decided this is a different person.
 */
public record PersonForm(
        UUID submissionToken,
        @NotBlank @Size(max = 100) String familyName,
        @Size(max = 100) String givenName,
        @Size(max = 200) String familyNameKana,
        @Size(max = 200) String givenNameKana,
        @Size(max = 500) String formerNames,
        @NotNull @Nullable Sex sex,
        String birthDate,
        @Size(max = 300) String address,
        @Nullable UUID areaId,
        @Nullable LivingSituation livingSituation,
        @Size(max = 40) String phone,
        @Email @Size(max = 200) String email,
        @Size(max = 60) String nationality,
        @Size(max = 60) String preferredLanguage,
        @Size(max = 4000) String note,
        Integer version,
        // membership, when registering
        @Nullable UUID householdId,
        @Size(max = 100) String newHouseholdName,
        Relationship relationship,
        Boolean livesTogether,
        String memberFrom,
        Boolean confirmedNew) {

    public PersonForm {
        version = orDefault(version, 0);
        confirmedNew = orDefault(confirmedNew, false);
        submissionToken = orDefault(submissionToken, UUID.randomUUID());
        familyName = text(familyName);
        givenName = text(givenName);
        familyNameKana = text(familyNameKana);
        givenNameKana = text(givenNameKana);
        formerNames = text(formerNames);
        birthDate = text(birthDate);
        address = text(address);
        phone = text(phone);
        email = text(email);
        nationality = text(nationality);
        preferredLanguage = text(preferredLanguage);
        note = text(note);
        newHouseholdName = text(newHouseholdName);
        relationship = orDefault(relationship, Relationship.SELF);
        livesTogether = orDefault(livesTogether, true);
        memberFrom = text(memberFrom);
    }

    /** The empty registration form; for a new member of a household, with its address and area, as its child. */
    static PersonForm empty(@Nullable HouseholdView household) {
        return new PersonForm(
                UUID.randomUUID(),
                "",
                "",
                "",
                "",
                "",
                null,
                "",
                household == null ? "" : orEmpty(household.address()),
                household == null ? null : household.areaId(),
                null,
                "",
                "",
                "",
                "",
                "",
                0,
                household == null ? null : household.id(),
                "",
                household == null ? Relationship.SELF : Relationship.CHILD,
                true,
                "",
                false);
    }

    /**
     * The registration form filled with what a search query said of the person (the "may exist elsewhere" notice's
     * "register here", decision 0038): name, reading when the query was typed in kana, date of birth and phone.
     */
    static PersonForm fromSearch(PersonCommand probe) {
        PersonForm empty = empty(null);
        return new PersonForm(
                empty.submissionToken(),
                probe.familyName(),
                orEmpty(probe.givenName()),
                probe.familyNameKana(),
                orEmpty(probe.givenNameKana()),
                "",
                null,
                probe.birthDate() == null ? "" : JapaneseDates.wareki(probe.birthDate()),
                "",
                null,
                null,
                orEmpty(probe.phone()),
                "",
                "",
                "",
                "",
                0,
                null,
                "",
                Relationship.SELF,
                true,
                "",
                false);
    }

    /**
     * The edit form. A masked person's starts with the withheld fields empty (left empty they keep what is stored) and
     * without the area, which the view holds only down to the 日常生活圏域.
     */
    static PersonForm of(PersonView p) {
        return new PersonForm(
                UUID.randomUUID(),
                p.familyName(),
                orEmpty(p.givenName()),
                p.familyNameKana(),
                orEmpty(p.givenNameKana()),
                orEmpty(p.formerNames()),
                p.sex(),
                p.birthDate() != null
                        ? JapaneseDates.wareki(p.birthDate())
                        : p.approximateBirth() == null
                                ? ""
                                : p.approximateBirth().formText(),
                orEmpty(p.address()),
                p.masked() ? null : p.areaId(),
                p.livingSituation(),
                orEmpty(p.phone()),
                orEmpty(p.email()),
                orEmpty(p.nationality()),
                orEmpty(p.preferredLanguage()),
                orEmpty(p.note()),
                p.version(),
                null,
                "",
                Relationship.SELF,
                true,
                "",
                false);
    }

    PersonCommand command(@Nullable LocalDate parsedBirthDate, @Nullable ApproximateBirth approximateBirth) {
        return new PersonCommand(
                familyName.strip(),
                blankToNull(givenName),
                familyNameKana.strip(),
                blankToNull(givenNameKana),
                blankToNull(formerNames),
                validated(sex, "sex"),
                parsedBirthDate,
                blankToNull(address),
                areaId,
                livingSituation,
                blankToNull(phone),
                blankToNull(email),
                blankToNull(nationality),
                blankToNull(preferredLanguage),
                blankToNull(note),
                approximateBirth);
    }

    MembershipCommand membership(@Nullable LocalDate parsedMemberFrom) {
        return new MembershipCommand(
                householdId, blankToNull(newHouseholdName), relationship, livesTogether, parsedMemberFrom);
    }

    /** What was typed may be personal data or a secret: never printed (logs, error reports). */
    @Override
    public String toString() {
        return "PersonForm[version=" + version + "]";
    }
}
