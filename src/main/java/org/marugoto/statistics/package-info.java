/**
 * Statistics from the records, never re-typed: reports for a chosen period (month, quarter, fiscal year from April)
 * and scope (the city, an area, an agency) as tables, charts, CSV and Excel, and open data of consultation counts by
 * area without login. Reads the other modules only through their count-only query APIs; holds no data of its own and
 * shows no personal data. Small counts are hidden where the scope is an area.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "audit",
            "access",
            "area",
            "directory",
            "consultation",
            "casework",
            "referral",
            "outreach",
            "participation",
            "watch",
            "community"
        })
@org.jspecify.annotations.NullMarked
package org.marugoto.statistics;
