package org.marugoto.watch.web;

import static org.marugoto.shared.web.FormValues.text;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.watch.WatchBasis;

/** Asking a volunteer to watch a household. The date is typed (和暦 or 西暦) and read by {@code DateInput}. */
public record WatchForm(
        @NotNull @Nullable UUID volunteerId,
        @NotBlank @Size(max = 1000) String watchFor,
        @NotBlank @Size(max = 200) String frequency,
        String validUntil,
        @NotNull @Nullable WatchBasis basis,
        @Size(max = 300) String basisNote,
        @Size(max = 1000) String sharedNote) {

    public WatchForm {
        watchFor = text(watchFor);
        frequency = text(frequency);
        validUntil = text(validUntil);
        basisNote = text(basisNote);
        sharedNote = text(sharedNote);
    }

    static WatchForm empty() {
        return new WatchForm(null, "", "", "", null, "", "");
    }

    /** What was typed may be personal data or a secret: never printed (logs, error reports). */
    @Override
    public String toString() {
        return "WatchForm[…]";
    }
}
