package org.marugoto.casework.web;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.marugoto.casework.ConferenceKind;
import org.marugoto.shared.web.FormValues;

/** Scheduling a meeting: its kind (重層的支援会議 or 支援会議), time and place, agenda and members. */
record ConferenceForm(
        ConferenceKind kind, String scheduledAt, String place, String agenda, List<UUID> memberAccountIds) {

    ConferenceForm {
        kind = Objects.requireNonNullElse(kind, ConferenceKind.JUSHO);
        scheduledAt = Objects.requireNonNullElse(scheduledAt, "");
        place = Objects.requireNonNullElse(place, "");
        agenda = Objects.requireNonNullElse(agenda, "");
        memberAccountIds = FormValues.list(memberAccountIds);
    }
}
