package org.marugoto.statistics.web;

import org.jspecify.annotations.Nullable;

/**
 * The report page's choice (a GET form): the period's code, the scope's code and, for a download, the report. Anything
 * else typed into the URL falls back to this fiscal year and the city.
 */
record StatisticsForm(String period, String scope, String report) {

    StatisticsForm(@Nullable String period, @Nullable String scope, @Nullable String report) {
        this.period = period == null ? "" : period.strip();
        this.scope = scope == null ? "" : scope.strip();
        this.report = report == null ? "" : report.strip();
    }

    @Override
    public String toString() {
        return "StatisticsForm";
    }
}
