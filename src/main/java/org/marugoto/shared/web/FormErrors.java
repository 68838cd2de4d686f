package org.marugoto.shared.web;

import org.marugoto.shared.RuleViolation;
import org.springframework.validation.BindingResult;

/** Puts a service's rule violation on the form, at its field when it names one. */
public final class FormErrors {

    private FormErrors() {}

    public static void reject(BindingResult result, RuleViolation violation) {
        if (violation.field() != null) {
            result.rejectValue(violation.field(), violation.messageKey(), violation.arguments(), null);
        } else {
            result.reject(violation.messageKey(), violation.arguments(), null);
        }
    }

    /** A stale edit: someone else saved first. The form is shown again with the newer data. */
    public static void rejectStale(BindingResult result) {
        result.reject("error.staleEdit");
    }
}
