package org.marugoto.watch;

/** How soon the volunteer thinks someone should look at what they noticed. */
public enum ConcernUrgency {
    ROUTINE,
    SOON,
    URGENT
}
