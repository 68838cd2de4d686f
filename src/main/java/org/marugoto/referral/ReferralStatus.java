package org.marugoto.referral;

import java.util.EnumSet;
import java.util.Set;

/** Where a referral stands. The legal next states are part of the type, so that no screen can invent one. */
public enum ReferralStatus {
    SENT,
    INFO_REQUESTED,
    ACCEPTED,
    IN_PROGRESS,
    COMPLETED,
    DECLINED,
    WITHDRAWN;

    public Set<ReferralStatus> next() {
        return switch (this) {
            case SENT -> EnumSet.of(ACCEPTED, DECLINED, INFO_REQUESTED, WITHDRAWN);
            case INFO_REQUESTED -> EnumSet.of(SENT, WITHDRAWN);
            case ACCEPTED -> EnumSet.of(IN_PROGRESS, COMPLETED);
            case IN_PROGRESS -> EnumSet.of(COMPLETED);
            case COMPLETED, DECLINED, WITHDRAWN -> EnumSet.noneOf(ReferralStatus.class);
        };
    }

    /** Waiting for the receiving agency to answer. */
    public boolean awaitingResponse() {
        return this == SENT;
    }

    /** Accepted and being worked on by the receiving agency. */
    public boolean active() {
        return this == ACCEPTED || this == IN_PROGRESS;
    }

    public boolean closed() {
        return this == COMPLETED || this == DECLINED || this == WITHDRAWN;
    }
}
