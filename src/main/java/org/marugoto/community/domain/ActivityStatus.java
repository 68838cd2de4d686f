package org.marugoto.community.domain;

/** Whether an activity is taking place: open, paused for a while, or closed for good. */
public enum ActivityStatus {
    OPEN,
    PAUSED,
    CLOSED
}
