/**
 * The regional welfare plan (地域福祉計画, Social Welfare Act Art. 107) and its yearly evaluation (PDCA): goals,
 * directions, themes, service types, measures with their departments, indicators (entered, or computed from the other
 * modules' count-only statistics), the yearly progress cycle, ward and district plans, reports and the public pages.
 * Holds no personal data.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "audit",
            "access",
            "area",
            "consultation",
            "casework",
            "referral",
            "outreach",
            "participation",
            "community"
        })
@org.jspecify.annotations.NullMarked
package org.marugoto.planning;
