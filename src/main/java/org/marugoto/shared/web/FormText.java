package org.marugoto.shared.web;

import org.jspecify.annotations.Nullable;

/** Form fields arrive as text that may be missing or blank; records keep null for "not given". */
public final class FormText {

    private FormText() {}

    public static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

    /** The text without surrounding spaces, or null when nothing was typed. */
    public static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
