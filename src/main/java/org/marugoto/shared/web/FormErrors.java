package org.marugoto.shared.web;

import org.jspecify.annotations.Nullable;
import org.marugoto.shared.RuleViolation;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/** Puts a service's rule violation on the form, at its field when it names one. */
public final class FormErrors {

    private FormErrors() {}

    public static void reject(BindingResult result, RuleViolation violation) {
        if (violation.field() != null && onForm(result, violation.field())) {
            result.rejectValue(violation.field(), violation.messageKey(), violation.arguments(), null);
        } else {
            result.reject(violation.messageKey(), violation.arguments(), null);
        }
    }

    /**
     * Whether the form has the field the service named. A service names its own fields (a consultation's
     * {@code receivedAt} is the form's date and time): those go at the top of the form, not into a 500.
     */
    private static boolean onForm(BindingResult result, String field) {
        Object target = result.getTarget();
        return target == null
                || PropertyAccessorFactory.forBeanPropertyAccess(target).isReadableProperty(field);
    }

    /** A stale edit: someone else saved first. The form is shown again with the newer data. */
    public static void rejectStale(BindingResult result) {
        result.reject("error.staleEdit");
    }

    /**
     * Shows another copy of a record form (say, with the newer version after a stale edit) together with the errors
     * already found: putting a different object under the form's name would otherwise drop its binding result.
     */
    public static void showWithErrors(Model model, BindingResult result, Object form) {
        show(model, result.getObjectName(), form, result);
    }

    /**
     * Puts a form into the model that differs from the one the request was bound to (a copy with rows added, or with
     * the newer version), with the errors of {@code bound}, if any: Thymeleaf reads field values from the object the
     * binding result belongs to, so the result must belong to the form the page shows.
     */
    public static void show(Model model, String name, Object form, @Nullable BindingResult bound) {
        BeanPropertyBindingResult carried = new BeanPropertyBindingResult(form, name);
        if (bound != null) {
            carried.addAllErrors(bound);
        }
        model.addAttribute(name, form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, carried);
    }
}
