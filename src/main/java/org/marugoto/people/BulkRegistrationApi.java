package org.marugoto.people;

import java.util.List;
import org.marugoto.audit.AuditEntry;

/**
 * Registers many persons and households at once (an import of a legacy system's or a 住民基本台帳 extract's
 * households), in one transaction (all or nothing), with what {@link PeopleApi#register} does for one person done
 * for all together: the same checks, the same normalised keys, the same households, memberships and agency
 * involvement, written in batches of one statement per table; one audit row (the caller's, naming the batch) instead of one per person;
 * and the record linkage run once over the new persons at the end, storing exactly the pairs that registering them
 * one after another would store (decision 0035).
 */
public interface BulkRegistrationApi {

    /**
     * Registers the members in the order given. {@code audit} is recorded once, in the same transaction: it names the
     * batch (what was imported, from which file, how many), so that no bulk registration goes unaudited. A member
     * that {@link PeopleApi#register} would refuse refuses the whole batch ({@link org.marugoto.shared.RuleViolation})
     * and nothing is saved.
     */
    BulkRegistered registerAll(List<BulkMember> members, AuditEntry audit);
}
