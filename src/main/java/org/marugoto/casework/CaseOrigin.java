package org.marugoto.casework;

/** What led to the case. */
public enum CaseOrigin {
    CONSULTATION,
    REFERRAL,
    DIRECT;
}
