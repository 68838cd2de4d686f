package org.marugoto.community.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * 地域生活課題: a problem shared in an area, with its evidence (counts by issue code, small ones hidden), the meetings
 * that discussed it and their actions, and the feedback to residents once decided. Names no person.
 */
public record CommunityIssue(
        UUID id,
        UUID areaId,
        String title,
        String description,
        LocalDate periodFrom,
        LocalDate periodTo,
        List<Evidence> evidence,
        Proposer proposedBy,
        Status status,
        @Nullable String feedback,
        boolean feedbackPublished,
        List<Meeting> meetings,
        int version) {

    public enum Proposer {
        CSW,
        MEETING
    }

    public enum Status {
        OPEN,
        DECIDED,
        CLOSED
    }

    public enum MeetingKind {
        /** 地域ケア会議 */
        COMMUNITY_CARE,
        /** 地区福祉推進会議 */
        DISTRICT_WELFARE,
        /** 三者懇談会 */
        THREE_PARTY
    }

    /** Counts for one issue code; null stands for "fewer than 5" (the number itself is never kept). */
    public record Evidence(
            String issueCode,
            @Nullable Long consultations,
            @Nullable Long cases) {}

    public record Meeting(
            UUID id, MeetingKind kind, LocalDate heldOn, String organisations, String minutes, List<Action> actions) {}

    public record Action(
            UUID id,
            String description,
            String owner,
            @Nullable LocalDate dueOn,
            boolean done,
            int version) {}
}
