package org.marugoto.audit;

import java.util.Map;
import java.util.Set;

/**
 * Lets the module that holds staff accounts name the actors of the audit trail: staff names and agencies instead of
 * usernames, and the usernames an auditor means by a name. Implemented by that module, used here.
 */
public interface AuditNames {

    /** Every account's name (with its agency) by username, disabled accounts included. */
    Map<String, String> staffByUsername();

    /** Every account's name (with its agency) by account id, for details that name an account by id. */
    Map<java.util.UUID, String> staffByAccountId();

    /** The usernames whose username or staff name contains the text. */
    Set<String> usernamesMatching(String text);
}
