package org.marugoto.casework;

/** A team member's part in the case. */
public enum TeamRole {
    LEAD,
    MEMBER,
    ADVISOR;
}
