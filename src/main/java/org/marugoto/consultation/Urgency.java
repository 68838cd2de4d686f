package org.marugoto.consultation;

/** How soon something must happen. */
public enum Urgency {
    EMERGENCY,
    HIGH,
    NORMAL,
    LOW
}
