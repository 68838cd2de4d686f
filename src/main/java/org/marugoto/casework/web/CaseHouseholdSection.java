package org.marugoto.casework.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.marugoto.casework.HouseholdCase;
import org.marugoto.casework.domain.CaseService;
import org.marugoto.people.HouseholdSection;
import org.marugoto.people.TimelineEntry;
import org.springframework.stereotype.Component;

/**
 * The household's cases on the household page: number and status for everyone who sees the household, a link for
 * the team; a closed case says that the household can come back at any time.
 */
@Component
class CaseHouseholdSection implements HouseholdSection {

    private final CaseService cases;

    CaseHouseholdSection(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public String fragment() {
        return "casework/household :: section";
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Contribution contribute(UUID householdId) {
        List<HouseholdCase> found = cases.forHousehold(householdId);
        List<TimelineEntry> timeline = new ArrayList<>();
        for (HouseholdCase c : found) {
            timeline.add(new TimelineEntry(
                    c.view().openedAt(),
                    false,
                    "timeline.case",
                    List.of(c.view().caseNumber()),
                    c.accessible() ? "/cases/" + c.view().id() : null));
        }
        boolean open = found.stream().anyMatch(c -> c.view().status().open());
        return new Contribution(Map.of("cases", found, "anyOpen", open, "householdId", householdId), timeline);
    }
}
