package org.marugoto.people;

/** Why someone stopped being a member of a household. */
public enum MembershipEnd {
    MOVED_OUT,
    DIED,
    ENTERED_FACILITY,
    HOUSEHOLD_SPLIT,
    OTHER
}
