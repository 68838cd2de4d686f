package org.marugoto.shared.text;

import org.jspecify.annotations.Nullable;

/** Text that may be missing or blank: records keep null for "not given". */
public final class Texts {

    private Texts() {}

    /** The text without surrounding spaces, or null when nothing was typed. */
    public static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
