package org.marugoto.consultation;

/** Who brought the consultation. */
public enum ConsulterType {
    SELF,
    FAMILY,
    NEIGHBOUR,
    WELFARE_COMMISSIONER,
    AGENCY,
    ANONYMOUS,
    OTHER
}
