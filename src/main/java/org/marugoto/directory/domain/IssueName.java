package org.marugoto.directory.domain;

import java.util.Locale;
import java.util.UUID;

/** One issue code (相談内容) with its names, as the directory shows it. */
public record IssueName(UUID id, String code, String nameJa, String nameEn, boolean active) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameJa;
    }
}
