package org.marugoto.statistics.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.marugoto.shared.text.JapaneseDates;

/**
 * A reporting period: a calendar month, a quarter of the fiscal year (第1四半期 is April to June) or a fiscal year
 * (年度, April to March), with its code for URLs ({@code M2026-04}, {@code Q2026-1}, {@code FY2026}) and its label in
 * the Japanese era and in Western years.
 */
public record Period(Kind kind, int year, int part, LocalDate from, LocalDate to) {

    public enum Kind {
        MONTH,
        QUARTER,
        FISCAL_YEAR
    }

    private static final Pattern CODE = Pattern.compile("(?:M(\\d{4})-(\\d{2})|Q(\\d{4})-([1-4])|FY(\\d{4}))");

    public static Period month(int year, int month) {
        LocalDate from = LocalDate.of(year, month, 1);
        return new Period(Kind.MONTH, year, month, from, from.plusMonths(1).minusDays(1));
    }

    /** A quarter of fiscal year {@code fiscalYear}: 1 = April–June … 4 = January–March of the next year. */
    public static Period quarter(int fiscalYear, int quarter) {
        LocalDate from = LocalDate.of(fiscalYear, 4, 1).plusMonths(3L * (quarter - 1));
        return new Period(
                Kind.QUARTER, fiscalYear, quarter, from, from.plusMonths(3).minusDays(1));
    }

    public static Period fiscalYear(int fiscalYear) {
        LocalDate from = LocalDate.of(fiscalYear, 4, 1);
        return new Period(
                Kind.FISCAL_YEAR, fiscalYear, 0, from, from.plusYears(1).minusDays(1));
    }

    /** The fiscal year a day belongs to (January to March belong to the year before). */
    public static int fiscalYearOf(LocalDate day) {
        return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    }

    /** The period a code names, if it is one (years 2000 to 2100 only). */
    public static Optional<Period> parse(@Nullable String code) {
        if (code == null) {
            return Optional.empty();
        }
        Matcher m = CODE.matcher(code.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String y = m.group(1) != null ? m.group(1) : m.group(3) != null ? m.group(3) : m.group(5);
        int year = Integer.parseInt(y);
        if (year < 2000 || year > 2100) {
            return Optional.empty();
        }
        String month = m.group(2);
        if (month != null) {
            int mm = Integer.parseInt(month);
            return mm >= 1 && mm <= 12 ? Optional.of(month(year, mm)) : Optional.empty();
        }
        String quarter = m.group(4);
        return Optional.of(quarter != null ? quarter(year, Integer.parseInt(quarter)) : fiscalYear(year));
    }

    /**
     * The periods to choose from on a day: this and the four fiscal years before it, their quarters up to the current
     * one, and the last 24 months, newest first within each kind.
     */
    public static List<Period> choices(LocalDate today) {
        List<Period> periods = new ArrayList<>();
        int fy = fiscalYearOf(today);
        for (int y = fy; y > fy - 5; y--) {
            periods.add(fiscalYear(y));
        }
        for (int y = fy; y > fy - 2; y--) {
            for (int q = 4; q >= 1; q--) {
                Period p = quarter(y, q);
                if (!p.from().isAfter(today)) {
                    periods.add(p);
                }
            }
        }
        LocalDate month = today.withDayOfMonth(1);
        for (int i = 0; i < 24; i++) {
            LocalDate m = month.minusMonths(i);
            periods.add(month(m.getYear(), m.getMonthValue()));
        }
        return periods;
    }

    public String code() {
        return switch (kind) {
            case MONTH -> "M%04d-%02d".formatted(year, part);
            case QUARTER -> "Q%04d-%d".formatted(year, part);
            case FISCAL_YEAR -> "FY%04d".formatted(year);
        };
    }

    /** The era year of a day's year as officials write it: "令和8年", "令和元年". */
    static String eraYear(LocalDate day) {
        String wareki = JapaneseDates.wareki(day);
        int end = wareki.indexOf('年');
        return end < 0 ? Integer.toString(day.getYear()) : wareki.substring(0, end + 1);
    }

    /**
     * "令和8年度（2026年度）", "令和8年度 第1四半期（2026年4月〜6月）", "令和8年4月（2026年4月）"; in English "FY2026
     * (令和8年度)", "FY2026 Q1, April–June 2026 (令和8年度)", "April 2026 (令和8年4月)".
     */
    public String label(Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        String fyEra = eraYear(LocalDate.of(year, 4, 1)).replaceAll("年$", "年度");
        return switch (kind) {
            case FISCAL_YEAR -> en ? "FY%d (%s)".formatted(year, fyEra) : "%s（%d年度）".formatted(fyEra, year);
            case QUARTER ->
                en
                        ? "FY%d Q%d, %s %d – %s %d (%s)"
                                .formatted(
                                        year, part, monthName(from), from.getYear(), monthName(to), to.getYear(), fyEra)
                        : "%s 第%d四半期（%d年%d月〜%s%d月）"
                                .formatted(
                                        fyEra,
                                        part,
                                        from.getYear(),
                                        from.getMonthValue(),
                                        to.getYear() == from.getYear() ? "" : to.getYear() + "年",
                                        to.getMonthValue());
            case MONTH ->
                en
                        ? "%s %d (%s%d月)".formatted(monthName(from), year, eraYear(from), part)
                        : "%s%d月（%d年%d月）".formatted(eraYear(from), part, year, part);
        };
    }

    private static String monthName(LocalDate day) {
        return day.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
    }
}
