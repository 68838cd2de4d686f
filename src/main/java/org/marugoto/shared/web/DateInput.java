package org.marugoto.shared.web;

import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.marugoto.shared.Japan;
import org.marugoto.shared.text.DateParse;
import org.marugoto.shared.text.JapaneseDates;
import org.springframework.validation.BindingResult;

/** Reads a date typed in 和暦 or 西暦 from a form field, putting a translated message at the field when it cannot. */
public final class DateInput {

    private DateInput() {}

    /**
     * @param required whether an empty field is an error
     * @param notInFuture whether a date after today is an error (dates of birth, events that happened)
     */
    public static @Nullable LocalDate read(
            BindingResult result, String field, @Nullable String text, boolean required, boolean notInFuture) {
        if (text == null || text.isBlank()) {
            if (required) {
                result.rejectValue(field, "NotBlank");
            }
            return null;
        }
        LocalDate today = LocalDate.now(Japan.ZONE);
        DateParse parsed = notInFuture ? JapaneseDates.parseBirthDate(text, today) : JapaneseDates.parse(text);
        if (parsed instanceof DateParse.Parsed ok) {
            return ok.date();
        }
        DateParse.Reason reason = ((DateParse.Invalid) parsed).reason();
        result.rejectValue(field, "validation.date." + reason.name().toLowerCase(Locale.ROOT));
        return null;
    }
}
