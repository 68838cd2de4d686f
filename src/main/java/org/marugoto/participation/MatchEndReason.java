package org.marugoto.participation;

/** Why a match ended. */
public enum MatchEndReason {
    NOT_A_FIT,
    HEALTH,
    PERSON_STOPPED,
    HOST_STOPPED,
    /** Moved on to work or another place: a good ending. */
    MOVED_ON,
    OTHER
}
