package org.marugoto.watch;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.marugoto.consent.ConsentApi;
import org.marugoto.consent.ConsentGiver;
import org.marugoto.consent.ConsentMethod;
import org.marugoto.consent.ConsentPurpose;
import org.marugoto.consent.RecordConsent;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.shared.Actor;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Test helpers for watch requests. */
public final class WatchFixtures {

    private WatchFixtures() {}

    /**
     * Records, as the current user, the household's consent to visits by the volunteer's agency: what a request "based
     * on the household's consent" needs.
     */
    public static void consentToWatch(
            ConsentApi consents, PeopleApi people, UserDetailsService users, UUID household, String volunteer) {
        List<UUID> persons = people.members(household).stream()
                .filter(MemberView::current)
                .map(m -> m.person().id())
                .distinct()
                .toList();
        consents.record(new RecordConsent(
                household,
                persons,
                ConsentGiver.PERSON,
                null,
                null,
                List.of(((Actor) users.loadUserByUsername(volunteer)).agencyId()),
                Set.of(ConsentPurpose.OUTREACH),
                ConsentMethod.SIGNED_FORM,
                null,
                LocalDate.now().minusDays(1),
                null,
                null));
    }
}
