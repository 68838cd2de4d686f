package org.marugoto.consent.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.marugoto.consent.ConsentApi;
import org.marugoto.consent.ConsentView;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.HouseholdSection;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.TimelineEntry;
import org.springframework.stereotype.Component;

/** The household's consents on the household page, with their state, and on the timeline. */
@Component
class ConsentHouseholdSection implements HouseholdSection {

    private final ConsentApi consents;
    private final PeopleApi people;
    private final DirectoryApi directory;

    ConsentHouseholdSection(ConsentApi consents, PeopleApi people, DirectoryApi directory) {
        this.consents = consents;
        this.people = people;
        this.directory = directory;
    }

    @Override
    public String fragment() {
        return "consent/household :: section";
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Contribution contribute(UUID householdId) {
        List<ConsentView> list = consents.forHousehold(householdId);
        Map<UUID, String> agencyNames = directory.agencyNames();
        Map<UUID, String> personNames = new HashMap<>();
        people.members(householdId)
                .forEach(m -> personNames.put(m.person().id(), m.person().fullName()));
        List<TimelineEntry> timeline = new ArrayList<>();
        for (ConsentView c : list) {
            timeline.add(new TimelineEntry(
                    c.recordedAt(),
                    false,
                    "timeline.consent.given",
                    List.of(),
                    "/households/" + householdId + "#consents"));
            if (c.withdrawnAt() != null) {
                timeline.add(new TimelineEntry(
                        c.withdrawnAt(),
                        false,
                        "timeline.consent.withdrawn",
                        List.of(),
                        "/households/" + householdId + "#consents"));
            }
        }
        return new Contribution(
                Map.of(
                        "consents",
                        list,
                        "householdId",
                        householdId,
                        "agencyNames",
                        agencyNames,
                        "personNames",
                        personNames),
                timeline);
    }
}
