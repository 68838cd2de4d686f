package org.marugoto.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of recomputing the audit chain: how many sealed rows matched, how many rows are not sealed yet, the hash
 * at the end of the chain (an auditor may note it to compare later), and where the chain breaks if it does.
 *
 * @param problem "altered" when a row's content no longer matches its seal, "missing" when a sealed row is gone
 */
public record ChainVerification(
        long checked,
        long unsealed,
        String lastHash,
        @Nullable Long brokenAt,
        @Nullable String problem) {

    public boolean intact() {
        return brokenAt == null;
    }
}
