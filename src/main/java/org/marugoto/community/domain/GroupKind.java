package org.marugoto.community.domain;

/** Who runs an activity. */
public enum GroupKind {
    /** 地区社協 */
    DISTRICT_COUNCIL,
    /** 自治会・町内会 */
    NEIGHBOURHOOD_ASSOCIATION,
    NPO,
    VOLUNTEER_GROUP,
    BUSINESS,
    SCHOOL,
    OTHER
}
