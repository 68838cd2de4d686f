package org.marugoto.outreach;

/** What came of an attempt. */
public enum AttemptOutcome {
    NO_ANSWER,
    /** ドア越しに話せた. */
    THROUGH_DOOR,
    MET,
    REFUSED,
    LEFT_NOTE,
    /** 様子を聞けた (from someone around the person). */
    HEARD_OF,
    OTHER
}
