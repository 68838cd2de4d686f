package org.marugoto.casework.web;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/**
 * What the casework form records share. Records are bound through their constructor (Spring's constructor binding,
 * nested records and indexed lists included): a list the request does not carry arrives as {@code null}, and a row
 * missing between two indexes (a row removed in the browser) as a {@code null} element.
 */
final class Forms {

    private Forms() {}

    /** The list without missing elements; an empty list for none. */
    static <T> List<T> list(@Nullable List<@Nullable T> values) {
        return values == null
                ? List.of()
                : values.stream().filter(Objects::nonNull).toList();
    }

    /**
     * Puts a form into the model that differs from the one the request was bound to (rows added for the page), with
     * the binding's errors and rejected values carried over: Thymeleaf reads field values from the object the
     * binding result belongs to, so the result must belong to the form the page shows.
     */
    static void show(Model model, String name, Object form, @Nullable BindingResult bound) {
        BindingResult result = new BeanPropertyBindingResult(form, name);
        if (bound != null) {
            result.addAllErrors(bound);
        }
        model.addAttribute(name, form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, result);
    }
}
