package org.marugoto.watch;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Asking a named volunteer to watch a household: what for, how often, until when, and on what basis. */
public record AskToWatch(
        UUID volunteerAccountId,
        String watchFor,
        String frequency,
        @Nullable LocalDate validUntil,
        WatchBasis basis,
        @Nullable String basisNote,
        @Nullable String sharedNote) {}
