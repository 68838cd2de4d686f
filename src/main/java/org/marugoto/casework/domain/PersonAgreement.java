package org.marugoto.casework.domain;

/** The person's answer to the plan. */
public enum PersonAgreement {
    AGREED,
    AGREED_WITH_CHANGES;
}
