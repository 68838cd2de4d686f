package org.marugoto.referral;

/** How a completed referral ended for the person. */
public enum ReferralOutcome {
    GOT_HELP,
    REFERRED_ELSEWHERE,
    NOT_ELIGIBLE,
    COULD_NOT_CONTACT,
    NO_LONGER_WANTED,
    OTHER
}
