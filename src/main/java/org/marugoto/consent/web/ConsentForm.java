package org.marugoto.consent.web;

import static org.marugoto.shared.web.FormValues.list;
import static org.marugoto.shared.web.FormValues.orDefault;
import static org.marugoto.shared.web.FormValues.text;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.consent.ConsentGiver;
import org.marugoto.consent.ConsentMethod;
import org.marugoto.consent.ConsentPurpose;

/** The consent form: dates as typed (和暦 or 西暦), read by {@code DateInput}. */
public record ConsentForm(
        List<UUID> personIds,
        @NotNull ConsentGiver givenBy,
        @Size(max = 100) String representativeName,
        @Size(max = 100) String representativeRelation,
        List<UUID> agencyIds,
        List<ConsentPurpose> purposes,
        @NotNull @Nullable ConsentMethod method,
        @Size(max = 100) String witness,
        String givenOn,
        String validUntil,
        @Size(max = 500) String note) {

    public ConsentForm {
        personIds = list(personIds);
        givenBy = orDefault(givenBy, ConsentGiver.PERSON);
        representativeName = text(representativeName);
        representativeRelation = text(representativeRelation);
        agencyIds = list(agencyIds);
        purposes = list(purposes);
        witness = text(witness);
        givenOn = text(givenOn);
        validUntil = text(validUntil);
        note = text(note);
    }

    /** The empty form, given by the person on the day typed in. */
    static ConsentForm empty(String givenOn) {
        return new ConsentForm(List.of(), ConsentGiver.PERSON, "", "", List.of(), List.of(), null, "", givenOn, "", "");
    }

    /** What was typed may be personal data or a secret: never printed (logs, error reports). */
    @Override
    public String toString() {
        return "ConsentForm[…]";
    }
}
