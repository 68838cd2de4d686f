package org.marugoto.people.web;

import static org.marugoto.shared.text.Texts.blankToNull;
import static org.marugoto.shared.text.Texts.orEmpty;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.people.LivingSituation;
import org.marugoto.people.MembershipCommand;
import org.marugoto.people.PersonCommand;
import org.marugoto.people.PersonView;
import org.marugoto.people.Relationship;
import org.marugoto.people.Sex;
import org.marugoto.shared.text.JapaneseDates;

/**
 * The person form, used to register a person (with the household they belong to) and to edit one. Dates are typed
 * as text so that 和暦 (昭和45年4月1日, S45.4.1) and 西暦 are both accepted.
 */
public class PersonForm {

    /** Issued with the empty form: a second submit of it answers with the first registration. */
    private UUID submissionToken = UUID.randomUUID();

    public UUID getSubmissionToken() {
        return submissionToken;
    }

    public void setSubmissionToken(@Nullable UUID submissionToken) {
        this.submissionToken = submissionToken == null ? UUID.randomUUID() : submissionToken;
    }

    @NotBlank
    @Size(max = 100)
    private String familyName = "";

    @Size(max = 100)
    private String givenName = "";

    @NotBlank
    @Size(max = 200)
    private String familyNameKana = "";

    @Size(max = 200)
    private String givenNameKana = "";

    @Size(max = 500)
    private String formerNames = "";

    @NotNull
    private @Nullable Sex sex;

    private String birthDate = "";

    @Size(max = 300)
    private String address = "";

    private @Nullable UUID areaId;

    private @Nullable LivingSituation livingSituation;

    @Size(max = 40)
    private String phone = "";

    @Email
    @Size(max = 200)
    private String email = "";

    @Size(max = 60)
    private String nationality = "";

    @Size(max = 60)
    private String preferredLanguage = "";

    @Size(max = 4000)
    private String note = "";

    private int version;

    // membership, when registering
    private @Nullable UUID householdId;

    @Size(max = 100)
    private String newHouseholdName = "";

    private Relationship relationship = Relationship.SELF;

    private boolean livesTogether = true;

    private String memberFrom = "";

    /** The user saw the possible duplicates and decided this is a different person. */
    private boolean confirmedNew;

    static PersonForm of(PersonView p) {
        PersonForm form = new PersonForm();
        form.familyName = p.familyName();
        form.givenName = orEmpty(p.givenName());
        form.familyNameKana = p.familyNameKana();
        form.givenNameKana = orEmpty(p.givenNameKana());
        form.formerNames = orEmpty(p.formerNames());
        form.sex = p.sex();
        form.birthDate = p.birthDate() == null ? "" : JapaneseDates.wareki(p.birthDate());
        form.address = orEmpty(p.address());
        form.areaId = p.areaId();
        form.livingSituation = p.livingSituation();
        form.phone = orEmpty(p.phone());
        form.email = orEmpty(p.email());
        form.nationality = orEmpty(p.nationality());
        form.preferredLanguage = orEmpty(p.preferredLanguage());
        form.note = orEmpty(p.note());
        form.version = p.version();
        return form;
    }

    PersonCommand command(@Nullable LocalDate parsedBirthDate) {
        return new PersonCommand(
                familyName.strip(),
                blankToNull(givenName),
                familyNameKana.strip(),
                blankToNull(givenNameKana),
                blankToNull(formerNames),
                sex,
                parsedBirthDate,
                blankToNull(address),
                areaId,
                livingSituation,
                blankToNull(phone),
                blankToNull(email),
                blankToNull(nationality),
                blankToNull(preferredLanguage),
                blankToNull(note));
    }

    MembershipCommand membership(@Nullable LocalDate parsedMemberFrom) {
        return new MembershipCommand(
                householdId, blankToNull(newHouseholdName), relationship, livesTogether, parsedMemberFrom);
    }

    public String getFamilyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = orEmpty(familyName);
    }

    public String getGivenName() {
        return givenName;
    }

    public void setGivenName(String givenName) {
        this.givenName = orEmpty(givenName);
    }

    public String getFamilyNameKana() {
        return familyNameKana;
    }

    public void setFamilyNameKana(String familyNameKana) {
        this.familyNameKana = orEmpty(familyNameKana);
    }

    public String getGivenNameKana() {
        return givenNameKana;
    }

    public void setGivenNameKana(String givenNameKana) {
        this.givenNameKana = orEmpty(givenNameKana);
    }

    public String getFormerNames() {
        return formerNames;
    }

    public void setFormerNames(String formerNames) {
        this.formerNames = orEmpty(formerNames);
    }

    public @Nullable Sex getSex() {
        return sex;
    }

    public void setSex(@Nullable Sex sex) {
        this.sex = sex;
    }

    public String getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(String birthDate) {
        this.birthDate = orEmpty(birthDate);
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = orEmpty(address);
    }

    public @Nullable UUID getAreaId() {
        return areaId;
    }

    public void setAreaId(@Nullable UUID areaId) {
        this.areaId = areaId;
    }

    public @Nullable LivingSituation getLivingSituation() {
        return livingSituation;
    }

    public void setLivingSituation(@Nullable LivingSituation livingSituation) {
        this.livingSituation = livingSituation;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = orEmpty(phone);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = orEmpty(email);
    }

    public String getNationality() {
        return nationality;
    }

    public void setNationality(String nationality) {
        this.nationality = orEmpty(nationality);
    }

    public String getPreferredLanguage() {
        return preferredLanguage;
    }

    public void setPreferredLanguage(String preferredLanguage) {
        this.preferredLanguage = orEmpty(preferredLanguage);
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = orEmpty(note);
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public @Nullable UUID getHouseholdId() {
        return householdId;
    }

    public void setHouseholdId(@Nullable UUID householdId) {
        this.householdId = householdId;
    }

    public String getNewHouseholdName() {
        return newHouseholdName;
    }

    public void setNewHouseholdName(String newHouseholdName) {
        this.newHouseholdName = orEmpty(newHouseholdName);
    }

    public Relationship getRelationship() {
        return relationship;
    }

    public void setRelationship(@Nullable Relationship relationship) {
        this.relationship = relationship == null ? Relationship.SELF : relationship;
    }

    public boolean isLivesTogether() {
        return livesTogether;
    }

    public void setLivesTogether(boolean livesTogether) {
        this.livesTogether = livesTogether;
    }

    public String getMemberFrom() {
        return memberFrom;
    }

    public void setMemberFrom(String memberFrom) {
        this.memberFrom = orEmpty(memberFrom);
    }

    public boolean isConfirmedNew() {
        return confirmedNew;
    }

    public void setConfirmedNew(boolean confirmedNew) {
        this.confirmedNew = confirmedNew;
    }
}
