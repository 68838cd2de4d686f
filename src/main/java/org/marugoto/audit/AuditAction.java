package org.marugoto.audit;

/** What was done. Reads and searches of personal data are audited as well as changes. */
public enum AuditAction {
    CREATE,
    UPDATE,
    READ,
    SEARCH,
    EXPORT,
    LOGIN_SUCCESS,
    LOGIN_FAILURE,
    LOGOUT,
    ACCOUNT_LOCKED,
    PERMISSION_CHANGE,
    ACCESS_DENIED,
    /** Emergency access granted to a record the user could not otherwise open (break-the-glass). */
    BREAK_GLASS,
    /** A supervisor or the privacy officer reviewed an emergency access. */
    BREAK_GLASS_REVIEW,
    /** A person withdrew a consent (本人同意の撤回). */
    CONSENT_WITHDRAWN
}
