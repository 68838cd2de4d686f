package org.marugoto.outreach;

/** Where outreach connected the person (つないだ). */
public enum ConnectedTo {
    /** A 多機関協働 case. */
    CASE,
    /** 参加支援. */
    PARTICIPATION,
    /** An ordinary service of an agency. */
    SERVICE
}
