package org.marugoto.casework;

/** Why a case was closed (終結). */
public enum ClosureOutcome {
    GOALS_MET,
    STABLE_WITH_OTHER_SUPPORT,
    PERSON_DECLINED,
    MOVED_AWAY,
    DIED,
    OTHER;
}
