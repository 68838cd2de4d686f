package org.marugoto.people.linkage;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.marugoto.shared.text.DateRange;
import org.marugoto.shared.text.JapaneseDates;
import org.marugoto.shared.text.JapaneseText;

/**
 * A date of birth as far as it is known: a day, a month, a year, or a year estimated from an age ("80歳くらい"). The
 * linkage engine compares exact days strictly and the rest loosely, at lower weight.
 *
 * @param year the year (for {@link Precision#AROUND_YEAR} the estimated one, give or take {@link #AROUND})
 * @param month 1-12, or 0 when unknown
 * @param day 1-31, or 0 when unknown
 */
public record ApproxDate(int year, int month, int day, Precision precision) {

    /** How far an estimated year may be off. */
    public static final int AROUND = 2;

    private static final Pattern AGE =
            Pattern.compile("(\\d{1,3})(?:歳|才)(?:くらい|ぐらい|位|前後|程度|頃)?|(?:約)(\\d{1,3})(?:歳|才)");

    public enum Precision {
        DAY,
        MONTH,
        YEAR,
        AROUND_YEAR
    }

    public static ApproxDate of(LocalDate date) {
        return new ApproxDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), Precision.DAY);
    }

    /**
     * Reads a date of birth as typed: any full date {@link JapaneseDates} accepts (和暦 or 西暦), a month or a year
     * (昭和49年7月, 1974), or an age at {@code today} ("80歳", "80歳くらい"). Empty when it is none of these.
     */
    public static Optional<ApproxDate> parse(@Nullable String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<LocalDate> full = JapaneseDates.parse(text).toOptional();
        if (full.isPresent()) {
            return Optional.of(of(full.get()));
        }
        String s = JapaneseText.normalize(text).replace(" ", "");
        Matcher age = AGE.matcher(s);
        if (age.matches()) {
            int years = Integer.parseInt(age.group(1) != null ? age.group(1) : age.group(2));
            if (years > 120) {
                return Optional.empty();
            }
            return Optional.of(new ApproxDate(today.getYear() - years, 0, 0, Precision.AROUND_YEAR));
        }
        Optional<DateRange> range = JapaneseDates.parseForSearch(text);
        if (range.isEmpty()) {
            return Optional.empty();
        }
        LocalDate from = range.get().from();
        LocalDate to = range.get().to();
        if (from.getYear() != to.getYear()) {
            return Optional.empty();
        }
        if (from.getMonthValue() == to.getMonthValue()) {
            return Optional.of(new ApproxDate(from.getYear(), from.getMonthValue(), 0, Precision.MONTH));
        }
        return Optional.of(new ApproxDate(from.getYear(), 0, 0, Precision.YEAR));
    }

    public boolean exact() {
        return precision == Precision.DAY;
    }

    /** The first possible day, for storing and sorting. */
    public LocalDate earliest() {
        int y = precision == Precision.AROUND_YEAR ? year - AROUND : year;
        return LocalDate.of(y, month == 0 ? 1 : month, day == 0 ? 1 : day);
    }

    /** The date as YYYYMMDD digits (only for exact dates). */
    String digits() {
        return "%04d%02d%02d".formatted(year, month, day);
    }

    /** Whether the two can be the same date of birth, given what each leaves open. */
    boolean compatibleWith(ApproxDate other) {
        int tolerance = (precision == Precision.AROUND_YEAR ? AROUND : 0)
                + (other.precision == Precision.AROUND_YEAR ? AROUND : 0);
        if (Math.abs(year - other.year) > tolerance) {
            return false;
        }
        if (tolerance > 0) {
            return true;
        }
        if (month != 0 && other.month != 0 && month != other.month) {
            return false;
        }
        return day == 0 || other.day == 0 || day == other.day;
    }
}
