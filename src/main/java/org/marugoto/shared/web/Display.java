package org.marugoto.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats dates and times for the screen in Japan time: 和暦 with 西暦 in Japanese, ISO-like in English. Templates
 * call it as {@code ${@display.dateTime(value)}}.
 */
@Component("display")
public class Display {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter ERA = DateTimeFormatter.ofPattern("GGGG", Locale.JAPANESE);
    /** The Japanese calendar in java.time starts on 明治6年1月1日 (the adoption of the Gregorian calendar). */
    private static final LocalDate MEIJI_6 = LocalDate.of(1873, 1, 1);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    public String dateTime(@Nullable Instant instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime local = instant.atZone(JAPAN);
        return date(local.toLocalDate()) + " " + TIME.format(local);
    }

    public String date(@Nullable LocalDate date) {
        if (date == null) {
            return "";
        }
        if (Locale.JAPANESE.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage())
                && !date.isBefore(MEIJI_6)) {
            return wareki(date) + "（" + date + "）";
        }
        return date.toString();
    }

    /** 令和元年5月1日: the first year of an era is written 元年. */
    public static String wareki(LocalDate date) {
        JapaneseDate japanese = JapaneseDate.from(date);
        int year = japanese.get(java.time.temporal.ChronoField.YEAR_OF_ERA);
        return ERA.format(japanese) + (year == 1 ? "元" : String.valueOf(year)) + "年" + date.getMonthValue() + "月"
                + date.getDayOfMonth() + "日";
    }
}
