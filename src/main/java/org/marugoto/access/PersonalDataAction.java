package org.marugoto.access;

/** What a user wants to do with a personal record. */
public enum PersonalDataAction {
    READ,
    SEARCH,
    WRITE,
    EXPORT,
    /**
     * See the withheld address and contact details of a person under DV/stalking protection (支援措置): the privacy
     * officer only, whatever the record's agency; audited as a read with this action named.
     */
    REVEAL
}
