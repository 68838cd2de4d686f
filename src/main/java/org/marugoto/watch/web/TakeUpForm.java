package org.marugoto.watch.web;

import static org.marugoto.shared.web.FormValues.orDefault;
import static org.marugoto.shared.web.FormValues.text;

import jakarta.validation.constraints.Size;

/** Taking up a concern: an optional note for the agency, an optional consultation (its id or address), the version. */
public record TakeUpForm(
        Integer version,
        @Size(max = 1000) String note,
        @Size(max = 200) String consultation) {

    public TakeUpForm {
        version = orDefault(version, 0);
        note = text(note);
        consultation = text(consultation);
    }

    static TakeUpForm empty(int version) {
        return new TakeUpForm(version, "", "");
    }

    TakeUpForm withVersion(int newer) {
        return new TakeUpForm(newer, note, consultation);
    }

    /** What was typed may be personal data or a secret: never printed (logs, error reports). */
    @Override
    public String toString() {
        return "TakeUpForm[version=" + version + "]";
    }
}
