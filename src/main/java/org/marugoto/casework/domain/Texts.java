package org.marugoto.casework.domain;

import org.jspecify.annotations.Nullable;

final class Texts {

    private Texts() {}

    /** What the user typed, without surrounding blanks, or null when they typed nothing. */
    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
