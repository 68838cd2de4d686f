package org.marugoto.referral.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.HouseholdSection;
import org.marugoto.people.TimelineEntry;
import org.marugoto.referral.ReferralView;
import org.marugoto.referral.domain.ReferralService;
import org.springframework.stereotype.Component;

/** All referrals about the household that the user's agency sent or received, side by side on the household page. */
@Component
class ReferralHouseholdSection implements HouseholdSection {

    private final ReferralService referrals;
    private final DirectoryApi directory;

    ReferralHouseholdSection(ReferralService referrals, DirectoryApi directory) {
        this.referrals = referrals;
        this.directory = directory;
    }

    @Override
    public String fragment() {
        return "referral/household :: section";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Contribution contribute(UUID householdId) {
        List<ReferralView> found = referrals.forHousehold(householdId);
        Map<UUID, String> agencyNames = directory.agencyNames();
        List<TimelineEntry> timeline = new ArrayList<>();
        for (ReferralView r : found) {
            timeline.add(new TimelineEntry(
                    r.sentAt(),
                    false,
                    "timeline.referral",
                    List.of(
                            agencyNames.getOrDefault(r.fromAgencyId(), ""),
                            agencyNames.getOrDefault(r.toAgencyId(), "")),
                    "/referrals/" + r.id()));
        }
        return new Contribution(Map.of("referrals", found, "agencyNames", agencyNames), timeline);
    }
}
