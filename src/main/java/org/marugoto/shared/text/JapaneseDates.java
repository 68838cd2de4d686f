package org.marugoto.shared.text;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Dates as Japanese users and documents write them: in the Japanese era calendar (昭和45年4月1日, S45.4.1, R元.5.1)
 * or the Gregorian one (1970-04-01, 1970年4月1日, 19700401), in full or half width. Dates of birth of elderly
 * residents are known in era years, documents from other offices use abbreviations, and the case worker should not
 * have to convert.
 *
 * <p>The era boundaries are kept here instead of relying on {@link java.time.chrono.JapaneseDate}, because that class
 * throws for dates before 明治6年 and accepts an era year past the era's end (平成32年), which must be rejected.
 */
public final class JapaneseDates {

    /**
     * 1873-01-01 (明治6年1月1日): Japan used a lunisolar calendar before this day, so earlier dates given in era years
     * cannot be converted by a simple year offset, and {@link java.time.chrono.JapaneseDate} does not support them.
     */
    public static final LocalDate FIRST_GREGORIAN_DAY = LocalDate.of(1873, 1, 1);

    private static final String ERA = "(明治|大正|昭和|平成|令和|[明大昭平令MTSHR])";
    private static final String ERA_YEAR_NUMBER = "(元|\\d{1,3})";
    private static final String SEPARATOR = "[./\\-‐‑‒–—―−ー]";
    private static final String YEAR_END = "(?:年|" + SEPARATOR + ")";
    private static final String MONTH_END = "(?:月|" + SEPARATOR + ")";

    private static final Pattern ERA_DATE =
            era(ERA + ERA_YEAR_NUMBER + YEAR_END + "(\\d{1,2})" + MONTH_END + "(\\d{1,2})日?");
    private static final Pattern ERA_COMPACT_DATE = era(ERA + "(\\d{2})(\\d{2})(\\d{2})");
    private static final Pattern ERA_MONTH = era(ERA + ERA_YEAR_NUMBER + YEAR_END + "(\\d{1,2})月?");
    private static final Pattern ERA_YEAR = era(ERA + ERA_YEAR_NUMBER + "年?");
    private static final Pattern GREGORIAN_DATE =
            Pattern.compile("(\\d{4})" + YEAR_END + "(\\d{1,2})" + MONTH_END + "(\\d{1,2})日?");
    private static final Pattern GREGORIAN_COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern GREGORIAN_MONTH = Pattern.compile("(\\d{4})" + YEAR_END + "(\\d{1,2})月?");
    private static final Pattern GREGORIAN_YEAR = Pattern.compile("(\\d{4})年?");

    private static final Pattern WHITESPACE = Pattern.compile("\\p{IsWhite_Space}+");
    // decoration around the date that says nothing about it: 西暦1970年, 昭和45年4月1日生まれ
    private static final Pattern DECORATION = Pattern.compile("^西暦|(?:生まれ|生)$");

    private JapaneseDates() {}

