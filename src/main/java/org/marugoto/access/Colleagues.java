package org.marugoto.access;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The professionals other modules may name: a case's lead coordinator and team, a meeting's members. Staff names and
 * agencies are not residents' personal data; accounts that are disabled are left out.
 */
public interface Colleagues {

    /** Enabled accounts with a professional role (coordinator, supervisor, caseworker), by agency and name. */
    List<Colleague> professionals();

    Optional<Colleague> colleague(UUID accountId);

    /** The professionals' names by account id, for pages and documents that name who does what. */
    default java.util.Map<UUID, String> professionalNames() {
        java.util.Map<UUID, String> names = new java.util.HashMap<>();
        professionals().forEach(c -> names.put(c.id(), c.displayName()));
        return names;
    }

    /** Enabled accounts with the volunteer role (民生委員・児童委員), by name: whom a professional may ask to watch. */
    List<Colleague> volunteers();

    Optional<Colleague> volunteer(UUID accountId);

    /** A professional as other modules see them. */
    record Colleague(UUID id, String username, String displayName, UUID agencyId, Set<Role> roles) {

        public boolean coordinator() {
            return roles.contains(Role.MUNICIPAL_COORDINATOR);
        }
    }
}
