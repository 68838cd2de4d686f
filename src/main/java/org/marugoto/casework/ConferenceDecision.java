package org.marugoto.casework;

/** What a meeting can decide. */
public enum ConferenceDecision {
    START_SUPPORT,
    APPROVE_PLAN,
    EVALUATE,
    CONTINUE,
    CLOSE;
}
