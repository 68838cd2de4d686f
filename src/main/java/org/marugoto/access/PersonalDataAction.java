package org.marugoto.access;

/** What a user wants to do with a personal record. */
public enum PersonalDataAction {
    READ,
    SEARCH,
    WRITE,
    EXPORT
}
