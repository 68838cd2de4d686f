package org.marugoto.referral.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.Urgency;

/** The referral form (つなぎ票). */
public class ReferralForm {

    /** Issued with the empty form: a second submit of it answers with the first referral. */
    private UUID submissionToken = UUID.randomUUID();

    private @Nullable UUID consultationId;

    @NotNull
    private @Nullable UUID toAgencyId;

    private @Nullable UUID toCounterId;

    private List<UUID> personIds = new ArrayList<>();

    private List<String> issueCodes = new ArrayList<>();

    @NotNull
    private @Nullable Urgency urgency = Urgency.NORMAL;

    @NotBlank
    @Size(max = 500)
    private String summary = "";

    @Size(max = 4000)
    private String reason = "";

    @Size(max = 4000)
    private String tried = "";

    @NotNull
    private @Nullable ConsentStatus consentStatus;

    @Size(max = 500)
    private String consentScope = "";

    private String desiredResponseDate = "";

    public UUID getSubmissionToken() {
        return submissionToken;
    }

    public void setSubmissionToken(@Nullable UUID submissionToken) {
        this.submissionToken = submissionToken == null ? UUID.randomUUID() : submissionToken;
    }

    public @Nullable UUID getConsultationId() {
        return consultationId;
    }

    public void setConsultationId(@Nullable UUID consultationId) {
        this.consultationId = consultationId;
    }

    public @Nullable UUID getToAgencyId() {
        return toAgencyId;
    }

    public void setToAgencyId(@Nullable UUID toAgencyId) {
        this.toAgencyId = toAgencyId;
    }

    public @Nullable UUID getToCounterId() {
        return toCounterId;
    }

    public void setToCounterId(@Nullable UUID toCounterId) {
        this.toCounterId = toCounterId;
    }

    public List<UUID> getPersonIds() {
        return personIds;
    }

    public void setPersonIds(@Nullable List<UUID> personIds) {
        this.personIds = personIds == null ? new ArrayList<>() : personIds;
    }

    public List<String> getIssueCodes() {
        return issueCodes;
    }

    public void setIssueCodes(@Nullable List<String> issueCodes) {
        this.issueCodes = issueCodes == null ? new ArrayList<>() : issueCodes;
    }

    public @Nullable Urgency getUrgency() {
        return urgency;
    }

    public void setUrgency(@Nullable Urgency urgency) {
        this.urgency = urgency;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary == null ? "" : summary;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason == null ? "" : reason;
    }

    public String getTried() {
        return tried;
    }

    public void setTried(String tried) {
        this.tried = tried == null ? "" : tried;
    }

    public @Nullable ConsentStatus getConsentStatus() {
        return consentStatus;
    }

    public void setConsentStatus(@Nullable ConsentStatus consentStatus) {
        this.consentStatus = consentStatus;
    }

    public String getConsentScope() {
        return consentScope;
    }

    public void setConsentScope(String consentScope) {
        this.consentScope = consentScope == null ? "" : consentScope;
    }

    public String getDesiredResponseDate() {
        return desiredResponseDate;
    }

    public void setDesiredResponseDate(String desiredResponseDate) {
        this.desiredResponseDate = desiredResponseDate == null ? "" : desiredResponseDate;
    }
}
