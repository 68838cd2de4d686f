package org.marugoto.shared.web;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a form record's compact constructor does with what the binder hands it: a field that was not posted arrives as
 * null (decision 0024) and becomes the form's empty value, so the rest of the code sees no nulls where the form says
 * "not null".
 */
public final class FormValues {

    private FormValues() {}

    /** Text as typed, "" when the field was not posted. Stripping is the command's business. */
    public static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    /** The ticked values, none when nothing was ticked; unmodifiable, without nulls (an empty option binds to null). */
    public static <T> List<T> list(@Nullable List<T> values) {
        return values == null
                ? Collections.emptyList()
                : values.stream().filter(Objects::nonNull).toList();
    }

    /** A value that has a default when the field was not posted at all (a checkbox also posts its marker field). */
    public static <T> T orDefault(@Nullable T value, T fallback) {
        return value == null ? fallback : value;
    }

    /**
     * A value the form declares {@code @NotNull}, read after validation passed: the binder may leave it null, the
     * command may not take it so.
     */
    public static <T> T validated(@Nullable T value, String field) {
        if (value == null) {
            throw new IllegalStateException(field + " is @NotNull and was validated");
        }
        return value;
    }
}
