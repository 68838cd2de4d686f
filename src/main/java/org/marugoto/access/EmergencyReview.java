package org.marugoto.access;

/** A reviewer's verdict on an emergency access. */
public enum EmergencyReview {
    JUSTIFIED,
    NOT_JUSTIFIED
}
