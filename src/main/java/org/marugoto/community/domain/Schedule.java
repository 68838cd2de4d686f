package org.marugoto.community.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A small recurrence rule: every week on some weekdays (毎週火曜), or every month on the nth weeks' weekday
 * (毎月第2・第4水曜; week 5 means the last one of the month), from {@code start} to {@code end}, with dated
 * cancellations (お休みの日).
 */
public record Schedule(
        ScheduleKind kind,
        Set<DayOfWeek> weekdays,
        List<Integer> nthWeeks,
        LocalTime start,
        LocalTime end,
        SortedSet<LocalDate> cancelled,
        @Nullable String note) {

    /** Week number that stands for the last such weekday of the month. */
    public static final int LAST = 5;

    public Schedule {
        if (weekdays.isEmpty()) {
            throw new IllegalArgumentException("a schedule needs a weekday");
        }
        if (kind == ScheduleKind.MONTHLY && nthWeeks.isEmpty()) {
            throw new IllegalArgumentException("a monthly schedule needs its weeks");
        }
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a schedule ends after it starts");
        }
        weekdays = Set.copyOf(EnumSet.copyOf(weekdays));
        nthWeeks = nthWeeks.stream().sorted().distinct().toList();
        cancelled = new TreeSet<>(cancelled);
    }

    /** One date of the schedule; a cancelled one is still listed so that residents learn of it. */
    public record Occurrence(LocalDate date, LocalTime start, LocalTime end, boolean cancelled) {}

    /** The dates from {@code from} to {@code to} (both inclusive), cancelled ones marked. */
    public List<Occurrence> between(LocalDate from, LocalDate to) {
        List<Occurrence> dates = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (fallsOn(d)) {
                dates.add(new Occurrence(d, start, end, cancelled.contains(d)));
            }
        }
        return dates;
    }

    /** The next {@code count} dates from {@code from} (inclusive), cancelled ones included and marked. */
    public List<Occurrence> next(LocalDate from, int count) {
        List<Occurrence> dates = new ArrayList<>();
        LocalDate limit = from.plusYears(1);
        for (LocalDate d = from; dates.size() < count && !d.isAfter(limit); d = d.plusDays(1)) {
            if (fallsOn(d)) {
                dates.add(new Occurrence(d, start, end, cancelled.contains(d)));
            }
        }
        return dates;
    }

    /** Whether the rule names this date (whether or not it is cancelled). */
    public boolean fallsOn(LocalDate date) {
        if (!weekdays.contains(date.getDayOfWeek())) {
            return false;
        }
        if (kind == ScheduleKind.WEEKLY) {
            return true;
        }
        int nth = (date.getDayOfMonth() - 1) / 7 + 1;
        if (nthWeeks.contains(nth)) {
            return true;
        }
        return nthWeeks.contains(LAST) && date.equals(date.with(TemporalAdjusters.lastInMonth(date.getDayOfWeek())));
    }

    /** The rule in words: 「毎月 第2・第4 水曜 10:00〜12:00」, "Every month, 2nd and 4th Wed, 10:00–12:00". */
    public String describe(Locale locale) {
        boolean japanese = "ja".equals(locale.getLanguage());
        String days = weekdays.stream()
                .sorted()
                .map(d -> d.getDisplayName(TextStyle.SHORT, japanese ? Locale.JAPANESE : Locale.ENGLISH))
                .collect(Collectors.joining(japanese ? "・" : ", "));
        String times = start + (japanese ? "〜" : "–") + end;
        if (japanese) {
            if (kind == ScheduleKind.WEEKLY) {
                return "毎週 " + days + "曜 " + times;
            }
            String weeks =
                    nthWeeks.stream().map(n -> n == LAST ? "最終" : "第" + n).collect(Collectors.joining("・"));
            return "毎月 " + weeks + " " + days + "曜 " + times;
        }
        if (kind == ScheduleKind.WEEKLY) {
            return "Every week: " + days + ", " + times;
        }
        String weeks = nthWeeks.stream().map(Schedule::ordinal).collect(Collectors.joining(" and "));
        return "Every month: " + weeks + " " + days + ", " + times;
    }

    private static String ordinal(int n) {
        return switch (n) {
            case 1 -> "1st";
            case 2 -> "2nd";
            case 3 -> "3rd";
            case LAST -> "last";
            default -> n + "th";
        };
    }

    /** Weekdays as stored: "TUE,THU". */
    public String weekdayCodes() {
        return weekdays.stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
    }

    public static Set<DayOfWeek> parseWeekdays(String codes) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String code : codes.split(",")) {
            String c = code.strip();
            if (!c.isEmpty()) {
                Arrays.stream(DayOfWeek.values())
                        .filter(d -> d.name().startsWith(c))
                        .findFirst()
                        .ifPresent(days::add);
            }
        }
        return days;
    }

    public static List<Integer> parseWeeks(@Nullable String codes) {
        if (codes == null || codes.isBlank()) {
            return List.of();
        }
        return Arrays.stream(codes.split(","))
                .map(String::strip)
                .map(Integer::valueOf)
                .toList();
    }

    public static SortedSet<LocalDate> parseDates(@Nullable String codes) {
        SortedSet<LocalDate> dates = new TreeSet<>();
        if (codes != null) {
            for (String c : codes.split(",")) {
                if (!c.isBlank()) {
                    dates.add(LocalDate.parse(c.strip()));
                }
            }
        }
        return dates;
    }
}
