package org.marugoto.planning.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaLevel;
import org.marugoto.planning.domain.AreaPlanService;
import org.marugoto.planning.domain.IndicatorService;
import org.marugoto.planning.domain.PlanService;
import org.marugoto.planning.domain.ProgressReport;
import org.marugoto.planning.domain.ProgressService;
import org.marugoto.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The plan on the residents' pages (no login, no session: the stateless public chain of {@code /public/**}): the
 * basic goal, directions and themes; the measures searched by theme, service type, department, keyword; the ward and
 * district plans by area; the indicators with charts against their targets; and the progress of the closed years
 * (an open year's entries are the departments' drafts and are not shown). Nothing about any person.
 */
@Controller
class PublicPlanController {

    private final PlanService plans;
    private final ProgressService progress;
    private final ProgressReport reports;
    private final AreaPlanService areaPlans;
    private final PlanPages pages;
    private final AreaApi areas;
    private final IndicatorService indicators;

    PublicPlanController(
            PlanService plans,
            ProgressService progress,
            ProgressReport reports,
            AreaPlanService areaPlans,
            PlanPages pages,
            AreaApi areas,
            IndicatorService indicators) {
        this.indicators = indicators;
        this.plans = plans;
        this.progress = progress;
        this.reports = reports;
        this.areaPlans = areaPlans;
        this.pages = pages;
        this.areas = areas;
    }

    private PlanService.Plan current() {
        Optional<PlanService.Plan> plan = plans.current();
        return plan.orElseThrow(() -> new NotFoundException("plan", UUID.randomUUID()));
    }

    private static void cacheable(HttpServletResponse response) {
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setHeader("Vary", "Cookie");
    }

    @GetMapping("/public/plan")
    String home(Model model, HttpServletResponse response) {
        PlanService.Plan plan = current();
        cacheable(response);
        model.addAttribute("plan", plan);
        model.addAttribute("measureCount", plans.measureCount(plan.id()));
        model.addAttribute("criteria", new PlanService.Criteria(plan.id(), null, null, null, null, false));
        model.addAttribute("closedYears", closedYears(plan));
        model.addAttribute("areaChoices", areaChoices());
        model.addAttribute("area", "");
        pages.headings(model, plan.id());
        return "planning/public/home";
    }

    private List<ProgressService.Year> closedYears(PlanService.Plan plan) {
        return progress.years(plan.id()).stream()
                .filter(ProgressService.Year::closed)
                .toList();
    }

    private List<org.marugoto.area.AreaView> areaChoices() {
        return areas.tree().stream()
                .filter(a -> a.active()
                        && (a.level() == AreaLevel.WARD
                                || a.level() == AreaLevel.DAILY_LIFE_AREA
                                || a.level() == AreaLevel.JUNIOR_HIGH_DISTRICT
                                || a.level() == AreaLevel.ELEMENTARY_DISTRICT))
                .toList();
    }

    @GetMapping("/public/plan/measures")
    String measures(
            @RequestParam(required = false) @Nullable String theme,
            @RequestParam(required = false) @Nullable String serviceType,
            @RequestParam(required = false) @Nullable String department,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String priority,
            Model model,
            HttpServletResponse response) {
        PlanService.Plan plan = current();
        cacheable(response);
        PlanService.Criteria criteria = pages.criteria(plan.id(), theme, serviceType, department, q, priority);
        model.addAttribute("plan", plan);
        model.addAttribute("criteria", criteria);
        model.addAttribute("measures", plans.search(criteria));
        pages.headings(model, plan.id());
        return "planning/public/measures";
    }

    @GetMapping("/public/plan/measures/{id}")
    String measure(@PathVariable UUID id, Model model, HttpServletResponse response) {
        PlanService.Plan plan = current();
        PlanService.Measure measure = plans.measure(id);
        if (!measure.planId().equals(plan.id())) {
            throw new NotFoundException("plan-measure", id);
        }
        cacheable(response);
        model.addAttribute("plan", plan);
        model.addAttribute("measure", measure);
        java.util.Map<Integer, ProgressService.Progress> published = new java.util.TreeMap<>();
        for (ProgressService.Year y : closedYears(plan)) {
            progress.progress(y.id(), id).ifPresent(p -> published.put(y.fiscalYear(), p));
        }
        model.addAttribute("published", published);
        pages.headings(model, plan.id());
        return "planning/public/measure";
    }

    @GetMapping("/public/plan/areas")
    String areaPlans(@RequestParam(required = false) @Nullable String area, Model model, HttpServletResponse response) {
        PlanService.Plan plan = current();
        cacheable(response);
        model.addAttribute("plan", plan);
        List<AreaPlanService.AreaPlan> found = areaPlans.areaPlans(plan.id(), PlanPages.uuid(area));
        model.addAttribute("areaPlans", found);
        java.util.Map<UUID, IndicatorService.AreaFigures> figures = new java.util.HashMap<>();
        found.forEach(ap -> figures.computeIfAbsent(ap.areaId(), indicators::areaFigures));
        model.addAttribute("areaFigures", figures);
        model.addAttribute("areaChoices", areaChoices());
        model.addAttribute("area", area == null ? "" : area);
        return "planning/public/areas";
    }

    @GetMapping("/public/plan/indicators")
    String indicators(Model model, Locale locale, HttpServletResponse response) {
        PlanService.Plan plan = current();
        cacheable(response);
        model.addAttribute("plan", plan);
        pages.charts(model, plan, locale);
        return "planning/public/indicators";
    }

    @GetMapping("/public/plan/years/{id}")
    String year(@PathVariable UUID id, Model model, HttpServletResponse response) {
        ProgressReport.Content content = reports.published(id);
        cacheable(response);
        model.addAttribute("plan", content.plan());
        model.addAttribute("report", content);
        return "planning/public/year";
    }
}
