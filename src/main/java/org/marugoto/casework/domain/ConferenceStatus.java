package org.marugoto.casework.domain;

/** A meeting's state. */
public enum ConferenceStatus {
    SCHEDULED,
    HELD,
    CANCELLED;
}
