package org.marugoto.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.marugoto.shared.Japan;
import org.marugoto.shared.text.JapaneseDates;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats dates and times for the screen in Japan time, in one form: 和暦 in Japanese ("令和8年12月5日"), day, short
 * month and year in English ("5 Dec 2026"). Templates call it as {@code ${@display.dateTime(value)}}. Forms' date
 * inputs keep their own formats.
 */
@Component("display")
public class Display {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final Pattern INSTANT =
            Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?Z");

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
            return JapaneseDates.wareki(date);
        }
        return ENGLISH_DATE.format(date);
    }

    /**
     * The text with every instant written in it by machine ("2026-11-14T16:50:10.229951Z", as older notes hold)
     * shown as {@link #dateTime(Instant)}: free text is left as it is.
     */
    public String instantsIn(@Nullable String text) {
        if (text == null) {
            return "";
        }
        Matcher matcher = INSTANT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            try {
                replacement = dateTime(Instant.parse(matcher.group()));
            } catch (DateTimeParseException e) {
                replacement = matcher.group();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
