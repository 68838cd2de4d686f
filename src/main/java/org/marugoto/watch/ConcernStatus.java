package org.marugoto.watch;

/** A concern is new until a professional of the agency it was sent to takes it up. */
public enum ConcernStatus {
    NEW,
    TAKEN_UP
}
