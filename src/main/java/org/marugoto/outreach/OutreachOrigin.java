package org.marugoto.outreach;

/** Where the outreach record was opened from. */
public enum OutreachOrigin {
    DIRECT,
    CONSULTATION,
    /** A volunteer's concern (気になること). */
    CONCERN,
    /** A 多機関協働 case. */
    CASE
}
