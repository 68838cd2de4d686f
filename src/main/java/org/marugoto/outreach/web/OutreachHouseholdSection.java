package org.marugoto.outreach.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.marugoto.outreach.OutreachStage;
import org.marugoto.outreach.OutreachView;
import org.marugoto.outreach.domain.OutreachService;
import org.marugoto.outreach.domain.OutreachStages;
import org.marugoto.people.HouseholdSection;
import org.marugoto.people.TimelineEntry;
import org.marugoto.shared.Japan;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The household's outreach records the user may read: stage, time since the first concern, attempts, the chart. */
@Component
class OutreachHouseholdSection implements HouseholdSection {

    private final OutreachService outreach;
    private final OutreachStages stages;
    private final MessageSource messages;
    private final java.time.Clock clock;

    OutreachHouseholdSection(
            OutreachService outreach, OutreachStages stages, MessageSource messages, java.time.Clock clock) {
        this.outreach = outreach;
        this.stages = stages;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public String fragment() {
        return "outreach/household :: section";
    }

    @Override
    public int order() {
        return 47;
    }

    /** A record with what the section shows of it. */
    record Shown(OutreachView record, long daysSince, String chart) {}

    @Override
    public Contribution contribute(UUID householdId) {
        LocalDate today = Japan.today(clock);
        Map<String, OutreachStage> stageList = stages.byCode();
        java.util.Locale locale = LocaleContextHolder.getLocale();
        String title = messages.getMessage("outreach.chart.title", null, locale);
        List<Shown> shown = new ArrayList<>();
        List<TimelineEntry> timeline = new ArrayList<>();
        for (OutreachView r : outreach.fullForHousehold(householdId)) {
            shown.add(new Shown(
                    r,
                    OutreachChart.daysSinceFirstConcern(r, today),
                    OutreachChart.svg(r, stageList, today, locale, title)));
            String link = "/outreach/" + r.id();
            for (OutreachView.StageChange c : r.stageChanges()) {
                OutreachStage stage = stageList.get(c.toStage());
                timeline.add(new TimelineEntry(
                        c.changedOn().atStartOfDay(Japan.ZONE).toInstant(),
                        true,
                        "timeline.outreach.stage",
                        List.of(r.recordNumber(), stage == null ? c.toStage() : stage.label(locale)),
                        link));
            }
            for (OutreachView.Attempt a : r.attempts()) {
                timeline.add(new TimelineEntry(
                        a.attemptedAt(),
                        false,
                        "timeline.outreach.attempt",
                        List.of(
                                r.recordNumber(),
                                messages.getMessage("outreach.method." + a.method(), null, locale),
                                messages.getMessage("outreach.outcome." + a.outcome(), null, locale)),
                        link));
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("records", shown);
        model.put("stages", stageList);
        model.put("householdId", householdId);
        model.put("today", today);
        return new Contribution(model, timeline);
    }
}
