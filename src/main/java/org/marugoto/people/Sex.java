package org.marugoto.people;

/** Sex or gender as the person states it. */
public enum Sex {
    FEMALE,
    MALE,
    OTHER,
    NOT_STATED
}
