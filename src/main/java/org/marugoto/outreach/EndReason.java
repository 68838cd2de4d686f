package org.marugoto.outreach;

/** Why outreach ended without connecting the person (終了). */
public enum EndReason {
    MOVED,
    DIED,
    /** 今は拒否: the door stays open; reopening keeps the history. */
    REFUSED_FOR_NOW,
    RESOLVED,
    OTHER
}
