package org.marugoto.participation.web;

import java.util.List;
import java.util.UUID;
import org.marugoto.participation.ProfileView;
import org.marugoto.participation.domain.ParticipationService;
import org.springframework.stereotype.Component;

/**
 * For pages of other modules (the case page, the support plan): the household's participation support as links,
 * through the template {@code participation/household :: links(householdId)}. Reads are checked and audited.
 */
@Component("participationLinks")
class ParticipationLinks {

    private final ParticipationService participation;

    ParticipationLinks(ParticipationService participation) {
        this.participation = participation;
    }

    public List<ProfileView> forHousehold(UUID householdId) {
        return participation.forHousehold(householdId);
    }
}
