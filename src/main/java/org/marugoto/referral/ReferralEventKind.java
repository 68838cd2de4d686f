package org.marugoto.referral;

/** What happened to a referral: the kinds of its history entries and of the {@link ReferralChanged} event. */
public enum ReferralEventKind {
    SENT,
    ACCEPTED,
    DECLINED,
    INFO_REQUESTED,
    INFO_PROVIDED,
    STARTED,
    COMPLETED,
    WITHDRAWN,
    FOLLOW_UP_CONFIRMED,
    OVERDUE;

    /** Whether the receiving agency is the one to tell (otherwise the sender is). */
    public boolean concernsReceiver() {
        return this == SENT || this == INFO_PROVIDED || this == WITHDRAWN || this == OVERDUE;
    }
}
