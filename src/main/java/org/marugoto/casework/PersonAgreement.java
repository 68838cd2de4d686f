package org.marugoto.casework;

/** The person's answer to the plan. */
public enum PersonAgreement {
    AGREED,
    AGREED_WITH_CHANGES;
}
