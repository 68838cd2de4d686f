package org.marugoto.consultation;

import java.util.UUID;

/** Published when a consultation has been recorded; other modules (referrals, casework) react to it. */
public record ConsultationRecorded(UUID consultationId, UUID householdId, UUID agencyId, FirstResponse firstResponse) {}
