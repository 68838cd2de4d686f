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
    ACCESS_DENIED
}
