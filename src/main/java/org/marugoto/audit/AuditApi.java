package org.marugoto.audit;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Writes and reads the audit trail. */
public interface AuditApi {

    /**
     * Records an action by the current user in the caller's transaction (or a new one if there is none). If the row
     * cannot be written the exception propagates and the caller's transaction rolls back.
     */
    void record(AuditEntry entry);

    /** Records an action on behalf of a named user who is not (yet) authenticated, e.g. a failed login. */
    void recordFor(@Nullable String username, @Nullable UUID accountId, AuditEntry entry);

    /** The newest events, optionally about one record. */
    List<AuditEventView> recent(@Nullable UUID recordId, int limit);

    /**
     * Who saw or changed a record and the records that reveal the same person (household, consultations...): what a
     * breach report needs. The investigation itself is audited.
     */
    List<AuditEventView> about(UUID recordId, int limit);

    /** Everything an account did, newest first. The investigation itself is audited. */
    List<AuditEventView> byActor(String username, int limit);

    /**
     * The events matching every filter of the query (records revealing a person or household, staff, dates), newest
     * first. The investigation itself is audited.
     */
    List<AuditEventView> search(AuditQuery query, int limit);

    /** Staff names (with agency) by username, for naming the actors of events. */
    java.util.Map<String, String> staffNames();

    /** Staff names (with agency) by account id, for details that name an account by id. */
    java.util.Map<UUID, String> staffNamesByAccountId();

    /** Recomputes the tamper-evident chain over the audit trail. */
    ChainVerification verifyChain();
}
