package org.marugoto.casework.web;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.casework.ProgressKind;

/** A progress record (経過記録) written on the case page: when, what kind of contact, with whom, what happened. */
record ProgressForm(
        String occurredAt, ProgressKind kind, @Nullable UUID personId, String body) {

    ProgressForm {
        occurredAt = Objects.requireNonNullElse(occurredAt, "");
        kind = Objects.requireNonNullElse(kind, ProgressKind.CONTACT);
        body = Objects.requireNonNullElse(body, "");
    }
}
