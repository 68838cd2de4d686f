package org.marugoto.participation.web;

import java.util.List;
import java.util.UUID;
import org.marugoto.participation.ProfileView;
import org.marugoto.participation.domain.ParticipationService;
import org.marugoto.people.PeopleApi;
import org.springframework.stereotype.Component;

/**
 * For pages of other modules (the case page, the support plan): the household's participation support as links,
 * through the template {@code participation/household :: links(householdId)}. Reads are checked and audited.
 */
@Component("participationLinks")
class ParticipationLinks {

    private final ParticipationService participation;
    private final PeopleApi people;

    ParticipationLinks(ParticipationService participation, PeopleApi people) {
        this.participation = participation;
        this.people = people;
    }

    /** The name of the person a profile is for, as the household shows it (masked where protected). */
    public String personName(ProfileView profile) {
        return people.members(profile.householdId()).stream()
                .filter(m -> m.person().id().equals(profile.personId()))
                .map(m -> m.person().fullName())
                .findFirst()
                .orElse("");
    }

    public List<ProfileView> forHousehold(UUID householdId) {
        return participation.forHousehold(householdId);
    }
}
