package org.marugoto.consultation;

/** What the counter did first. A counter never refuses: it answers, informs, refers, escalates or reaches out. */
public enum FirstResponse {
    ANSWERED_AT_COUNTER,
    INFORMATION_GIVEN,
    REFERRED,
    ESCALATED_TO_MULTI_AGENCY,
    OUTREACH_NEEDED
}
