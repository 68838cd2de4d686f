package org.marugoto.audit;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The result of recomputing the audit chain: how many sealed rows matched, how many rows are not sealed yet, the hash
 * at the end of the chain (an auditor may note it to compare later), and where the chain breaks if it does.
 *
 * @param brokenAt the position in the chain of the first seal that does not match
 * @param problem "altered" when a row's content no longer matches its seal, "missing" when a sealed row is gone
 * @param brokenEvent the id of the altered audit row (null when it is missing)
 */
public record ChainVerification(
        long checked,
        long unsealed,
        String lastHash,
        @Nullable Long brokenAt,
        @Nullable String problem,
        @Nullable UUID brokenEvent) {

    public boolean intact() {
        return brokenAt == null;
    }
}
