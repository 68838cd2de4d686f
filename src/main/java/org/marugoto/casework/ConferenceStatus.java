package org.marugoto.casework;

/** A meeting's state. */
public enum ConferenceStatus {
    SCHEDULED,
    HELD,
    CANCELLED;
}
