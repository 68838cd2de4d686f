package org.marugoto.consent;

/** Whether a consent allows sharing today. */
public enum ConsentState {
    VALID,
    EXPIRED,
    WITHDRAWN
}
