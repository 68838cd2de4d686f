package org.marugoto.watch.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.HouseholdSection;
import org.marugoto.people.TimelineEntry;
import org.marugoto.watch.WatchRequestView;
import org.marugoto.watch.domain.WatchService;
import org.springframework.stereotype.Component;

/** The household's watch requests (見守り依頼) to volunteers, with the notes shared with them; asking a new one. */
@Component
class WatchHouseholdSection implements HouseholdSection {

    private final WatchService watches;
    private final DirectoryApi directory;

    WatchHouseholdSection(WatchService watches, DirectoryApi directory) {
        this.watches = watches;
        this.directory = directory;
    }

    @Override
    public String fragment() {
        return "watch/household :: section";
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public Contribution contribute(UUID householdId) {
        List<WatchRequestView> requests = watches.forHousehold(householdId);
        Map<UUID, String> agencyNames = directory.agencyNames();
        List<TimelineEntry> timeline = new ArrayList<>();
        for (WatchRequestView r : requests) {
            timeline.add(new TimelineEntry(
                    r.createdAt(), false, "timeline.watch", List.of(r.volunteerName()), "#watch-requests"));
            if (r.endedAt() != null) {
                timeline.add(new TimelineEntry(
                        r.endedAt(), false, "timeline.watch.ended", List.of(r.volunteerName()), "#watch-requests"));
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("requests", requests);
        model.put("agencyNames", agencyNames);
        model.put("householdId", householdId);
        return new Contribution(model, timeline);
    }
}
