package org.marugoto.consultation;

/** The person's consent to share information with other agencies, as asked at intake. */
public enum ConsentStatus {
    GIVEN,
    REFUSED,
    NOT_ASKED
}
