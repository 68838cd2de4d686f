package org.marugoto.people;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One line on the household timeline. {@code messageKey} and {@code arguments} are translated on the page; {@code
 * link} points to the record when the user may open it; {@code dateOnly} when the time of day is not known.
 */
public record TimelineEntry(
        Instant at,
        boolean dateOnly,
        String messageKey,
        List<Object> arguments,
        @Nullable String link) {}
