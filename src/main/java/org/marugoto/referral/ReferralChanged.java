package org.marugoto.referral;

import java.util.UUID;

/**
 * Published when a referral was sent or changed state, in the transaction of the change: in-app notifications are
 * written in that transaction; e-mail is delivered after it commits, through the event publication registry (stored,
 * retried after a failure or a restart).
 */
public record ReferralChanged(
        UUID referralId, String referenceNumber, UUID fromAgencyId, UUID toAgencyId, ReferralEventKind kind) {}
