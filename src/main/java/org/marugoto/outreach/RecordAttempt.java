package org.marugoto.outreach;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One attempt to reach the person, in Japan time; {@code token} makes a double submit record it once. */
public record RecordAttempt(
        UUID token,
        LocalDateTime attemptedAt,
        AttemptMethod method,
        String whoWent,
        AttemptOutcome outcome,
        @Nullable String learned,
        @Nullable String nextStep,
        @Nullable LocalDate nextContactOn) {

    @Override
    public String toString() {
        return "RecordAttempt[" + method + "]";
    }
}
