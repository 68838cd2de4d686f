package org.marugoto.participation.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.marugoto.participation.ProfileView;
import org.marugoto.participation.domain.ParticipationService;
import org.marugoto.people.HouseholdSection;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.TimelineEntry;
import org.marugoto.shared.Japan;
import org.springframework.stereotype.Component;

/** The household's participation support the user may read: who, matched where, at which step. */
@Component
class ParticipationHouseholdSection implements HouseholdSection {

    private final ParticipationService participation;
    private final PeopleApi people;

    ParticipationHouseholdSection(ParticipationService participation, PeopleApi people) {
        this.participation = participation;
        this.people = people;
    }

    @Override
    public String fragment() {
        return "participation/household :: section";
    }

    @Override
    public int order() {
        return 48;
    }

    @Override
    public Contribution contribute(UUID householdId) {
        List<ProfileView> profiles = participation.forHousehold(householdId);
        Map<UUID, String> names = new LinkedHashMap<>();
        List<TimelineEntry> timeline = new ArrayList<>();
        if (!profiles.isEmpty()) {
            for (MemberView m : people.members(householdId)) {
                names.putIfAbsent(m.person().id(), m.person().fullName());
            }
        }
        for (ProfileView p : profiles) {
            for (ProfileView.MatchView m : p.matches()) {
                for (ProfileView.StepView s : m.steps()) {
                    timeline.add(new TimelineEntry(
                            s.on().atStartOfDay(Japan.ZONE).toInstant(),
                            true,
                            "timeline.participation." + s.step(),
                            List.of(names.getOrDefault(p.personId(), ""), m.opportunityTitle()),
                            "/participation/" + p.id()));
                }
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("profiles", profiles);
        model.put("names", names);
        model.put("householdId", householdId);
        return new Contribution(model, timeline);
    }
}
