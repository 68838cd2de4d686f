package org.marugoto.people;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Small builders for person and household test data. */
public final class PeopleFixtures {

    private PeopleFixtures() {}

    public static PersonCommand person(
            String family,
            String given,
            String familyKana,
            String givenKana,
            Sex sex,
            @Nullable LocalDate birth,
            @Nullable String address,
            @Nullable String phone) {
        return new PersonCommand(
                family,
                given,
                familyKana,
                givenKana,
                null,
                sex,
                birth,
                address,
                null,
                LivingSituation.WITH_FAMILY,
                phone,
                null,
                null,
                null,
                null);
    }

    public static MembershipCommand newHousehold() {
        return new MembershipCommand(null, null, Relationship.SELF, true, null);
    }

    public static MembershipCommand joining(java.util.UUID household, Relationship relationship) {
        return new MembershipCommand(household, null, relationship, true, null);
    }

    /** Acts as the given demo user for the rest of the test (cleared by Spring Security's test listener). */
    public static void actAs(UserDetailsService users, String username) {
        org.marugoto.shared.CurrentActor.actAs(users.loadUserByUsername(username));
    }
}
