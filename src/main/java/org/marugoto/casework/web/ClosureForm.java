package org.marugoto.casework.web;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.marugoto.casework.ClosureOutcome;

/** Closing a case (終結): why, the evaluation, the person's own view and who keeps an eye on things afterwards. */
record ClosureForm(
        Integer version, @Nullable ClosureOutcome outcome, String evaluation, String personView, String followUp) {

    ClosureForm {
        version = Objects.requireNonNullElse(version, 0);
        evaluation = Objects.requireNonNullElse(evaluation, "");
        personView = Objects.requireNonNullElse(personView, "");
        followUp = Objects.requireNonNullElse(followUp, "");
    }

    ClosureForm withVersion(int version) {
        return new ClosureForm(version, outcome, evaluation, personView, followUp);
    }
}
