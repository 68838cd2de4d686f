package org.marugoto.community;

import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

/** Counts of the community's places, meetings and issues for the yearly report (地域づくり): nothing is named. */
public interface CommunityStatistics {

    /**
     * For the whole city: the places and activities published and open now, the groups that run them, the area meetings
     * held from {@code from} to {@code to} (inclusive), the community issues raised in that time, and the residents'
     * messages of interest received in it.
     */
    Figures figures(LocalDate from, LocalDate to);

    /** The places and activities published and open now in the given areas (the planning's places per 1,000). */
    long openActivitiesIn(Collection<UUID> areaIds);

    /** The counts of {@link #figures}. */
    record Figures(long openActivities, long groups, long areaMeetings, long issuesRaised, long interestMessages) {}
}
