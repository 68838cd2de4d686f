package org.marugoto.referral.domain;

import java.time.Clock;
import java.time.LocalDate;
import org.marugoto.consultation.ConsultationReferred;
import org.marugoto.shared.Japan;
import org.marugoto.shared.RuleViolation;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A consultation recorded as "referred to another agency" becomes a referral, sent like one from the referral form:
 * in the receiving agency's inbox, with the household's details shared only once that agency accepts, under the
 * consent given at intake. Runs in the consultation's transaction (a plain, synchronous listener), so that a
 * referral the referral rules refuse (an agency that takes no referrals, the user's own agency) leaves no
 * consultation claiming a referral: the intake form shows the reason at the agency field. See
 * docs/decisions/0019-referral-from-intake.md.
 */
@Component
class ReferralsFromIntake {

    /** The response date the referral form proposes too. */
    static final int DAYS_TO_ANSWER = 7;

    private final ReferralService referrals;
    private final Clock clock;

    ReferralsFromIntake(ReferralService referrals, Clock clock) {
        this.referrals = referrals;
        this.clock = clock;
    }

    @EventListener
    void on(ConsultationReferred referred) {
        try {
            referrals.send(new SendReferral(
                    referred.householdId(),
                    referred.consultationId(),
                    referred.toAgencyId(),
                    null,
                    referred.personIds(),
                    referred.issueCodes(),
                    referred.urgency(),
                    referred.summary(),
                    referred.wishes(),
                    null,
                    referred.consentStatus(),
                    referred.consentScope(),
                    LocalDate.now(clock.withZone(Japan.ZONE)).plusDays(DAYS_TO_ANSWER)));
        } catch (RuleViolation violation) {
            // the intake form names the agency field differently
            throw "toAgencyId".equals(violation.field()) || "toCounterId".equals(violation.field())
                    ? new RuleViolation("referredAgencyId", violation.messageKey(), violation.arguments())
                    : violation;
        }
    }
}
