package org.marugoto.consultation.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.consultation.Channel;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.ConsulterType;
import org.marugoto.consultation.FirstResponse;
import org.marugoto.consultation.Urgency;

/** The intake form (相談受付票). The submission token is issued with the empty form and makes a resubmit harmless. */
public class ConsultationForm {

    private UUID submissionToken = UUID.randomUUID();

    private @Nullable UUID counterId;

    /** Date and time as typed: 和暦 or 西暦 date, then HH:mm. */
    private String receivedDate = "";

    private String receivedTime = "";

    @NotNull
    private @Nullable Channel channel;

    @NotNull
    private @Nullable ConsulterType consulterType;

    @Size(max = 100)
    private String consulterRelation = "";

    private List<UUID> personIds = new ArrayList<>();

    private List<String> issueCodes = new ArrayList<>();

    private String mainIssueCode = "";

    @NotNull
    private @Nullable Urgency urgency = Urgency.NORMAL;

    @Size(max = 4000)
    private String ownWords = "";

    @Size(max = 4000)
    private String wishes = "";

    @NotNull
    private @Nullable ConsentStatus consentStatus;

    private String consentDate = "";

    @Size(max = 500)
    private String consentScope = "";

    @NotNull
    private @Nullable FirstResponse firstResponse;

    private @Nullable UUID referredAgencyId;

    @Size(max = 4000)
    private String responseNote = "";

    public UUID getSubmissionToken() {
        return submissionToken;
    }

    public void setSubmissionToken(UUID submissionToken) {
        this.submissionToken = submissionToken;
    }

    public @Nullable UUID getCounterId() {
        return counterId;
    }

    public void setCounterId(@Nullable UUID counterId) {
        this.counterId = counterId;
    }

    public String getReceivedDate() {
        return receivedDate;
    }

    public void setReceivedDate(String receivedDate) {
        this.receivedDate = receivedDate == null ? "" : receivedDate;
    }

    public String getReceivedTime() {
        return receivedTime;
    }

    public void setReceivedTime(String receivedTime) {
        this.receivedTime = receivedTime == null ? "" : receivedTime;
    }

    public @Nullable Channel getChannel() {
        return channel;
    }

    public void setChannel(@Nullable Channel channel) {
        this.channel = channel;
    }

    public @Nullable ConsulterType getConsulterType() {
        return consulterType;
    }

    public void setConsulterType(@Nullable ConsulterType consulterType) {
        this.consulterType = consulterType;
    }

    public String getConsulterRelation() {
        return consulterRelation;
    }

    public void setConsulterRelation(String consulterRelation) {
        this.consulterRelation = consulterRelation == null ? "" : consulterRelation;
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

    public String getMainIssueCode() {
        return mainIssueCode;
    }

    public void setMainIssueCode(String mainIssueCode) {
        this.mainIssueCode = mainIssueCode == null ? "" : mainIssueCode;
    }

    public @Nullable Urgency getUrgency() {
        return urgency;
    }

    public void setUrgency(@Nullable Urgency urgency) {
        this.urgency = urgency;
    }

    public String getOwnWords() {
        return ownWords;
    }

    public void setOwnWords(String ownWords) {
        this.ownWords = ownWords == null ? "" : ownWords;
    }

    public String getWishes() {
        return wishes;
    }

    public void setWishes(String wishes) {
        this.wishes = wishes == null ? "" : wishes;
    }

    public @Nullable ConsentStatus getConsentStatus() {
        return consentStatus;
    }

    public void setConsentStatus(@Nullable ConsentStatus consentStatus) {
        this.consentStatus = consentStatus;
    }

    public String getConsentDate() {
        return consentDate;
    }

    public void setConsentDate(String consentDate) {
        this.consentDate = consentDate == null ? "" : consentDate;
    }

    public String getConsentScope() {
        return consentScope;
    }

    public void setConsentScope(String consentScope) {
        this.consentScope = consentScope == null ? "" : consentScope;
    }

    public @Nullable FirstResponse getFirstResponse() {
        return firstResponse;
    }

    public void setFirstResponse(@Nullable FirstResponse firstResponse) {
        this.firstResponse = firstResponse;
    }

    public @Nullable UUID getReferredAgencyId() {
        return referredAgencyId;
    }

    public void setReferredAgencyId(@Nullable UUID referredAgencyId) {
        this.referredAgencyId = referredAgencyId;
    }

    public String getResponseNote() {
        return responseNote;
    }

    public void setResponseNote(String responseNote) {
        this.responseNote = responseNote == null ? "" : responseNote;
    }
}
