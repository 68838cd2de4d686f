package org.marugoto.casework.web;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.casework.CaseOrigin;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.shared.web.FormValues;

/**
 * The form that opens a case (事例の開始), bound through its constructor. A parameter the request does not carry
 * arrives as {@code null} and is replaced here by the value an empty form shows, so the handlers and templates never
 * see a missing text or list. {@code origin} stays a text because a tampered form may name an origin that does not
 * exist; the controller answers that with a message at the field.
 */
record OpenCaseForm(
        @Nullable UUID householdId,
        String origin,
        @Nullable UUID originId,
        @Nullable UUID leadAccountId,
        String summary,
        List<String> issueCodes,
        List<UUID> personIds,
        ConsentStatus consentStatus,
        String consentDate,
        String consentScope) {

    OpenCaseForm {
        origin = Objects.requireNonNullElse(origin, CaseOrigin.DIRECT.name());
        summary = Objects.requireNonNullElse(summary, "");
        issueCodes = FormValues.list(issueCodes);
        personIds = FormValues.list(personIds);
        consentStatus = Objects.requireNonNullElse(consentStatus, ConsentStatus.NOT_ASKED);
        consentDate = Objects.requireNonNullElse(consentDate, "");
        consentScope = Objects.requireNonNullElse(consentScope, "");
    }

    /** An empty form for a household, led by {@code lead} when the person opening it is a coordinator. */
    static OpenCaseForm direct(UUID householdId, @Nullable UUID lead) {
        return new OpenCaseForm(
                householdId,
                CaseOrigin.DIRECT.name(),
                null,
                lead,
                "",
                List.of(),
                List.of(),
                ConsentStatus.NOT_ASKED,
                "",
                "");
    }

    /** The same form opened from an outreach record (checked by the outreach module when the case is opened). */
    OpenCaseForm fromOutreach(UUID outreachId) {
        return new OpenCaseForm(
                householdId,
                CaseOrigin.OUTREACH.name(),
                outreachId,
                leadAccountId,
                summary,
                issueCodes,
                personIds,
                consentStatus,
                consentDate,
                consentScope);
    }

    /** The same form when its origin could not be read: opened directly, nothing to link. */
    OpenCaseForm withoutOrigin() {
        return new OpenCaseForm(
                householdId,
                CaseOrigin.DIRECT.name(),
                null,
                leadAccountId,
                summary,
                issueCodes,
                personIds,
                consentStatus,
                consentDate,
                consentScope);
    }
}
