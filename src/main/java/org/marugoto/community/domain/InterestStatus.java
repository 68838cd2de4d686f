package org.marugoto.community.domain;

/** A resident's interest message: new, answered by the organiser, or handled (nothing more to do). */
public enum InterestStatus {
    NEW,
    ANSWERED,
    HANDLED
}
