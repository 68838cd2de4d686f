package org.marugoto.community.domain;

/** Who an activity is for. */
public enum Target {
    ANYONE,
    CHILDREN,
    PARENTS,
    ELDERLY,
    DISABILITIES,
    FOREIGN_RESIDENTS
}
