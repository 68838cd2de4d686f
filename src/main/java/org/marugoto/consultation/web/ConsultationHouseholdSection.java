package org.marugoto.consultation.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.marugoto.consultation.ConsultationView;
import org.marugoto.consultation.domain.ConsultationService;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.HouseholdSection;
import org.marugoto.people.TimelineEntry;
import org.springframework.stereotype.Component;

/** The consultations on the household page: those the user may read, across agencies, and a count of the rest. */
@Component
class ConsultationHouseholdSection implements HouseholdSection {

    private final ConsultationService consultations;
    private final DirectoryApi directory;

    ConsultationHouseholdSection(ConsultationService consultations, DirectoryApi directory) {
        this.consultations = consultations;
        this.directory = directory;
    }

    @Override
    public String fragment() {
        return "consultation/household :: section";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Contribution contribute(UUID householdId) {
        ConsultationService.HouseholdConsultations found = consultations.forHousehold(householdId);
        Map<UUID, String> agencyNames = directory.agencyNames();
        List<TimelineEntry> timeline = new ArrayList<>();
        for (ConsultationView c : found.visible()) {
            timeline.add(new TimelineEntry(
                    c.receivedAt(),
                    false,
                    "timeline.consultation",
                    List.of(agencyNames.getOrDefault(c.agencyId(), "")),
                    "/consultations/" + c.id()));
        }
        return new Contribution(
                Map.of(
                        "consultations", found.visible(),
                        "hidden", found.hidden(),
                        "codes", consultations.issueCodesByCode(),
                        "agencyNames", agencyNames),
                timeline);
    }
}
