/**
 * Referrals between agencies (つなぎ, Social Welfare Act Art. 106-2) with a closed loop: inbox, state changes with
 * history, follow-up by the sender, overdue detection visible to both agencies and the coordinators, notifications.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "audit", "access", "directory", "people", "consultation", "consent"})
@org.jspecify.annotations.NullMarked
package org.marugoto.referral;
