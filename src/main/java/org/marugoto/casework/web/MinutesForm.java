package org.marugoto.casework.web;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.casework.ConferenceDecision;
import org.marugoto.casework.PersonAgreement;
import org.marugoto.shared.web.FormValues;

/**
 * The record of a meeting: minutes, decisions, who attended, the person's agreement to the plan, and action items as
 * three parallel lists (description, owner, due date) that the controller reads row by row. The version and the
 * checkbox are boxed so that a request without them binds (as 0 and unchecked) instead of failing conversion: the
 * consent checkbox is only on a 重層的支援会議's form.
 */
record MinutesForm(
        Integer version,
        String minutes,
        List<ConferenceDecision> decisions,
        List<UUID> attended,
        Boolean consentConfirmed,
        @Nullable PersonAgreement personAgreement,
        String personAgreementNote,
        List<String> actionDescriptions,
        List<String> actionOwners,
        List<String> actionDueDates) {

    MinutesForm {
        version = Objects.requireNonNullElse(version, 0);
        consentConfirmed = Objects.requireNonNullElse(consentConfirmed, false);
        minutes = Objects.requireNonNullElse(minutes, "");
        decisions = FormValues.list(decisions);
        attended = FormValues.list(attended);
        personAgreementNote = Objects.requireNonNullElse(personAgreementNote, "");
        actionDescriptions = FormValues.list(actionDescriptions);
        actionOwners = FormValues.list(actionOwners);
        actionDueDates = FormValues.list(actionDueDates);
    }

    /** The empty record of a meeting: every member marked as attending. */
    static MinutesForm attendedByAll(int version, List<UUID> members) {
        return new MinutesForm(version, "", List.of(), members, false, null, "", List.of(), List.of(), List.of());
    }

    /** The text at {@code index} of a parallel list, or blank when the list is shorter. */
    static String at(List<String> values, int index) {
        return index < values.size() ? values.get(index) : "";
    }
}
