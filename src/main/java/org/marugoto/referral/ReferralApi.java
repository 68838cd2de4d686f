package org.marugoto.referral;

import java.util.List;
import java.util.UUID;

/** What other modules may ask about referrals. Reads are access-checked and audited. */
public interface ReferralApi {

    /** One referral as the current user may see it. */
    ReferralView get(UUID id);

    /** Referrals sent to the current user's agency, newest first. */
    List<ReferralView> inbox();
}
