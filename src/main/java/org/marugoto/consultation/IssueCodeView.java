package org.marugoto.consultation;

import java.util.Locale;
import java.util.UUID;

/** One category of the issue code list. */
public record IssueCodeView(
        UUID id, String code, String nameJa, String nameEn, int sortOrder, boolean active, int version) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameJa;
    }
}
