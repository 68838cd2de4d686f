package org.marugoto.community.domain;

/**
 * Where the working copy stands: waiting for a reviewer, returned to the organiser with a note, or published as it is
 * (residents see the published copy, which may be older than a pending working copy).
 */
public enum ReviewState {
    PENDING,
    RETURNED,
    PUBLISHED
}
