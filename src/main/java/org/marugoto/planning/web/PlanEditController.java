package org.marugoto.planning.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.planning.domain.IndicatorService;
import org.marugoto.planning.domain.PlanAccess;
import org.marugoto.planning.domain.PlanEditing;
import org.marugoto.planning.domain.PlanService;
import org.marugoto.planning.domain.PlanService.MeasureActor;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.text.JapaneseText;
import org.marugoto.shared.web.FormErrors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The planner's forms for one measure and one indicator (beside the import): opened with the record's version, a stale
 * save is refused and the newer record shown; bad input comes back at its field with nothing changed.
 */
@Controller
class PlanEditController {

    record MeasureForm(
            @Nullable Integer version,
            @NotBlank @Size(max = 200) @Nullable String name,
            @Size(max = 2000) @Nullable String content,
            @Nullable Integer direction,
            @Nullable List<Integer> themes,
            @Nullable List<Integer> serviceTypes,
            @NotBlank @Size(max = 1000) @Nullable String departments,
            @Nullable List<MeasureActor> actors,
            @Nullable Boolean priority) {

        static MeasureForm of(PlanService.Measure m, List<PlanService.Heading> headings) {
            Integer direction = headings.stream()
                    .filter(h -> h.id().equals(m.directionId()))
                    .map(PlanService.Heading::number)
                    .findFirst()
                    .orElse(null);
            return new MeasureForm(
                    m.version(),
                    m.name(),
                    m.content(),
                    direction,
                    m.themes().stream().map(PlanService.Heading::number).toList(),
                    m.serviceTypes().stream().map(PlanService.Heading::number).toList(),
                    m.departmentNames(),
                    m.actors(),
                    m.priority());
        }

        List<String> departmentNames() {
            List<String> names = new ArrayList<>();
            for (String d : JapaneseText.normalize(departments == null ? "" : departments)
                    .split("[、,，\\n]")) {
                if (!d.isBlank() && !names.contains(d.strip())) {
                    names.add(d.strip());
                }
            }
            return names;
        }

        PlanService.MeasureDraft draft() {
            return new PlanService.MeasureDraft(
                    "",
                    name == null ? "" : name.strip(),
                    content == null ? "" : content.strip(),
                    direction,
                    themes == null ? List.of() : themes,
                    serviceTypes == null ? List.of() : serviceTypes,
                    departmentNames(),
                    actors == null ? List.of() : actors,
                    Boolean.TRUE.equals(priority));
        }
    }

    record IndicatorForm(
            @Nullable Integer version,
            @NotBlank @Size(max = 200) @Nullable String name,
            @Size(max = 1000) @Nullable String definition,
            @NotBlank @Size(max = 20) @Nullable String unit,
            @NotNull @Min(2000) @Max(2100) @Nullable Integer baselineYear,
            @NotBlank @Size(max = 20) @Nullable String baselineValue,
            @Nullable List<String> targets) {

        static IndicatorForm of(IndicatorService.Indicator i, int version, PlanService.Plan plan) {
            List<String> targets = new ArrayList<>();
            for (int y = plan.firstYear(); y <= plan.lastYear(); y++) {
                BigDecimal t = i.targets().get(y);
                targets.add(t == null ? "" : t.stripTrailingZeros().toPlainString());
            }
            return new IndicatorForm(
                    version,
                    i.name(),
                    i.definition(),
                    i.unit(),
                    i.baselineYear(),
                    i.baselineValue().stripTrailingZeros().toPlainString(),
                    targets);
        }
    }

    private final PlanService plans;
    private final IndicatorService indicators;
    private final PlanEditing editing;
    private final PlanAccess access;
    private final PlanPages pages;

    PlanEditController(
            PlanService plans, IndicatorService indicators, PlanEditing editing, PlanAccess access, PlanPages pages) {
        this.plans = plans;
        this.indicators = indicators;
        this.editing = editing;
        this.access = access;
        this.pages = pages;
    }

    @ModelAttribute("actorChoices")
    MeasureActor[] actorChoices() {
        return MeasureActor.values();
    }

    @GetMapping("/planning/measures/{id}/edit")
    String measureForm(@PathVariable UUID id, Model model) {
        access.requirePlanner();
        PlanService.Measure measure = plans.measure(id);
        return measurePage(model, measure, MeasureForm.of(measure, plans.headings(measure.planId())));
    }

