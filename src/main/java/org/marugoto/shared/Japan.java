package org.marugoto.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The municipality's time zone: dates that people see and type ("today", due dates, birthdays) are Japanese dates. */
public final class Japan {

    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private Japan() {}

    /** Today's date in Japan by the application's clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
