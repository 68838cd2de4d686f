package org.marugoto.planning.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.planning.domain.IndicatorService;
import org.marugoto.planning.domain.PlanService;
import org.marugoto.planning.domain.PlanService.HeadingKind;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the planner's pages and the public pages show alike: the plan's headings, search choices and charts. */
@Component
class PlanPages {

    private final PlanService plans;
    private final IndicatorService indicators;
    private final MessageSource messages;

    PlanPages(PlanService plans, IndicatorService indicators, MessageSource messages) {
        this.plans = plans;
        this.indicators = indicators;
        this.messages = messages;
    }

    void headings(Model model, UUID planId) {
        List<PlanService.Heading> all = plans.headings(planId);
        model.addAttribute(
                "directions",
                all.stream().filter(h -> h.kind() == HeadingKind.DIRECTION).toList());
        model.addAttribute(
                "themes",
                all.stream().filter(h -> h.kind() == HeadingKind.THEME).toList());
        model.addAttribute(
                "serviceTypes",
                all.stream().filter(h -> h.kind() == HeadingKind.SERVICE_TYPE).toList());
        model.addAttribute("departments", plans.departments());
        Map<UUID, String> names = new LinkedHashMap<>();
        all.forEach(h -> names.put(h.id(), h.label()));
        model.addAttribute("headingNames", names);
    }

    PlanService.Criteria criteria(
            UUID planId,
            @Nullable String theme,
            @Nullable String serviceType,
            @Nullable String department,
            @Nullable String q,
            @Nullable String priority) {
        return new PlanService.Criteria(
                planId,
                uuid(theme),
                uuid(serviceType),
                uuid(department),
                q == null ? null : q.strip(),
                "true".equals(priority));
    }

    void charts(Model model, PlanService.Plan plan, Locale locale) {
        List<IndicatorService.Series> series = indicators.series(plan);
        Map<String, String> charts = new LinkedHashMap<>();
        for (IndicatorService.Series s : series) {
            charts.put(
                    s.indicator().code(),
                    IndicatorChart.svg(
                            s,
                            msg("planning.chart.desc", locale, s.indicator().name()),
                            msg("planning.indicator.figure", locale),
                            msg("planning.indicator.target", locale)));
        }
        model.addAttribute("series", series);
        model.addAttribute("charts", charts);
    }

    String msg(String code, Locale locale, Object... args) {
        String message = messages.getMessage(code, args, code, locale);
        return message == null ? code : message;
    }

    static @Nullable UUID uuid(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
