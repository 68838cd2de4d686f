package org.marugoto.people;

/** How the person lives now. */
public enum LivingSituation {
    ALONE,
    WITH_FAMILY,
    WITH_OTHERS,
    FACILITY,
    HOSPITAL,
    UNSTABLE_HOUSING,
    HOMELESS,
    UNKNOWN
}