    /** A full date in any accepted notation, or why it is not one. {@code null} and blank text are {@code EMPTY}. */
    public static DateParse parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return new DateParse.Invalid(DateParse.Reason.EMPTY);
        }
        String s = prepare(text);
        Matcher m = ERA_DATE.matcher(s);
        if (m.matches() || (m = ERA_COMPACT_DATE.matcher(s)).matches()) {
            Era era = Era.of(m.group(1));
            int eraYear = eraYear(m.group(2));
            if (!era.hasYear(eraYear)) {
                return new DateParse.Invalid(DateParse.Reason.ERA_YEAR_OUT_OF_RANGE);
            }
            return checked(era.gregorianYear(eraYear), number(m.group(3)), number(m.group(4)), era);
        }
        m = GREGORIAN_DATE.matcher(s);
        if (m.matches() || (m = GREGORIAN_COMPACT_DATE.matcher(s)).matches()) {
            return checked(number(m.group(1)), number(m.group(2)), number(m.group(3)), null);
        }
        return new DateParse.Invalid(DateParse.Reason.FORMAT);
    }

    /** As {@link #parse}, and {@code FUTURE} for a date after {@code today}: nobody is born tomorrow. */
    public static DateParse parseBirthDate(@Nullable String text, LocalDate today) {
        DateParse result = parse(text);
        if (result instanceof DateParse.Parsed parsed && parsed.date().isAfter(today)) {
            return new DateParse.Invalid(DateParse.Reason.FUTURE);
        }
        return result;
    }

    /**
     * The days a search term stands for: one day for a full date, the whole month for 昭和45年4月 or 1970/4, the
     * whole year for 昭和45年, S45 or 1970, since often only the year of birth is known. An era year or month is cut
     * to the era (昭和64年 = 1989-01-01 to 1989-01-07) and every range to days from {@link #FIRST_GREGORIAN_DAY}.
     * Empty when the text is no date or a date that does not exist.
     */
    public static Optional<DateRange> parseForSearch(@Nullable String text) {
        DateParse full = parse(text);
        if (full instanceof DateParse.Parsed parsed) {
            return Optional.of(DateRange.of(parsed.date()));
        }
        if (!(full instanceof DateParse.Invalid invalid) || invalid.reason() != DateParse.Reason.FORMAT) {
            return Optional.empty();
        }
        String s = prepare(text == null ? "" : text);
        Matcher m;
        if ((m = ERA_MONTH.matcher(s)).matches()) {
            Era era = Era.of(m.group(1));
            int eraYear = eraYear(m.group(2));
            return era.hasYear(eraYear) ? month(era.gregorianYear(eraYear), number(m.group(3)), era) : Optional.empty();
        }
        if ((m = ERA_YEAR.matcher(s)).matches()) {
            Era era = Era.of(m.group(1));
            int eraYear = eraYear(m.group(2));
            if (!era.hasYear(eraYear)) {
                return Optional.empty();
            }
            int year = era.gregorianYear(eraYear);
            return clipped(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), era);
        }
        if ((m = GREGORIAN_MONTH.matcher(s)).matches()) {
            return month(number(m.group(1)), number(m.group(2)), null);
        }
        if ((m = GREGORIAN_YEAR.matcher(s)).matches()) {
            int year = number(m.group(1));
            return clipped(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null);
        }
        return Optional.empty();
    }

    /**
     * The date in the Japanese era calendar, "昭和45年4月1日", with the first year of an era written 元年
     * ("令和元年5月1日"), as official documents do. ISO for dates before {@link #FIRST_GREGORIAN_DAY}, whose era
     * date would be lunisolar.
     */
    public static String wareki(LocalDate date) {
        if (date.isBefore(FIRST_GREGORIAN_DAY)) {
            return date.toString();
        }
        Era era = Era.at(date);
        int eraYear = date.getYear() - era.start.getYear() + 1;
        return era.name + (eraYear == 1 ? "元" : Integer.toString(eraYear)) + "年" + date.getMonthValue() + "月"
                + date.getDayOfMonth() + "日";
    }

    /**
     * "昭和45年4月1日（1970-04-01）": the way the UI shows dates of birth, since residents know their era date and
     * younger staff and other systems think in Gregorian years. Only ISO before {@link #FIRST_GREGORIAN_DAY}.
     */
    public static String format(LocalDate date) {
        if (date.isBefore(FIRST_GREGORIAN_DAY)) {
            return date.toString();
        }
        return wareki(date) + "（" + date + "）";
    }

    private static DateParse checked(int year, int month, int day, @Nullable Era era) {
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return new DateParse.Invalid(DateParse.Reason.NO_SUCH_DAY);
        }
        if (date.isBefore(FIRST_GREGORIAN_DAY)) {
            return new DateParse.Invalid(DateParse.Reason.BEFORE_MEIJI_6);
        }
        if (era != null && !era.contains(date)) {
            return new DateParse.Invalid(DateParse.Reason.ERA_YEAR_OUT_OF_RANGE);
        }
        return new DateParse.Parsed(date);
    }

    private static Optional<DateRange> month(int year, int month, @Nullable Era era) {
        if (month < 1 || month > 12) {
            return Optional.empty();
        }
        YearMonth yearMonth = YearMonth.of(year, month);
        return clipped(yearMonth.atDay(1), yearMonth.atEndOfMonth(), era);
    }

    private static Optional<DateRange> clipped(LocalDate from, LocalDate to, @Nullable Era era) {
        LocalDate start = later(from, FIRST_GREGORIAN_DAY);
        LocalDate end = to;
        if (era != null) {
            start = later(start, era.start);
            end = end.isAfter(era.end) ? era.end : end;
        }
        return end.isBefore(start) ? Optional.empty() : Optional.of(new DateRange(start, end));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static String prepare(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = WHITESPACE.matcher(s).replaceAll("");
        s = DECORATION.matcher(s).replaceAll("");
        // 昭和四十五年四月一日 as printed in vertical text
        return KanjiNumerals.replaceAllRuns(s);
    }

    private static int eraYear(String number) {
        return number.equals("元") ? 1 : number(number);
    }

    private static int number(String digits) {
        return Integer.parseInt(digits);
    }

    private static Pattern era(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    private enum Era {
        // Meiji was applied retroactively from 慶応4年1月1日; its start hardly matters since dates before
        // FIRST_GREGORIAN_DAY are rejected anyway
        MEIJI("明治", LocalDate.of(1868, 1, 25), LocalDate.of(1912, 7, 29)),
        TAISHO("大正", LocalDate.of(1912, 7, 30), LocalDate.of(1926, 12, 24)),
        SHOWA("昭和", LocalDate.of(1926, 12, 25), LocalDate.of(1989, 1, 7)),
        HEISEI("平成", LocalDate.of(1989, 1, 8), LocalDate.of(2019, 4, 30)),
        REIWA("令和", LocalDate.of(2019, 5, 1), LocalDate.MAX);

        final String name;
        final LocalDate start;
        final LocalDate end;

        Era(String name, LocalDate start, LocalDate end) {
            this.name = name;
            this.start = start;
            this.end = end;
        }

        static Era of(String notation) {
            return switch (Character.toUpperCase(notation.charAt(0))) {
                case '明', 'M' -> MEIJI;
                case '大', 'T' -> TAISHO;
                case '昭', 'S' -> SHOWA;
                case '平', 'H' -> HEISEI;
                case '令', 'R' -> REIWA;
                default -> throw new IllegalArgumentException("not an era: " + notation);
            };
        }

        static Era at(LocalDate date) {
            for (Era era : values()) {
                if (era.contains(date)) {
                    return era;
                }
            }
            throw new IllegalArgumentException("no era for " + date);
        }

        boolean hasYear(int eraYear) {
            return eraYear >= 1 && (this == REIWA || eraYear <= end.getYear() - start.getYear() + 1);
        }

        int gregorianYear(int eraYear) {
            return start.getYear() + eraYear - 1;
        }

        boolean contains(LocalDate date) {
            return !date.isBefore(start) && !date.isAfter(end);
        }
    }
}
