package org.marugoto.planning.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaLevel;
import org.marugoto.planning.domain.AreaPlanService;
import org.marugoto.planning.domain.PlanAccess;
import org.marugoto.planning.domain.PlanService;
import org.marugoto.planning.domain.ProgressService;
import org.marugoto.shared.Actor;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.web.FormErrors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The planner's screens of the plan: its overview (basic goal, directions, themes, service types, years), the measures
 * listed and searched by theme, service type, department and keyword, a measure's page with its progress over the
 * years, the indicators against their targets with charts, a new plan as a copy, and the ward and district plans.
 * A department's members are sent to their own list ({@code /planning/progress}).
 */
@Controller
class PlanningController {

    record CopyForm(
            @NotBlank @Size(max = 200) @Nullable String name,
            @NotNull @Min(2000) @Max(2100) @Nullable Integer firstYear,
            @NotNull @Min(2000) @Max(2100) @Nullable Integer lastYear) {}

    record AreaPlanForm(
            @Nullable String areaId,
            @NotBlank @Size(max = 200) @Nullable String name,
            @Size(max = 200) @Nullable String body) {}

    record NewItemForm(
            @Nullable String districtId,
            @NotBlank @Size(max = 200) @Nullable String title,
            @Size(max = 2000) @Nullable String actions) {}

    record AreaItemForm(
            @Nullable Integer version,
            AreaPlanService.@Nullable ItemStatus status,
            @Size(max = 2000) @Nullable String progress) {}

    private final PlanService plans;
    private final ProgressService progress;
    private final AreaPlanService areaPlans;
    private final PlanAccess access;
    private final PlanPages pages;
    private final AreaApi areas;

    PlanningController(
            PlanService plans,
            ProgressService progress,
            AreaPlanService areaPlans,
            PlanAccess access,
            PlanPages pages,
            AreaApi areas) {
        this.plans = plans;
        this.progress = progress;
        this.areaPlans = areaPlans;
        this.access = access;
        this.pages = pages;
        this.areas = areas;
    }

    @GetMapping("/planning")
    String home(Model model) {
        Actor actor = access.requireAnyPlanningUser();
        if (!PlanAccess.isPlanner(actor)) {
            return "redirect:/planning/progress";
        }
        Optional<PlanService.Plan> current = plans.current();
        if (current.isPresent()) {
            return "redirect:/planning/plans/" + current.get().id();
        }
        model.addAttribute("plans", List.of());
        return "planning/none";
    }

    @GetMapping("/planning/plans/{planId}")
    String overview(@PathVariable UUID planId, Model model) {
        access.requirePlanner();
        PlanService.Plan plan = plans.plan(planId);
        model.addAttribute("plan", plan);
        model.addAttribute("plans", plans.plans());
        model.addAttribute("measureCount", plans.measureCount(planId));
        model.addAttribute(
                "priorityCount",
                plans.search(new PlanService.Criteria(planId, null, null, null, null, true))
                        .size());
        model.addAttribute("years", progress.years(planId));
        model.addAttribute("openable", openable(plan));
        if (!model.containsAttribute("copyForm")) {
            model.addAttribute(
                    "copyForm",
                    new CopyForm(
                            plan.name(),
                            plan.lastYear() + 1,
                            plan.lastYear() + 1 + (plan.lastYear() - plan.firstYear())));
        }
        pages.headings(model, planId);
        return "planning/overview";
    }

    private List<Integer> openable(PlanService.Plan plan) {
        List<Integer> opened = progress.years(plan.id()).stream()
                .map(ProgressService.Year::fiscalYear)
                .toList();
        List<Integer> years = new java.util.ArrayList<>();
        for (int y = plan.firstYear(); y <= plan.lastYear(); y++) {
            if (!opened.contains(y)) {
                years.add(y);
            }
        }
        return years;
    }

    @GetMapping("/planning/plans/{planId}/measures")
    String measures(
            @PathVariable UUID planId,
            @RequestParam(required = false) @Nullable String theme,
            @RequestParam(required = false) @Nullable String serviceType,
            @RequestParam(required = false) @Nullable String department,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String priority,
            Model model) {
        access.requirePlanner();
        PlanService.Plan plan = plans.plan(planId);
        PlanService.Criteria criteria = pages.criteria(planId, theme, serviceType, department, q, priority);
        model.addAttribute("plan", plan);
        model.addAttribute("criteria", criteria);
        model.addAttribute("measures", plans.search(criteria));
        pages.headings(model, planId);
        return "planning/measures";
    }

    @GetMapping("/planning/measures/{id}")
    String measure(@PathVariable UUID id, Model model) {
        access.requireMeasureEditor(id);
        PlanService.Measure measure = plans.measure(id);
        PlanService.Plan plan = plans.plan(measure.planId());
        model.addAttribute("plan", plan);
        model.addAttribute("measure", measure);
        List<ProgressService.Year> years = progress.years(plan.id());
        model.addAttribute("years", years);
        java.util.Map<UUID, ProgressService.Progress> byYear = new java.util.LinkedHashMap<>();
        for (ProgressService.Year y : years) {
            progress.progress(y.id(), id).ifPresent(p -> byYear.put(y.id(), p));
        }
        model.addAttribute("progressByYear", byYear);
        model.addAttribute("planner", PlanAccess.isPlanner(access.actor()));
        pages.headings(model, plan.id());
        return "planning/measure";
    }

