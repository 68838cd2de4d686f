package org.marugoto.outreach;

import java.util.Locale;

/** An engagement stage as the municipality named it (a row of {@code outreach_stage}). */
public record OutreachStage(String code, String labelJa, String labelEn, int sortOrder, StageKind kind) {

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelJa;
    }
}
