package org.marugoto.casework.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.marugoto.casework.CaseView;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.springframework.stereotype.Component;

/** The names of a case's persons (対象者), in household order, for the pages that ask about each of them. */
@Component
class CasePersons {

    private final PeopleApi people;

    CasePersons(PeopleApi people) {
        this.people = people;
    }

    Map<UUID, String> of(CaseView view) {
        Map<UUID, String> names = new LinkedHashMap<>();
        for (MemberView m : people.members(view.householdId())) {
            if (view.personIds().contains(m.person().id())) {
                names.put(m.person().id(), m.person().fullName());
            }
        }
        return names;
    }
}
