package org.marugoto.access;

import org.marugoto.shared.Actor;

/**
 * The access decision point. Every module calls it before it returns or changes personal data; it decides from the
 * actor's roles and agency and the record's scope, writes the audit row for the access (granted or refused), and
 * refuses by throwing {@link org.springframework.security.access.AccessDeniedException} (answered with 403).
 */
public interface AccessApi {

    /** Decides without side effects. */
    boolean mayAccess(Actor actor, PersonalDataAction action, RecordScope record);

    /**
     * Checks that the current user may search personal records, audits the search with its query, and returns the
     * agency whose records the search may return.
     */
    java.util.UUID authorizeSearch(String recordType, String query, String purpose);

    /** Decides for the current user, audits the access, and throws if it is refused. */
    void authorize(PersonalDataAction action, RecordScope record, String purpose);
}
