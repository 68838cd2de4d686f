package org.marugoto.people;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Marks a person as protected (支援措置): the kind, the period, the office that asked for it (e.g.
 * 配偶者暴力相談支援センター, a police station), a note, and the household members named in it (masked as well).
 */
public record ProtectionCommand(
        ProtectionKind kind,
        LocalDate validFrom,
        @Nullable LocalDate validUntil,
        String requestingOffice,
        @Nullable String note,
        List<UUID> memberPersonIds) {

    /** The note may say where the person is: never printed. */
    @Override
    public String toString() {
        return "ProtectionCommand[kind=" + kind + ", validFrom=" + validFrom + ", validUntil=" + validUntil + "]";
    }
}
