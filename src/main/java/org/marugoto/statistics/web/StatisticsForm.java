package org.marugoto.statistics.web;

import static org.marugoto.shared.web.FormValues.text;

/**
 * The report page's choice (a GET form): the period's code, the scope's code and, for a download, the report. Anything
 * else typed into the URL falls back to this fiscal year and the city.
 */
record StatisticsForm(String period, String scope, String report) {

    StatisticsForm {
        period = text(period);
        scope = text(scope);
        report = text(report);
    }

    @Override
    public String toString() {
        return "StatisticsForm";
    }
}
