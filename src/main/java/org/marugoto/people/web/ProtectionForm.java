package org.marugoto.people.web;

import static org.marugoto.shared.web.FormValues.list;
import static org.marugoto.shared.web.FormValues.text;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.people.ProtectionKind;

/** Marking a person as protected (支援措置). Dates are typed in 和暦 or 西暦 and read by {@code DateInput}. */
public record ProtectionForm(
        @NotNull @Nullable ProtectionKind kind,
        @NotBlank String validFrom,
        String validUntil,
        @NotBlank @Size(max = 200) String requestingOffice,
        @Size(max = 2000) String note,
        List<UUID> memberPersonIds) {

    public ProtectionForm {
        validFrom = text(validFrom);
        validUntil = text(validUntil);
        requestingOffice = text(requestingOffice);
        note = text(note);
        memberPersonIds = list(memberPersonIds);
    }

    static ProtectionForm empty() {
        return new ProtectionForm(null, "", "", "", "", List.of());
    }

    /** The note may say where the person is: never printed. */
    @Override
    public String toString() {
        return "ProtectionForm[kind=" + kind + "]";
    }
}
