package org.marugoto.casework;

/**
 * A support plan version: a draft being prepared, the agreed plan in force, one replaced by a later version, or the
 * plan that was in force when the case closed (ended: it stays ended when the case reopens and a new version starts).
 */
public enum PlanStatus {
    DRAFT,
    AGREED,
    SUPERSEDED,
    ENDED;
}
