package org.marugoto.casework;

/** How a goal turned out at a review or at closure. */
public enum GoalOutcome {
    ACHIEVED,
    PARTLY,
    NOT_ACHIEVED,
    CHANGED;
}
