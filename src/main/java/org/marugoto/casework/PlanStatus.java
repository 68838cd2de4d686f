package org.marugoto.casework;

/** A support plan version: a draft being prepared, the agreed plan in force, or one replaced by a later version. */
public enum PlanStatus {
    DRAFT,
    AGREED,
    SUPERSEDED;
}
