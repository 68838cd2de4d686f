package org.marugoto.outreach;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.people.PersonCommand;

/**
 * Opening a record from a volunteer's concern about someone not registered yet: the person is registered (a new
 * household of one), the concern is tied to that household, and the record opened for them, in one step.
 */
public record OpenForNewPerson(
        UUID token,
        UUID concernId,
        PersonCommand person,
        OutreachSource source,
        @Nullable String sourceDetail,
        List<String> issueCodes,
        String worry,
        LocalDate firstConcernOn,
        UUID leadAccountId,
        List<UUID> involvedAgencyIds,
        @Nullable String involvedNote,
        List<OpenOutreach.KeyPersonInput> keyPersons) {

    @Override
    public String toString() {
        return "OpenForNewPerson[" + concernId + "]";
    }
}
