package org.marugoto.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.marugoto.shared.Japan;
import org.marugoto.shared.text.JapaneseDates;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats dates and times for the screen in Japan time: 和暦 with 西暦 in Japanese, ISO in English. Templates call it
 * as {@code ${@display.dateTime(value)}}.
 */
@Component("display")
public class Display {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    public ZoneId zone() {
        return Japan.ZONE;
    }

    public String dateTime(@Nullable Instant instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime local = instant.atZone(Japan.ZONE);
        return date(local.toLocalDate()) + " " + TIME.format(local);
    }

    public String date(@Nullable LocalDate date) {
        if (date == null) {
            return "";
        }
        if (Locale.JAPANESE.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage())) {
            return JapaneseDates.format(date);
        }
        return date.toString();
    }
}
