package org.marugoto.participation;

/** What kind of role or place an opportunity is (also the kind of an unmet need). */
public enum OpportunityKind {
    VOLUNTEER_ROLE,
    /** 就労体験. */
    JOB_TRIAL,
    /** 農福連携. */
    FARM,
    CAFE,
    /** 居場所での役割. */
    PLACE_ROLE,
    HOBBY,
    OTHER
}
