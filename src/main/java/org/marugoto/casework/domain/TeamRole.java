package org.marugoto.casework.domain;

/** A team member's part in the case. */
public enum TeamRole {
    LEAD,
    MEMBER,
    ADVISOR;
}
