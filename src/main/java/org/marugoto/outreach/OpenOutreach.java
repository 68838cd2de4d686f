package org.marugoto.outreach;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Opening an outreach record. {@code token} makes a second submit of the same form return the first record. */
public record OpenOutreach(
        UUID token,
        UUID householdId,
        List<UUID> personIds,
        OutreachSource source,
        @Nullable String sourceDetail,
        OutreachOrigin origin,
        @Nullable UUID originId,
        List<String> issueCodes,
        String worry,
        LocalDate firstConcernOn,
        UUID leadAccountId,
        List<UUID> involvedAgencyIds,
        @Nullable String involvedNote,
        List<KeyPersonInput> keyPersons) {

    public record KeyPersonInput(
            String name, String relation, @Nullable String note) {}

    @Override
    public String toString() {
        return "OpenOutreach[" + householdId + "]";
    }
}
