package org.marugoto.outreach.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.marugoto.outreach.OutreachQueries;
import org.marugoto.outreach.OutreachStage;
import org.marugoto.outreach.OutreachSummary;
import org.marugoto.outreach.domain.OutreachStages;
import org.springframework.stereotype.Component;

/**
 * For pages of other modules that show a household's outreach records as links (the case page, the support plan)
 * through the template {@code outreach/links :: links(householdId)}, without those modules depending on this one.
 * Reads are the user's, checked and audited by {@link OutreachQueries}.
 */
@Component("outreachLinks")
class OutreachLinks {

    private final OutreachQueries queries;
    private final OutreachStages stages;

    OutreachLinks(OutreachQueries queries, OutreachStages stages) {
        this.queries = queries;
        this.stages = stages;
    }

    public List<OutreachSummary> forHousehold(UUID householdId) {
        return queries.forHousehold(householdId);
    }

    public String stageLabel(String code, Locale locale) {
        return stages.find(code).map(s -> s.label(locale)).orElse(code);
    }

    public List<OutreachStage> stages() {
        return stages.all();
    }
}