    @PostMapping("/planning/measures/{id}/edit")
    String saveMeasure(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") MeasureForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        access.requirePlanner();
        PlanService.Measure measure = plans.measure(id);
        if (form.departmentNames().stream().anyMatch(d -> d.length() > 100)) {
            result.rejectValue("departments", "planning.edit.departmentTooLong");
        }
        if (result.hasErrors() || form.version() == null) {
            return measurePage(model, measure, form);
        }
        try {
            boolean changed = editing.editMeasure(id, form.version(), form.draft());
            redirect.addFlashAttribute("measureSaved", changed);
            return "redirect:/planning/measures/" + id;
        } catch (OptimisticLockingFailureException stale) {
            PlanService.Measure newer = plans.measure(id);
            model.addAttribute("stale", true);
            return measurePage(model, newer, MeasureForm.of(newer, plans.headings(newer.planId())));
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return measurePage(model, measure, form);
        }
    }

    private String measurePage(Model model, PlanService.Measure measure, MeasureForm form) {
        model.addAttribute("plan", plans.plan(measure.planId()));
        model.addAttribute("measure", measure);
        model.addAttribute("form", form);
        pages.headings(model, measure.planId());
        return "planning/measure-edit";
    }

    @GetMapping("/planning/indicators/{id}/edit")
    String indicatorForm(@PathVariable UUID id, Model model) {
        access.requirePlanner();
        IndicatorService.Indicator indicator = indicators.indicator(id);
        PlanService.Plan plan = planOf(indicator);
        return indicatorPage(model, plan, indicator, IndicatorForm.of(indicator, editing.indicatorVersion(id), plan));
    }

    @PostMapping("/planning/indicators/{id}/edit")
    String saveIndicator(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") IndicatorForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        access.requirePlanner();
        IndicatorService.Indicator indicator = indicators.indicator(id);
        PlanService.Plan plan = planOf(indicator);
        BigDecimal baseline = number(form.baselineValue());
        if (form.baselineValue() != null && !form.baselineValue().isBlank() && baseline == null) {
            result.rejectValue("baselineValue", "planning.edit.number");
        }
        Map<Integer, BigDecimal> targets = new LinkedHashMap<>();
        List<String> given = form.targets() == null ? List.of() : form.targets();
        for (int i = 0; i < given.size() && plan.firstYear() + i <= plan.lastYear(); i++) {
            String text = given.get(i);
            if (text == null || text.isBlank()) {
                continue;
            }
            BigDecimal t = number(text);
            if (t == null) {
                result.rejectValue("targets", "planning.edit.targetNumber", new Object[] {plan.firstYear() + i}, null);
            } else {
                targets.put(plan.firstYear() + i, t);
            }
        }
        if (result.hasErrors() || form.version() == null || baseline == null || form.baselineYear() == null) {
            return indicatorPage(model, plan, indicator, form);
        }
        try {
            boolean changed = editing.editIndicator(
                    id,
                    form.version(),
                    new PlanEditing.IndicatorEdit(
                            form.name() == null ? "" : form.name().strip(),
                            form.definition() == null ? "" : form.definition().strip(),
                            form.unit() == null ? "" : form.unit().strip(),
                            form.baselineYear(),
                            baseline,
                            targets));
            redirect.addFlashAttribute("indicatorSaved", changed);
            return "redirect:/planning/plans/" + plan.id() + "/indicators#indicator-" + indicator.code();
        } catch (OptimisticLockingFailureException stale) {
            IndicatorService.Indicator newer = indicators.indicator(id);
            model.addAttribute("stale", true);
            return indicatorPage(model, plan, newer, IndicatorForm.of(newer, editing.indicatorVersion(id), plan));
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return indicatorPage(model, plan, indicator, form);
        }
    }

    private PlanService.Plan planOf(IndicatorService.Indicator indicator) {
        return plans.plan(indicators.planOf(java.util.Objects.requireNonNull(indicator.id())));
    }

    private String indicatorPage(
            Model model, PlanService.Plan plan, IndicatorService.Indicator indicator, IndicatorForm form) {
        model.addAttribute("plan", plan);
        model.addAttribute("indicator", indicator);
        model.addAttribute("form", form);
        List<Integer> years = new ArrayList<>();
        for (int y = plan.firstYear(); y <= plan.lastYear(); y++) {
            years.add(y);
        }
        model.addAttribute("years", years);
        return "planning/indicator-edit";
    }

    private static @Nullable BigDecimal number(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal value =
                    new BigDecimal(JapaneseText.normalize(text).replace(",", "").strip());
            return value.signum() < 0 || value.precision() - value.scale() > 12 ? null : value;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
