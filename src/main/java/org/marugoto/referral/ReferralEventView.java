package org.marugoto.referral;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One entry of a referral's history. */
public record ReferralEventView(
        Instant at,
        String actorUsername,
        String kind,
        @Nullable ReferralStatus fromStatus,
        @Nullable ReferralStatus toStatus,
        @Nullable String note) {}
