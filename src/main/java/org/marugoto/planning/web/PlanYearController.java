package org.marugoto.planning.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.planning.domain.IndicatorService;
import org.marugoto.planning.domain.PlanAccess;
import org.marugoto.planning.domain.PlanService;
import org.marugoto.planning.domain.ProgressReport;
import org.marugoto.planning.domain.ProgressService;
import org.marugoto.planning.domain.ProgressService.Evaluation;
import org.marugoto.shared.Actor;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.pdf.PdfRenderer;
import org.marugoto.shared.pdf.PdfResponses;
import org.marugoto.shared.web.FormErrors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The yearly cycle: the planner opens a year, sees which departments have not entered their measures' progress and
 * reminds them, records the committee's comments, closes the year and downloads the progress report (PDF, Excel); a
 * department's members list their measures and enter each one's 実績, self-evaluation (the criteria are on the form),
 * issues and next year's direction, and their entered indicators' figures.
 */
@Controller
class PlanYearController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    record ProgressForm(
            @Nullable Integer version,
            @Size(max = 2000) @Nullable String result,
            @NotNull @Nullable Evaluation evaluation,
            @Size(max = 2000) @Nullable String issues,
            @Size(max = 2000) @Nullable String nextDirection) {

        static ProgressForm of(ProgressService.@Nullable Progress p) {
            return p == null
                    ? new ProgressForm(-1, "", null, "", "")
                    : new ProgressForm(p.version(), p.result(), p.evaluation(), p.issues(), p.nextDirection());
        }
    }

    record CommentForm(
            @Nullable Integer version,
            @Size(max = 4000) @Nullable String comment) {}

    record ValueForm(
            @NotNull @DecimalMin("0") @DecimalMax("999999999999") @Nullable
            BigDecimal value) {}

    private final PlanService plans;
    private final ProgressService progress;
    private final IndicatorService indicators;
    private final ProgressReport reports;
    private final PlanAccess access;
    private final PdfRenderer pdf;

    PlanYearController(
            PlanService plans,
            ProgressService progress,
            IndicatorService indicators,
            ProgressReport reports,
            PlanAccess access,
            PdfRenderer pdf) {
        this.plans = plans;
        this.progress = progress;
        this.indicators = indicators;
        this.reports = reports;
        this.access = access;
        this.pdf = pdf;
    }

    @PostMapping("/planning/plans/{planId}/years")
    String open(
            @PathVariable UUID planId,
            @RequestParam(required = false) @Nullable Integer fiscalYear,
            RedirectAttributes redirect) {
        access.requirePlanner();
        if (fiscalYear == null) {
            redirect.addFlashAttribute("actionError", "planning.year.choose");
            return "redirect:/planning/plans/" + planId;
        }
        try {
            UUID id = progress.open(planId, fiscalYear);
            redirect.addFlashAttribute("opened", true);
            return "redirect:/planning/years/" + id;
        } catch (RuleViolation violation) {
            redirect.addFlashAttribute("actionError", violation.messageKey());
            return "redirect:/planning/plans/" + planId;
        }
    }

    @GetMapping("/planning/years/{id}")
    String year(@PathVariable UUID id, Model model, Locale locale) {
        access.requirePlanner();
        ProgressService.Year year = progress.year(id);
        PlanService.Plan plan = plans.plan(year.planId());
        model.addAttribute("plan", plan);
        model.addAttribute("year", year);
        model.addAttribute("departments", progress.departmentStatus(id));
        List<PlanService.Measure> measures =
                plans.search(new PlanService.Criteria(plan.id(), null, null, null, null, false));
        model.addAttribute("measures", measures);
        model.addAttribute("progress", progress.progress(id));
        Map<Evaluation, Long> counts = new LinkedHashMap<>();
        for (Evaluation e : Evaluation.values()) {
            counts.put(e, 0L);
        }
        progress.progress(id).values().forEach(p -> counts.merge(p.evaluation(), 1L, Long::sum));
        model.addAttribute("evaluations", counts);
        if (!model.containsAttribute("commentForm")) {
            model.addAttribute("commentForm", new CommentForm(year.version(), year.committeeComment()));
        }
        model.addAttribute("figures", yearFigures(plan, year.fiscalYear()));
        return "planning/year";
    }

    private List<Map.Entry<IndicatorService.Indicator, IndicatorService.YearFigure>> yearFigures(
            PlanService.Plan plan, int fiscalYear) {
        return indicators.series(plan).stream()
                .flatMap(s -> s.years().stream()
                        .filter(f -> f.fiscalYear() == fiscalYear)
                        .map(f -> Map.entry(s.indicator(), f)))
                .toList();
    }

    @PostMapping("/planning/years/{id}/remind")
    String remind(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            int reminded = progress.remind(id);
            redirect.addFlashAttribute("reminded", reminded);
        } catch (RuleViolation violation) {
            redirect.addFlashAttribute("actionError", violation.messageKey());
        }
        return "redirect:/planning/years/" + id;
    }

    @PostMapping("/planning/years/{id}/comment")
    String comment(
            @PathVariable UUID id,
            @Valid @ModelAttribute("commentForm") CommentForm form,
            BindingResult result,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        access.requirePlanner();
        if (result.hasErrors()) {
            return year(id, model, locale);
        }
        try {
            progress.comment(
                    id, form.version() == null ? -1 : form.version(), form.comment() == null ? "" : form.comment());
            redirect.addFlashAttribute("commented", true);
            return "redirect:/planning/years/" + id;
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            // a closed year shows no form: the message goes to the top of the page
            model.addAttribute("actionError", violation.messageKey());
            return year(id, model, locale);
        } catch (OptimisticLockingFailureException stale) {
            FormErrors.rejectStale(result);
            ProgressService.Year newer = progress.year(id);
            FormErrors.showWithErrors(model, result, new CommentForm(newer.version(), newer.committeeComment()));
            return year(id, model, locale);
        }
    }

    @PostMapping("/planning/years/{id}/close")
    String close(@PathVariable UUID id, @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        try {
            progress.close(id, version);
            redirect.addFlashAttribute("closedNow", true);
        } catch (OptimisticLockingFailureException stale) {
            redirect.addFlashAttribute("actionError", "error.staleEdit");
        } catch (RuleViolation violation) {
            redirect.addFlashAttribute("actionError", violation.messageKey());
        }
        return "redirect:/planning/years/" + id;
    }

    @GetMapping("/planning/years/{id}/report.pdf")
    ResponseEntity<byte[]> reportPdf(@PathVariable UUID id) {
        ProgressReport.Content content = reports.content(id, "pdf");
        byte[] bytes = pdf.render("planning/pdf/report", Map.of("report", content), Locale.JAPANESE);
        return PdfResponses.attachment(bytes, "plan-progress-" + content.year().fiscalYear() + ".pdf");
    }

    @GetMapping("/planning/years/{id}/report.xlsx")
    ResponseEntity<byte[]> reportXlsx(@PathVariable UUID id) {
        ProgressReport.Content content = reports.content(id, "xlsx");
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("plan-progress-" + content.year().fiscalYear() + ".xlsx")
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(reports.xlsx(content));
    }

    // ---------------------------------------------------------------- the departments

    /** A department member's list: their measures in every open year, entered or not. */
    @GetMapping("/planning/progress")
    String mine(Model model) {
        Actor actor = access.requireAnyPlanningUser();
        Set<UUID> departments = access.departmentsOf(actor);
        List<ProgressService.Year> open = progress.openYears();
        Map<UUID, List<PlanService.Measure>> measures = new LinkedHashMap<>();
        Map<UUID, Map<UUID, ProgressService.Progress>> entered = new LinkedHashMap<>();
        Map<UUID, List<IndicatorService.Indicator>> own = new LinkedHashMap<>();
        Map<UUID, PlanService.Plan> planOf = new LinkedHashMap<>();
        for (ProgressService.Year y : open) {
            planOf.put(y.id(), plans.plan(y.planId()));
            measures.put(y.id(), plans.measuresOf(y.planId(), departments));
            entered.put(y.id(), progress.progress(y.id()));
            own.put(
                    y.id(),
                    indicators.indicators(y.planId()).stream()
                            .filter(i ->
                                    !i.computed() && i.departmentId() != null && departments.contains(i.departmentId()))
                            .toList());
        }
        model.addAttribute("years", open);
        model.addAttribute("planOf", planOf);
        model.addAttribute("measures", measures);
        model.addAttribute("entered", entered);
        model.addAttribute("ownIndicators", own);
        model.addAttribute(
                "departmentNames",
                plans.departments().stream()
                        .filter(d -> departments.contains(d.id()))
                        .map(PlanService.Department::name)
                        .toList());
        return "planning/progress";
    }

    @GetMapping("/planning/years/{yearId}/measures/{measureId}")
    String progressForm(@PathVariable UUID yearId, @PathVariable UUID measureId, Model model) {
        access.requireMeasureEditor(measureId);
        ProgressService.Year year = progress.year(yearId);
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form", ProgressForm.of(progress.progress(yearId, measureId).orElse(null)));
        }
        return progressPage(year, measureId, model);
    }

    private String progressPage(ProgressService.Year year, UUID measureId, Model model) {
        PlanService.Measure measure = plans.measure(measureId);
        if (!measure.planId().equals(year.planId())) {
            throw new org.marugoto.shared.NotFoundException("plan-measure", measureId);
        }
        model.addAttribute("year", year);
        model.addAttribute("measure", measure);
        model.addAttribute("plan", plans.plan(year.planId()));
        model.addAttribute("evaluationChoices", Evaluation.values());
        model.addAttribute("previous", previous(year, measureId));
        return "planning/progress-form";
    }

    private ProgressService.@Nullable Progress previous(ProgressService.Year year, UUID measureId) {
        return progress.year(year.planId(), year.fiscalYear() - 1)
                .flatMap(y -> progress.progress(y.id(), measureId))
                .orElse(null);
    }

    @PostMapping("/planning/years/{yearId}/measures/{measureId}")
    String saveProgress(
            @PathVariable UUID yearId,
            @PathVariable UUID measureId,
            @Valid @ModelAttribute("form") ProgressForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        access.requireMeasureEditor(measureId);
        ProgressService.Year year = progress.year(yearId);
        if (form.result() == null || form.result().isBlank()) {
            result.rejectValue("result", "planning.progress.resultRequired");
        }
        if (result.hasErrors() || form.evaluation() == null) {
            return progressPage(year, measureId, model);
        }
        try {
            progress.save(
                    yearId,
                    measureId,
                    form.version() == null ? -1 : form.version(),
                    new ProgressService.ProgressEntry(
                            form.result() == null ? "" : form.result(),
                            form.evaluation(),
                            form.issues() == null ? "" : form.issues(),
                            form.nextDirection() == null ? "" : form.nextDirection()));
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return progressPage(year, measureId, model);
        } catch (OptimisticLockingFailureException stale) {
            FormErrors.rejectStale(result);
            FormErrors.showWithErrors(
                    model,
                    result,
                    ProgressForm.of(progress.progress(yearId, measureId).orElse(null)));
            return progressPage(year, measureId, model);
        }
        redirect.addFlashAttribute("savedMeasure", plans.measure(measureId).number());
        return "redirect:/planning/progress";
    }

    /** A year's figure of an entered indicator: its department's members or the planner. */
    @PostMapping("/planning/years/{yearId}/indicators/{indicatorId}")
    String enterValue(
            @PathVariable UUID yearId,
            @PathVariable UUID indicatorId,
            @Valid @ModelAttribute ValueForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        IndicatorService.Indicator indicator = indicators.indicator(indicatorId);
        Actor actor = access.requireIndicatorEditor(indicator.departmentId());
        ProgressService.Year year = progress.year(yearId);
        if (!indicators.planOf(indicatorId).equals(year.planId())) {
            throw new org.marugoto.shared.NotFoundException("plan-indicator", indicatorId);
        }
        if (result.hasErrors() || form.value() == null) {
            redirect.addFlashAttribute("actionError", "planning.indicator.valueInvalid");
        } else {
            try {
                indicators.enter(indicatorId, year.fiscalYear(), form.value(), year.closed());
                redirect.addFlashAttribute("valueSaved", indicator.name());
            } catch (RuleViolation violation) {
                redirect.addFlashAttribute("actionError", violation.messageKey());
            }
        }
        return PlanAccess.isPlanner(actor) ? "redirect:/planning/years/" + yearId : "redirect:/planning/progress";
    }
}
