package org.marugoto.access;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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

    /**
     * Runs {@code page} as one view of a record (e.g. the household page with its sections): every read it authorizes
     * is decided as usual, and a refusal is audited and thrown at once, but the granted reads are audited together,
     * when the page is done, as one row about the record that names the records shown ({@code details}: record type
     * to ids). A read under an emergency grant gets a row of its own that names the grant, as outside a view. Nothing
     * is audited when the page throws (nothing was shown). A view inside a view belongs to the outer one.
     */
    <T> T asOneView(String recordType, java.util.UUID recordId, String purpose, java.util.function.Supplier<T> page);

    /**
     * Whether the actor may request emergency (break-the-glass) access: professional roles only; volunteers,
     * planners, administrators, auditors and the privacy officer by that role alone may not.
     */
    boolean mayBreakGlass(Actor actor);

    /**
     * Grants the current user emergency read access to a record at once, for the configured time
     * ({@code marugoto.access.break-glass-duration}), audited as {@code BREAK_GLASS}; it opens the record, the
     * {@code coveredRecordIds} (e.g. the household's members) and the records related to them. An active grant of the
     * same user for the same record is returned instead of a second one.
     *
     * @param reference the number the user typed or was given (the household number), kept for the reviewers
     * @param reason why, in at least a sentence
     */
    EmergencyGrant breakGlass(
            String recordType, UUID recordId, String reference, Set<UUID> coveredRecordIds, String reason);

    /** The current user's emergency access that opens this record now, if any (for the banner). */
    Optional<EmergencyGrant> emergencyAccess(UUID recordId);
}
