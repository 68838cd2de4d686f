package org.marugoto.consultation;

/** How the consultation reached the counter. */
public enum Channel {
    VISIT,
    PHONE,
    HOME_VISIT,
    MAIL,
    ONLINE,
    FROM_COMMUNITY,
    FROM_AGENCY
}
