package org.marugoto.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.marugoto.community.domain.Schedule;
import org.marugoto.community.domain.ScheduleKind;

/** The recurrence rule: weekly weekdays, the nth weekday of the month (and the last), cancelled dates, in words. */
class ScheduleTests {

    static final LocalTime TEN = LocalTime.of(10, 0);
    static final LocalTime NOON = LocalTime.of(12, 0);

    @Test
    void everySecondWednesdayOfTheMonth() {
        Schedule s = new Schedule(
                ScheduleKind.MONTHLY, EnumSet.of(DayOfWeek.WEDNESDAY), List.of(2), TEN, NOON, new TreeSet<>(), null);
        assertThat(s.next(LocalDate.of(2026, 12, 1), 3))
                .extracting(Schedule.Occurrence::date)
                .containsExactly(LocalDate.of(2026, 12, 9), LocalDate.of(2027, 1, 13), LocalDate.of(2027, 2, 10));
        assertThat(s.describe(Locale.JAPANESE)).isEqualTo("毎月 第2 水曜 10:00〜12:00");
        assertThat(s.describe(Locale.ENGLISH)).isEqualTo("Every month: 2nd Wed, 10:00–12:00");
    }

    @Test
    void theLastSundayAndTheSecondAndFourthSaturdays() {
        Schedule last = new Schedule(
                ScheduleKind.MONTHLY,
                EnumSet.of(DayOfWeek.SUNDAY),
                List.of(Schedule.LAST),
                TEN,
                NOON,
                new TreeSet<>(),
                null);
        // November 2026 has five Sundays (1, 8, 15, 22, 29); December four (6, 13, 20, 27)
        assertThat(last.between(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31)))
                .extracting(Schedule.Occurrence::date)
                .containsExactly(LocalDate.of(2026, 11, 29), LocalDate.of(2026, 12, 27));
        Schedule twice = new Schedule(
                ScheduleKind.MONTHLY, EnumSet.of(DayOfWeek.SATURDAY), List.of(4, 2), TEN, NOON, new TreeSet<>(), null);
        assertThat(twice.between(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31)))
                .extracting(Schedule.Occurrence::date)
                .containsExactly(LocalDate.of(2026, 12, 12), LocalDate.of(2026, 12, 26));
        assertThat(twice.describe(Locale.JAPANESE)).isEqualTo("毎月 第2・第4 土曜 10:00〜12:00");
    }

    @Test
    void everyTuesdayAndThursdayWithACancelledDateStillListedAsCancelled() {
        TreeSet<LocalDate> cancelled = new TreeSet<>(List.of(LocalDate.of(2026, 12, 29)));
        Schedule s = new Schedule(
                ScheduleKind.WEEKLY,
                EnumSet.of(DayOfWeek.THURSDAY, DayOfWeek.TUESDAY),
                List.of(),
                TEN,
                NOON,
                cancelled,
                "年末はお休み");
        List<Schedule.Occurrence> dates = s.next(LocalDate.of(2026, 12, 22), 4);
        assertThat(dates)
                .extracting(Schedule.Occurrence::date)
                .containsExactly(
                        LocalDate.of(2026, 12, 22),
                        LocalDate.of(2026, 12, 24),
                        LocalDate.of(2026, 12, 29),
                        LocalDate.of(2026, 12, 31));
        assertThat(dates).extracting(Schedule.Occurrence::cancelled).containsExactly(false, false, true, false);
        assertThat(s.describe(Locale.JAPANESE)).isEqualTo("毎週 火・木曜 10:00〜12:00");
        assertThat(s.weekdayCodes()).isEqualTo("TUE,THU");
        assertThat(Schedule.parseWeekdays("TUE,THU")).containsExactlyInAnyOrder(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);
    }

    @Test
    void aScheduleNeedsAWeekdayAndAnEndAfterItsStart() {
        assertThatThrownBy(() -> new Schedule(
                        ScheduleKind.WEEKLY,
                        EnumSet.noneOf(DayOfWeek.class),
                        List.of(),
                        TEN,
                        NOON,
                        new TreeSet<>(),
                        null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule(
                        ScheduleKind.WEEKLY, EnumSet.of(DayOfWeek.MONDAY), List.of(), NOON, TEN, new TreeSet<>(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule(
                        ScheduleKind.MONTHLY,
                        EnumSet.of(DayOfWeek.MONDAY),
                        List.of(),
                        TEN,
                        NOON,
                        new TreeSet<>(),
                        null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
