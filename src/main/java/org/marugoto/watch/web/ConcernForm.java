package org.marugoto.watch.web;

import static org.marugoto.shared.web.FormValues.orDefault;
import static org.marugoto.shared.web.FormValues.text;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.watch.ConcernUrgency;

/** A volunteer's concern: about a watched household (requestId) or someone not known yet. */
public record ConcernForm(
        @Nullable UUID requestId,
        @Size(max = 200) String aboutWho,
        @Size(max = 300) String location,
        @NotBlank @Size(max = 2000) String noticed,
        @NotNull ConcernUrgency urgency,
        @NotNull @Nullable UUID toAgencyId) {

    public ConcernForm {
        aboutWho = text(aboutWho);
        location = text(location);
        noticed = text(noticed);
        urgency = orDefault(urgency, ConcernUrgency.ROUTINE);
    }

    /** The empty form, about a watched household when one is given, to the agency that should hear of it. */
    static ConcernForm empty(@Nullable UUID requestId, @Nullable UUID toAgencyId) {
        return new ConcernForm(requestId, "", "", "", ConcernUrgency.ROUTINE, toAgencyId);
    }

    /** What was typed may be personal data or a secret: never printed (logs, error reports). */
    @Override
    public String toString() {
        return "ConcernForm[…]";
    }
}
