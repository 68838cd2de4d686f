package org.marugoto.casework.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.casework.AssessmentDomain;
import org.marugoto.casework.ClosureOutcome;
import org.marugoto.casework.ConferenceDecision;
import org.marugoto.casework.ConferenceKind;
import org.marugoto.casework.PersonAgreement;
import org.marugoto.casework.ProgressKind;
import org.marugoto.consultation.ConsentStatus;

/** The casework forms, as JavaBeans so that Thymeleaf binds them field by field. */
final class CaseForms {

    private CaseForms() {}

    static class OpenForm {
        private @Nullable UUID householdId;
        private String origin = "DIRECT";
        private @Nullable UUID originId;
        private @Nullable UUID leadAccountId;
        private String summary = "";
        private List<String> issueCodes = new ArrayList<>();
        private List<UUID> personIds = new ArrayList<>();
        private ConsentStatus consentStatus = ConsentStatus.NOT_ASKED;
        private String consentDate = "";
        private String consentScope = "";

        public @Nullable UUID getHouseholdId() {
            return householdId;
        }

        public void setHouseholdId(@Nullable UUID householdId) {
            this.householdId = householdId;
        }

        public String getOrigin() {
            return origin;
        }

        public void setOrigin(String origin) {
            this.origin = origin;
        }

        public @Nullable UUID getOriginId() {
            return originId;
        }

        public void setOriginId(@Nullable UUID originId) {
            this.originId = originId;
        }

        public @Nullable UUID getLeadAccountId() {
            return leadAccountId;
        }

        public void setLeadAccountId(@Nullable UUID leadAccountId) {
            this.leadAccountId = leadAccountId;
        }

        public String getSummary() {
            return summary;
        }

        public void setSummary(String summary) {
            this.summary = summary;
        }

        public List<String> getIssueCodes() {
            return issueCodes;
        }

        public void setIssueCodes(List<String> issueCodes) {
            this.issueCodes = issueCodes;
        }

        public List<UUID> getPersonIds() {
            return personIds;
        }

        public void setPersonIds(List<UUID> personIds) {
            this.personIds = personIds;
        }

        public ConsentStatus getConsentStatus() {
            return consentStatus;
        }

        public void setConsentStatus(ConsentStatus consentStatus) {
            this.consentStatus = consentStatus;
        }

        public String getConsentDate() {
            return consentDate;
        }

        public void setConsentDate(String consentDate) {
            this.consentDate = consentDate;
        }

        public String getConsentScope() {
            return consentScope;
        }

        public void setConsentScope(String consentScope) {
            this.consentScope = consentScope;
        }
    }

    static class AssessmentForm {
        private String summary = "";
        private String strengths = "";
        private String wishes = "";
        private String risks = "";
        private String unvoiced = "";
        /** One text per person and domain, keyed "personId:DOMAIN". */
        private java.util.Map<String, String> situations = new java.util.LinkedHashMap<>();

        public String getSummary() {
            return summary;
        }

        public void setSummary(String summary) {
            this.summary = summary;
        }

        public String getStrengths() {
            return strengths;
        }

        public void setStrengths(String strengths) {
            this.strengths = strengths;
        }

        public String getWishes() {
            return wishes;
        }

        public void setWishes(String wishes) {
            this.wishes = wishes;
        }

        public String getRisks() {
            return risks;
        }

        public void setRisks(String risks) {
            this.risks = risks;
        }

        public String getUnvoiced() {
            return unvoiced;
        }

        public void setUnvoiced(String unvoiced) {
            this.unvoiced = unvoiced;
        }

        public java.util.Map<String, String> getSituations() {
            return situations;
        }

        public void setSituations(java.util.Map<String, String> situations) {
            this.situations = situations;
        }

        static String key(UUID personId, AssessmentDomain domain) {
            return personId + ":" + domain.name();
        }
    }

    static class PlanForm {
        private @Nullable Integer draftVersion;
        private @Nullable UUID personId;
        private String aim = "";
        private String participationNeeds = "";
        private String outreachNeeds = "";
        private String periodFrom = "";
        private String periodTo = "";
        private String reviewDate = "";
        private List<GoalForm> goals = new ArrayList<>();

