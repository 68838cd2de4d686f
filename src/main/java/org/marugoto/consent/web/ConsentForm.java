package org.marugoto.consent.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.consent.ConsentGiver;
import org.marugoto.consent.ConsentMethod;
import org.marugoto.consent.ConsentPurpose;

/** The consent form: dates as typed (和暦 or 西暦), read by {@code DateInput}. */
public class ConsentForm {

    private List<UUID> personIds = new ArrayList<>();

    @NotNull
    private @Nullable ConsentGiver givenBy = ConsentGiver.PERSON;

    @Size(max = 100)
    private String representativeName = "";

    @Size(max = 100)
    private String representativeRelation = "";

    private List<UUID> agencyIds = new ArrayList<>();
    private List<ConsentPurpose> purposes = new ArrayList<>();

    @NotNull
    private @Nullable ConsentMethod method;

    @Size(max = 100)
    private String witness = "";

    private String givenOn = "";
    private String validUntil = "";

    @Size(max = 500)
    private String note = "";

    public List<UUID> getPersonIds() {
        return personIds;
    }

    public void setPersonIds(@Nullable List<UUID> personIds) {
        this.personIds = personIds == null ? new ArrayList<>() : personIds;
    }

    public @Nullable ConsentGiver getGivenBy() {
        return givenBy;
    }

    public void setGivenBy(@Nullable ConsentGiver givenBy) {
        this.givenBy = givenBy;
    }

    public String getRepresentativeName() {
        return representativeName;
    }

    public void setRepresentativeName(@Nullable String representativeName) {
        this.representativeName = representativeName == null ? "" : representativeName;
    }

    public String getRepresentativeRelation() {
        return representativeRelation;
    }

    public void setRepresentativeRelation(@Nullable String representativeRelation) {
        this.representativeRelation = representativeRelation == null ? "" : representativeRelation;
    }

    public List<UUID> getAgencyIds() {
        return agencyIds;
    }

    public void setAgencyIds(@Nullable List<UUID> agencyIds) {
        this.agencyIds = agencyIds == null ? new ArrayList<>() : agencyIds;
    }

    public List<ConsentPurpose> getPurposes() {
        return purposes;
    }

    public void setPurposes(@Nullable List<ConsentPurpose> purposes) {
        this.purposes = purposes == null ? new ArrayList<>() : purposes;
    }

    public @Nullable ConsentMethod getMethod() {
        return method;
    }

    public void setMethod(@Nullable ConsentMethod method) {
        this.method = method;
    }

    public String getWitness() {
        return witness;
    }

    public void setWitness(@Nullable String witness) {
        this.witness = witness == null ? "" : witness;
    }

    public String getGivenOn() {
        return givenOn;
    }

    public void setGivenOn(@Nullable String givenOn) {
        this.givenOn = givenOn == null ? "" : givenOn;
    }

    public String getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(@Nullable String validUntil) {
        this.validUntil = validUntil == null ? "" : validUntil;
    }

    public String getNote() {
        return note;
    }

    public void setNote(@Nullable String note) {
        this.note = note == null ? "" : note;
    }
}
