package org.marugoto.referral;

import java.util.UUID;

/** Published after a referral was sent or changed state, for notifications. */
public record ReferralChanged(
        UUID referralId, String referenceNumber, UUID fromAgencyId, UUID toAgencyId, String kind) {}
