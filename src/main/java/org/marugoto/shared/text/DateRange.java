package org.marugoto.shared.text;

import java.time.LocalDate;
import java.util.Objects;

/** An inclusive range of days, as searched for when only a year or a month of birth is known. */
public record DateRange(LocalDate from, LocalDate to) {

    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("range ends before it starts: " + from + " to " + to);
        }
    }

    public static DateRange of(LocalDate day) {
        return new DateRange(day, day);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
