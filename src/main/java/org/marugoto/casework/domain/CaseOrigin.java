package org.marugoto.casework.domain;

/** What led to the case. */
public enum CaseOrigin {
    CONSULTATION,
    REFERRAL,
    DIRECT;
}
