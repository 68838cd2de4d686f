package org.marugoto.consent;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A withdrawal: when the person said so, how, and why (if they said). It takes effect when it is recorded. */
public record ConsentWithdrawal(
        LocalDate withdrawnOn,
        ConsentMethod method,
        @Nullable String reason) {}
