package org.marugoto.audit;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an auditor searches the trail by; every given filter must match. {@code person} (a name or reading) and
 * {@code household} (a household number) find the records that reveal that person or household.
 */
public record AuditQuery(
        @Nullable UUID record,
        @Nullable String person,
        @Nullable String household,
        @Nullable String staff,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {

    public boolean isEmpty() {
        return record == null && blank(person) && blank(household) && blank(staff) && from == null && to == null;
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
