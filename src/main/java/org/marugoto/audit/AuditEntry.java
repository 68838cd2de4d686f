package org.marugoto.audit;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One thing to record. {@code details} names what changed (field names, counts), never the sensitive values
 * themselves.
 */
public record AuditEntry(
        AuditAction action,
        String recordType,
        @Nullable UUID recordId,
        @Nullable String purpose,
        Map<String, String> details) {

    public static AuditEntry of(AuditAction action, String recordType, @Nullable UUID recordId) {
        return new AuditEntry(action, recordType, recordId, null, Map.of());
    }

    public AuditEntry withDetails(Map<String, String> details) {
        return new AuditEntry(action, recordType, recordId, purpose, details);
    }

    public AuditEntry withPurpose(String purpose) {
        return new AuditEntry(action, recordType, recordId, purpose, details);
    }
}
