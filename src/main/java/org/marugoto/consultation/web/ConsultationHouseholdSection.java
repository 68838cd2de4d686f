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
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

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
        // the newest consultations first; ?consultations=all (the "show more" link) lists the whole history
        boolean all = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && "all".equals(request.getRequest().getParameter("consultations"));
        ConsultationService.HouseholdConsultations found =
                consultations.forHousehold(householdId, all ? Integer.MAX_VALUE : ConsultationService.HOUSEHOLD_PAGE);
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
                        "more", found.more(),
                        "householdId", householdId,
                        "codes", consultations.issueCodesByCode(),
                        "agencyNames", agencyNames),
                timeline);
    }
}
