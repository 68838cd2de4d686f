package org.marugoto.people.linkage;

/** What the engine makes of a pair. It never merges: even a {@link #MATCH} is only a suggestion. */
public enum Decision {
    /** Above the upper threshold: suggested as the same person. */
    MATCH,
    /** Between the thresholds: a person must look. */
    REVIEW,
    /** Below the lower threshold, or ruled out (same household, parent and child). */
    NON_MATCH
}