        public @Nullable Integer getDraftVersion() {
            return draftVersion;
        }

        public @Nullable UUID getPersonId() {
            return personId;
        }

        public void setPersonId(@Nullable UUID personId) {
            this.personId = personId;
        }

        public void setDraftVersion(@Nullable Integer draftVersion) {
            this.draftVersion = draftVersion;
        }

        public String getAim() {
            return aim;
        }

        public void setAim(String aim) {
            this.aim = aim;
        }

        public String getParticipationNeeds() {
            return participationNeeds;
        }

        public void setParticipationNeeds(String participationNeeds) {
            this.participationNeeds = participationNeeds;
        }

        public String getOutreachNeeds() {
            return outreachNeeds;
        }

        public void setOutreachNeeds(String outreachNeeds) {
            this.outreachNeeds = outreachNeeds;
        }

        public String getPeriodFrom() {
            return periodFrom;
        }

        public void setPeriodFrom(String periodFrom) {
            this.periodFrom = periodFrom;
        }

        public String getPeriodTo() {
            return periodTo;
        }

        public void setPeriodTo(String periodTo) {
            this.periodTo = periodTo;
        }

        public String getReviewDate() {
            return reviewDate;
        }

        public void setReviewDate(String reviewDate) {
            this.reviewDate = reviewDate;
        }

        public List<GoalForm> getGoals() {
            return goals;
        }

        public void setGoals(List<GoalForm> goals) {
            this.goals = goals;
        }
    }

    static class GoalForm {
        private String issue = "";
        private String goal = "";
        private String personRole = "";
        private List<ActionForm> actions = new ArrayList<>();

        public String getIssue() {
            return issue;
        }

        public void setIssue(String issue) {
            this.issue = issue;
        }

        public String getGoal() {
            return goal;
        }

        public void setGoal(String goal) {
            this.goal = goal;
        }

        public String getPersonRole() {
            return personRole;
        }

        public void setPersonRole(String personRole) {
            this.personRole = personRole;
        }

        public List<ActionForm> getActions() {
            return actions;
        }

        public void setActions(List<ActionForm> actions) {
            this.actions = actions;
        }

        boolean blank() {
            return issue.isBlank() && goal.isBlank() && actions.stream().allMatch(ActionForm::blank);
        }
    }

    static class ActionForm {
        private String description = "";
        private @Nullable UUID agencyId;
        private @Nullable UUID accountId;
        private String dueDate = "";
        private String frequency = "";

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public @Nullable UUID getAgencyId() {
            return agencyId;
        }

        public void setAgencyId(@Nullable UUID agencyId) {
            this.agencyId = agencyId;
        }

        public @Nullable UUID getAccountId() {
            return accountId;
        }

        public void setAccountId(@Nullable UUID accountId) {
            this.accountId = accountId;
        }

        public String getDueDate() {
            return dueDate;
        }

        public void setDueDate(String dueDate) {
            this.dueDate = dueDate;
        }

        public String getFrequency() {
            return frequency;
        }

        public void setFrequency(String frequency) {
            this.frequency = frequency;
        }

        boolean blank() {
            return description.isBlank();
        }
    }

    static class ConferenceForm {
        private ConferenceKind kind = ConferenceKind.JUSHO;
        private String scheduledAt = "";
        private String place = "";
        private String agenda = "";
        private List<UUID> memberAccountIds = new ArrayList<>();

        public ConferenceKind getKind() {
            return kind;
        }

        public void setKind(ConferenceKind kind) {
            this.kind = kind;
        }

        public String getScheduledAt() {
            return scheduledAt;
        }

        public void setScheduledAt(String scheduledAt) {
            this.scheduledAt = scheduledAt;
        }

        public String getPlace() {
            return place;
        }

        public void setPlace(String place) {
            this.place = place;
        }

        public String getAgenda() {
            return agenda;
        }

        public void setAgenda(String agenda) {
            this.agenda = agenda;
        }

