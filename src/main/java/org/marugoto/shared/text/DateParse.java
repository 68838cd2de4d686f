package org.marugoto.shared.text;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Outcome of parsing a date typed by a user: the date, or the reason it is not one, so that the form can say what
 * is wrong (平成32年 does not exist, 2月30日 does not exist, a birth date lies in the future) instead of "invalid date".
 */
public sealed interface DateParse {

    /** The date when parsing succeeded. */
    default Optional<LocalDate> toOptional() {
        return this instanceof Parsed parsed ? Optional.of(parsed.date()) : Optional.empty();
    }

    record Parsed(LocalDate date) implements DateParse {}

    record Invalid(Reason reason) implements DateParse {}

    enum Reason {
        /** Nothing but whitespace was typed. */
        EMPTY,
        /** The text is not a date in any notation we accept. */
        FORMAT,
        /** The era year does not exist (平成32年, 昭和65年, 令和0年) or the date lies outside its era (平成31年5月1日). */
        ERA_YEAR_OUT_OF_RANGE,
        /** Before 1873-01-01 (明治6年), when Japan adopted the Gregorian calendar; earlier dates were lunisolar. */
        BEFORE_MEIJI_6,
        /** The month or day does not exist (2月30日, 13月). */
        NO_SUCH_DAY,
        /** After today, for dates that cannot lie in the future such as a date of birth. */
        FUTURE
    }
}
