package org.marugoto.shared.work;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One thing to do, one click from where it is done.
 *
 * @param label what it is, as the user may see it (a reference number and, where they may see it, a name)
 * @param detail a short line more (who sent it, the summary), or null
 * @param href the page where it is done (relative to the application, e.g. {@code /referrals/…})
 * @param due the date it is due, or null
 * @param at when it happens or happened (a meeting), or null
 * @param urgent past its date or marked urgent: shown with a warning tag
 * @param tagKeys message keys of short state tags (e.g. {@code referral.status.SENT})
 */
public record WorkItem(
        String label,
        @Nullable String detail,
        String href,
        @Nullable LocalDate due,
        @Nullable Instant at,
        boolean urgent,
        List<String> tagKeys) {

    public WorkItem {
        if (!href.startsWith("/") || href.startsWith("//")) {
            throw new IllegalArgumentException("a work item links inside the application: " + href);
        }
        tagKeys = List.copyOf(tagKeys);
    }
}