        public List<UUID> getMemberAccountIds() {
            return memberAccountIds;
        }

        public void setMemberAccountIds(List<UUID> memberAccountIds) {
            this.memberAccountIds = memberAccountIds;
        }
    }

    static class MinutesForm {
        private int version;
        private String minutes = "";
        private List<ConferenceDecision> decisions = new ArrayList<>();
        private List<UUID> attended = new ArrayList<>();
        private boolean consentConfirmed;
        private @Nullable PersonAgreement personAgreement;
        private String personAgreementNote = "";
        private List<String> actionDescriptions = new ArrayList<>();
        private List<String> actionOwners = new ArrayList<>();
        private List<String> actionDueDates = new ArrayList<>();

        public int getVersion() {
            return version;
        }

        public void setVersion(int version) {
            this.version = version;
        }

        public String getMinutes() {
            return minutes;
        }

        public void setMinutes(String minutes) {
            this.minutes = minutes;
        }

        public List<ConferenceDecision> getDecisions() {
            return decisions;
        }

        public void setDecisions(List<ConferenceDecision> decisions) {
            this.decisions = decisions;
        }

        public List<UUID> getAttended() {
            return attended;
        }

        public void setAttended(List<UUID> attended) {
            this.attended = attended;
        }

        public boolean isConsentConfirmed() {
            return consentConfirmed;
        }

        public void setConsentConfirmed(boolean consentConfirmed) {
            this.consentConfirmed = consentConfirmed;
        }

        public @Nullable PersonAgreement getPersonAgreement() {
            return personAgreement;
        }

        public void setPersonAgreement(@Nullable PersonAgreement personAgreement) {
            this.personAgreement = personAgreement;
        }

        public String getPersonAgreementNote() {
            return personAgreementNote;
        }

        public void setPersonAgreementNote(String personAgreementNote) {
            this.personAgreementNote = personAgreementNote;
        }

        public List<String> getActionDescriptions() {
            return actionDescriptions;
        }

        public void setActionDescriptions(List<String> actionDescriptions) {
            this.actionDescriptions = actionDescriptions;
        }

        public List<String> getActionOwners() {
            return actionOwners;
        }

        public void setActionOwners(List<String> actionOwners) {
            this.actionOwners = actionOwners;
        }

        public List<String> getActionDueDates() {
            return actionDueDates;
        }

        public void setActionDueDates(List<String> actionDueDates) {
            this.actionDueDates = actionDueDates;
        }
    }

    static class ClosureForm {
        private int version;
        private @Nullable ClosureOutcome outcome;
        private String evaluation = "";
        private String personView = "";
        private String followUp = "";

        public int getVersion() {
            return version;
        }

        public void setVersion(int version) {
            this.version = version;
        }

        public @Nullable ClosureOutcome getOutcome() {
            return outcome;
        }

        public void setOutcome(@Nullable ClosureOutcome outcome) {
            this.outcome = outcome;
        }

        public String getEvaluation() {
            return evaluation;
        }

        public void setEvaluation(String evaluation) {
            this.evaluation = evaluation;
        }

        public String getPersonView() {
            return personView;
        }

        public void setPersonView(String personView) {
            this.personView = personView;
        }

        public String getFollowUp() {
            return followUp;
        }

        public void setFollowUp(String followUp) {
            this.followUp = followUp;
        }
    }

    static class ProgressForm {
        private String occurredAt = "";
        private ProgressKind kind = ProgressKind.CONTACT;
        private @Nullable UUID personId;
        private String body = "";

        public String getOccurredAt() {
            return occurredAt;
        }

        public void setOccurredAt(String occurredAt) {
            this.occurredAt = occurredAt;
        }

        public ProgressKind getKind() {
            return kind;
        }

        public void setKind(ProgressKind kind) {
            this.kind = kind;
        }

        public @Nullable UUID getPersonId() {
            return personId;
        }

        public void setPersonId(@Nullable UUID personId) {
            this.personId = personId;
        }

        public String getBody() {
            return body;
        }

        public void setBody(String body) {
            this.body = body;
        }
    }
}
