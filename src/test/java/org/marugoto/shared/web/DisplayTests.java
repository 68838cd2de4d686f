package org.marugoto.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

class DisplayTests {

    private final Display display = new Display();

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aDateIsShownInOneForm() {
        LocaleContextHolder.setLocale(Locale.JAPANESE);
        assertThat(display.date(LocalDate.of(2026, 12, 5))).isEqualTo("令和8年12月5日");
        assertThat(display.date(LocalDate.of(2019, 5, 1))).isEqualTo("令和元年5月1日");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(display.date(LocalDate.of(2026, 12, 5))).isEqualTo("5 Dec 2026");
    }

    @Test
    void instantsInTextAreShownInJapanTime() {
        LocaleContextHolder.setLocale(Locale.JAPANESE);
        assertThat(display.dateTime(Instant.parse("2026-11-14T16:50:10.229951Z")))
                .isEqualTo("令和8年11月15日 01:50");
        assertThat(display.instantsIn("支援会議 (Art. 106-6) 2026-11-14T16:50:10.229951Z"))
                .isEqualTo("支援会議 (Art. 106-6) 令和8年11月15日 01:50");
        assertThat(display.instantsIn("電話 2026-11-14 に連絡")).isEqualTo("電話 2026-11-14 に連絡");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(display.instantsIn("meeting 2026-11-14T16:50:10Z")).isEqualTo("meeting 15 Nov 2026 01:50");
    }
}
