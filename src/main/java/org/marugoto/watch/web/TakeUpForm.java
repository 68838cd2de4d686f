package org.marugoto.watch.web;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Taking up a concern: an optional note for the agency, an optional consultation (its id or address), the version. */
public class TakeUpForm {

    private int version;

    @Size(max = 1000)
    private String note = "";

    @Size(max = 200)
    private String consultation = "";

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public String getNote() {
        return note;
    }

    public void setNote(@Nullable String note) {
        this.note = note == null ? "" : note;
    }

    public String getConsultation() {
        return consultation;
    }

    public void setConsultation(@Nullable String consultation) {
        this.consultation = consultation == null ? "" : consultation;
    }
}
