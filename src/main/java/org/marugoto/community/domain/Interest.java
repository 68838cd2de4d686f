package org.marugoto.community.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A resident's interest message about an activity, for its organiser. Deleted after {@code deleteAfter}. */
public record Interest(
        UUID id,
        UUID activityId,
        String activityName,
        String name,
        String contact,
        String message,
        InterestStatus status,
        @Nullable String answer,
        @Nullable Instant answeredAt,
        @Nullable String answeredBy,
        Instant createdAt,
        Instant deleteAfter,
        int version) {

    @Override
    public String toString() {
        return "Interest[" + id + "]";
    }
}
