package org.marugoto.people;

import java.util.List;
import java.util.UUID;

/**
 * DV/stalking protection (支援措置). While a protection is active, every view the people module returns for the
 * protected person and the members named in it is masked ({@link PersonView#masked()}); search does not match them by
 * address or phone. Setting and ending are for staff who may change the household; revealing is for the privacy
 * officer only, one person at a time, re-authenticated and audited with its purpose.
 */
public interface ProtectionApi {

    ProtectionView protect(UUID personId, ProtectionCommand command);

    /** Ends a protection; the row stays (history). */
    ProtectionView end(UUID protectionId, int seenVersion, String reason);

    /** The protections (active and ended) of a person the current user may read. */
    List<ProtectionView> protectionsOf(UUID personId);

    /** Every active protection, for the privacy officer's list (masked: no address, no note). */
    List<ProtectionView> activeProtections();

    /** The withheld details of one protected person, for the privacy officer: re-authenticated and audited. */
    RevealedContact reveal(UUID personId, String purpose);
}
