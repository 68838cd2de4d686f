package org.marugoto.casework;

import java.util.Set;
import java.util.UUID;

/**
 * Records of another module that a support plan links to in place of free text: the household's outreach records
 * (アウトリーチの必要) and participation support (参加支援の必要). Implemented by those modules (which depend on casework);
 * casework asks every implementation when a plan is saved, so a plan names only records of its own household that the
 * user may read. See docs/decisions/0032-plan-links-and-outreach-origin.md.
 */
public interface PlanLinkedRecords {

    /** Outreach records ({@code OUTREACH}) or participation support ({@code PARTICIPATION}). */
    enum Kind {
        OUTREACH,
        PARTICIPATION
    }

    Kind kind();

    /** The ids of the household's records of this kind that the current user may read (reads audited). */
    Set<UUID> readableOf(UUID householdId);
}
