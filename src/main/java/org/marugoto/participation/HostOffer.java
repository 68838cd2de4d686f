package org.marugoto.participation;

/** What a host can offer a newcomer. */
public enum HostOffer {
    ACCOMPANIMENT,
    ADJUSTMENTS,
    TRANSPORT,
    SHORT_HOURS
}
