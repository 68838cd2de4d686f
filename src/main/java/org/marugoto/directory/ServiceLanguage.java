package org.marugoto.directory;

/**
 * A language a service is offered in, with its ISO 639 code for the HSDS export. やさしい日本語 (plain Japanese for
 * residents still learning it) has no code of its own and is exported as Japanese with a note.
 */
public enum ServiceLanguage {
    JAPANESE("ja"),
    EASY_JAPANESE("ja"),
    ENGLISH("en"),
    CHINESE("zh"),
    KOREAN("ko"),
    VIETNAMESE("vi"),
    PORTUGUESE("pt"),
    SPANISH("es"),
    TAGALOG("tl"),
    NEPALI("ne"),
    INDONESIAN("id"),
    THAI("th"),
    /** 日本手話 (ISO 639-3). */
    JAPANESE_SIGN_LANGUAGE("jsl");

    private final String isoCode;

    ServiceLanguage(String isoCode) {
        this.isoCode = isoCode;
    }

    /** ISO 639-1, or ISO 639-3 where there is no two-letter code. */
    public String isoCode() {
        return isoCode;
    }
}