    @GetMapping("/planning/plans/{planId}/indicators")
    String indicators(@PathVariable UUID planId, Model model, Locale locale) {
        access.requirePlanner();
        PlanService.Plan plan = plans.plan(planId);
        model.addAttribute("plan", plan);
        model.addAttribute("editable", true);
        pages.charts(model, plan, locale);
        return "planning/indicators";
    }

    /** A new plan as a copy of this one: its headings, measures and indicators, without progress. */
    @PostMapping("/planning/plans/{planId}/copy")
    String copy(
            @PathVariable UUID planId,
            @Valid @ModelAttribute("copyForm") CopyForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        access.requirePlanner();
        if (result.hasErrors() || form.name() == null || form.firstYear() == null || form.lastYear() == null) {
            return overviewWithErrors(planId, model);
        }
        try {
            UUID copy = plans.copyPlan(planId, form.name(), form.firstYear(), form.lastYear());
            redirect.addFlashAttribute("copied", true);
            return "redirect:/planning/plans/" + copy;
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return overviewWithErrors(planId, model);
        }
    }

    private String overviewWithErrors(UUID planId, Model model) {
        String view = overview(planId, model);
        return view;
    }

    @GetMapping("/planning/plans/{planId}/areas")
    String areaPlans(@PathVariable UUID planId, @RequestParam(required = false) @Nullable String area, Model model) {
        access.requirePlanner();
        model.addAttribute("plan", plans.plan(planId));
        model.addAttribute("areaPlans", areaPlans.areaPlans(planId, PlanPages.uuid(area)));
        model.addAttribute("statuses", AreaPlanService.ItemStatus.values());
        model.addAttribute("areaChoices", areaChoices());
        model.addAttribute(
                "districtChoices",
                areas.tree().stream()
                        .filter(a -> a.active() && a.level() != AreaLevel.BLOCK)
                        .toList());
        model.addAttribute("area", area == null ? "" : area);
        return "planning/areas";
    }

    List<org.marugoto.area.AreaView> areaChoices() {
        return areas.tree().stream()
                .filter(a -> a.active()
                        && a.level() != AreaLevel.NEIGHBOURHOOD_ASSOCIATION
                        && a.level() != AreaLevel.BLOCK
                        && a.level() != AreaLevel.DISTRICT_COUNCIL)
                .toList();
    }

    /** A new ward or district plan (区計画・地区計画) for an area. */
    @PostMapping("/planning/plans/{planId}/areas")
    String createAreaPlan(
            @PathVariable UUID planId,
            @Valid @ModelAttribute AreaPlanForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        access.requirePlanner();
        plans.plan(planId);
        UUID areaId = PlanPages.uuid(form.areaId());
        if (result.hasErrors() || areaId == null || form.name() == null) {
            redirect.addFlashAttribute("actionError", "planning.area.planInvalid");
            return "redirect:/planning/plans/" + planId + "/areas";
        }
        try {
            UUID id = areaPlans.createAreaPlan(planId, areaId, form.name(), form.body() == null ? "" : form.body());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/planning/plans/" + planId + "/areas#area-plan-" + id;
        } catch (RuleViolation violation) {
            redirect.addFlashAttribute("actionError", violation.messageKey());
            return "redirect:/planning/plans/" + planId + "/areas";
        }
    }

    /** A new priority item (重点取組項目) of a district in a ward or district plan. */
    @PostMapping("/planning/area-plans/{id}/items")
    String addAreaItem(
            @PathVariable UUID id,
            @Valid @ModelAttribute NewItemForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        access.requirePlanner();
        UUID planId = areaPlans.planOf(id);
        UUID districtId = PlanPages.uuid(form.districtId());
        if (result.hasErrors() || districtId == null || form.title() == null) {
            redirect.addFlashAttribute("actionError", "planning.area.itemInvalid");
            return "redirect:/planning/plans/" + planId + "/areas#area-plan-" + id;
        }
        try {
            UUID item = areaPlans.addItem(id, districtId, form.title(), form.actions() == null ? "" : form.actions());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/planning/plans/" + planId + "/areas#item-" + item;
        } catch (RuleViolation violation) {
            redirect.addFlashAttribute("actionError", violation.messageKey());
            return "redirect:/planning/plans/" + planId + "/areas#area-plan-" + id;
        }
    }

    /** A priority item's progress, as the ward committee reported it. */
    @PostMapping("/planning/area-items/{id}")
    String reportItem(
            @PathVariable UUID id,
            @Valid @ModelAttribute AreaItemForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        access.requirePlanner();
        AreaPlanService.Item item = areaPlans.item(id);
        UUID planId = areaPlans.planOf(item.areaPlanId());
        if (result.hasErrors() || form.status() == null || form.version() == null) {
            redirect.addFlashAttribute("actionError", "planning.area.invalid");
        } else {
            try {
                areaPlans.report(id, form.version(), form.status(), form.progress() == null ? "" : form.progress());
                redirect.addFlashAttribute("saved", true);
            } catch (OptimisticLockingFailureException stale) {
                redirect.addFlashAttribute("actionError", "error.staleEdit");
            } catch (RuleViolation violation) {
                redirect.addFlashAttribute("actionError", violation.messageKey());
            }
        }
        return "redirect:/planning/plans/" + planId + "/areas#item-" + id;
    }
}
