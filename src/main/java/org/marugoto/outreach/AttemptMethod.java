package org.marugoto.outreach;

/** How an attempt to reach the person was made. */
public enum AttemptMethod {
    VISIT,
    LETTER,
    PHONE,
    VIA_COMMISSIONER,
    AT_PLACE,
    VIA_NEIGHBOUR,
    VIA_FAMILY,
    OTHER
}
