package org.marugoto.people;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A date of birth known only approximately, as intake data often has it: a year and month (昭和49年7月), a year
 * (1974), or a year estimated from an age ("80歳くらい", {@code estimated}). A person has either an exact date of
 * birth or this, never both; screens mark it as estimated.
 *
 * @param year the year (for {@code estimated}, the year the age gave at the day it was typed)
 * @param month 1-12, or 0 when unknown
 */
public record ApproximateBirth(int year, int month, boolean estimated) {

    public ApproximateBirth {
        if (month < 0 || month > 12 || (estimated && month != 0)) {
            throw new IllegalArgumentException("month " + month);
        }
    }

    /** Whether it lies after {@code today} (a year or month still to come). */
    public boolean isAfter(LocalDate today) {
        return year > today.getYear() || (year == today.getYear() && month > today.getMonthValue());
    }

    /** The age in whole years on {@code day}, as far as it is known (the year's difference). */
    public int ageOn(LocalDate day) {
        return day.getYear() - year;
    }

    /** How the form shows it again, so that saving unchanged keeps it: 1974, 1974年7月, 1974年頃. */
    public String formText() {
        return estimated ? year + "年頃" : month == 0 ? String.valueOf(year) : year + "年" + month + "月";
    }

    public static @Nullable ApproximateBirth of(@Nullable Integer year, @Nullable Integer month, boolean estimated) {
        return year == null ? null : new ApproximateBirth(year, month == null ? 0 : month, estimated);
    }
}
