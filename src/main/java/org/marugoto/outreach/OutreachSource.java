package org.marugoto.outreach;

/** How the concern came to the agency. */
public enum OutreachSource {
    /** 民生委員・児童委員. */
    WELFARE_COMMISSIONER,
    NEIGHBOUR,
    /** 電気・ガス・水道、新聞、配達. */
    UTILITY_DELIVERY,
    SCHOOL,
    AGENCY,
    /** 居場所やサロンの世話人. */
    PLACE_ORGANISER,
    ANONYMOUS,
    FAMILY,
    OTHER
}
