package org.marugoto.casework;

import java.util.Set;

/**
 * Where a case stands. Open cases move between assessment, planning, support and monitoring as the work requires;
 * closing (終結) and reopening have their own actions because they need an evaluation or a reason.
 */
public enum CaseStatus {
    ASSESSMENT,
    PLANNING,
    SUPPORT,
    MONITORING,
    CLOSED;

    /** The states a user may move an open case to directly. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case ASSESSMENT -> Set.of(PLANNING);
            case PLANNING -> Set.of(ASSESSMENT, SUPPORT);
            case SUPPORT -> Set.of(MONITORING, PLANNING);
            case MONITORING -> Set.of(SUPPORT, PLANNING);
            case CLOSED -> Set.of();
        };
    }

    public boolean open() {
        return this != CLOSED;
    }
}
