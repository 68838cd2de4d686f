package org.marugoto.community.domain;

import java.util.UUID;

/**
 * Something the organiser of an activity should look at: a resident's message arrived, or the entry has not been
 * confirmed for {@value CommunityService#STALE_MONTHS} months. Published with the change; the e-mail
 * ({@link OrganiserMail}) goes after the commit and is sent again if sending fails. Names no resident.
 */
public record OrganiserNotice(UUID activityId, Kind kind) {

    public enum Kind {
        INTEREST,
        STALE
    }
}
