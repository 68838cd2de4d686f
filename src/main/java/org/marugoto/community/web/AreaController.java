package org.marugoto.community.web;

import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaLevel;
import org.marugoto.area.AreaView;
import org.marugoto.community.domain.Activity;
import org.marugoto.community.domain.ActivityFinder;
import org.marugoto.community.domain.AreaFigures;
import org.marugoto.community.domain.CommunityIssue;
import org.marugoto.community.domain.IssueService;
import org.marugoto.consultation.ConsultationApi;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff's area pages (社協 staff and coordinators): an area's places and activities, its indicators beside the
 * city's with a chart, its counts by issue code (small ones hidden), its community issues; proposing an issue from
 * these figures, recording area meetings with actions, and publishing the feedback to residents.
 */
@Controller
class AreaController {

    record IssueForm(
            @Size(max = 200) @Nullable String title,
            @Size(max = 4000) @Nullable String description,
            @Nullable String periodFrom,
            @Nullable String periodTo,
            @Nullable String proposedBy) {}

    record MeetingForm(
            @Nullable String kind,
            @Nullable String heldOn,
            @Size(max = 1000) @Nullable String organisations,
            @Size(max = 4000) @Nullable String minutes,
            @Size(max = 500) @Nullable String action,
            @Size(max = 200) @Nullable String actionOwner,
            @Nullable String actionDue) {}

    private final IssueService issues;
    private final ActivityFinder finder;
    private final AreaApi areas;
    private final ConsultationApi consultations;
    private final MessageSource messages;

    AreaController(
            IssueService issues,
            ActivityFinder finder,
            AreaApi areas,
            ConsultationApi consultations,
            MessageSource messages) {
        this.issues = issues;
        this.finder = finder;
        this.areas = areas;
        this.consultations = consultations;
        this.messages = messages;
    }

    @GetMapping("/community/areas")
    String list(Model model) {
        model.addAttribute(
                "areas",
                areas.tree().stream()
                        .filter(a -> a.level().ordinal() <= AreaLevel.ELEMENTARY_DISTRICT.ordinal())
                        .toList());
        model.addAttribute("issues", issues.all());
        model.addAttribute("areaNames", finder.areaNames());
        return "community/areas";
    }

    @GetMapping("/community/areas/{id}")
    String area(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            Model model,
            Locale locale) {
        LocalDate end = date(to, finder.today());
        LocalDate start = date(from, end.minusYears(1).plusDays(1));
        if (start.isAfter(end)) {
            start = end.minusYears(1).plusDays(1);
        }
        IssueForm form = new IssueForm("", "", start.toString(), end.toString(), CommunityIssue.Proposer.CSW.name());
        return areaPage(model, id, start, end, form, locale);
    }

    @PostMapping("/community/areas/{id}/issues")
    String propose(
            @PathVariable UUID id,
            @Validated @ModelAttribute("form") IssueForm form,
            BindingResult result,
            Model model,
            Locale locale) {
        LocalDate start = parse(form.periodFrom(), "periodFrom", result);
        LocalDate end = parse(form.periodTo(), "periodTo", result);
        CommunityIssue.Proposer proposer = CommunityIssue.Proposer.CSW;
        try {
            proposer = CommunityIssue.Proposer.valueOf(form.proposedBy() == null ? "" : form.proposedBy());
        } catch (IllegalArgumentException e) {
            result.rejectValue("proposedBy", "community.error.choose");
        }
        LocalDate shownEnd = end == null ? finder.today() : end;
        LocalDate shownStart = start == null || start.isAfter(shownEnd)
                ? shownEnd.minusYears(1).plusDays(1)
                : start;
        if (result.hasErrors() || start == null || end == null) {
            return areaPage(model, id, shownStart, shownEnd, form, locale);
        }
        try {
            CommunityIssue issue = issues.propose(id, nz(form.title()), nz(form.description()), start, end, proposer);
            return "redirect:/community/issues/" + issue.id();
        } catch (RuleViolation violation) {
            reject(result, violation);
            return areaPage(model, id, shownStart, shownEnd, form, locale);
        }
    }

    @GetMapping("/community/issues/{id}")
    String issue(@PathVariable UUID id, Model model) {
        return issuePage(model, issues.get(id), emptyMeeting());
    }

    @PostMapping("/community/issues/{id}/meetings")
    String meeting(
            @PathVariable UUID id,
            @Validated @ModelAttribute("meeting") MeetingForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        CommunityIssue issue = issues.get(id);
        CommunityIssue.MeetingKind kind = null;
        try {
            kind = CommunityIssue.MeetingKind.valueOf(nz(form.kind()));
        } catch (IllegalArgumentException e) {
            result.rejectValue("kind", "community.error.choose");
        }
        LocalDate heldOn = parse(form.heldOn(), "heldOn", result);
        LocalDate due = form.actionDue() == null || form.actionDue().isBlank()
                ? null
                : parse(form.actionDue(), "actionDue", result);
        if (result.hasErrors() || kind == null || heldOn == null) {
            return issuePage(model, issue, form);
        }
        try {
            issues.recordMeeting(
                    id,
                    kind,
                    heldOn,
                    nz(form.organisations()),
                    nz(form.minutes()),
                    form.action(),
                    form.actionOwner(),
                    due);
        } catch (RuleViolation violation) {
            reject(result, violation);
            return issuePage(model, issue, form);
        }
        redirect.addFlashAttribute("meetingSaved", true);
        return "redirect:/community/issues/" + id;
    }

    @PostMapping("/community/issues/{id}/feedback")
    String feedback(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "-1") int version,
            @RequestParam(defaultValue = "") String feedback,
            RedirectAttributes redirect) {
        try {
            issues.publishFeedback(id, version, feedback.length() > 2000 ? feedback.substring(0, 2000) : feedback);
            redirect.addFlashAttribute("feedbackPublished", true);
        } catch (RuleViolation violation) {
            redirect.addFlashAttribute("actionError", violation.messageKey());
        } catch (OptimisticLockingFailureException stale) {
            redirect.addFlashAttribute("actionError", "error.staleEdit");
        }
        return "redirect:/community/issues/" + id;
    }

    @PostMapping("/community/meeting-actions/{id}/done")
    String actionDone(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "-1") int version,
            @RequestParam(defaultValue = "") String issue,
            RedirectAttributes redirect) {
        try {
            issues.markActionDone(id, version);
            redirect.addFlashAttribute("actionDone", true);
        } catch (OptimisticLockingFailureException stale) {
            redirect.addFlashAttribute("actionError", "error.staleEdit");
        }
        UUID issueId = PublicController.uuid(issue);
        return issueId == null ? "redirect:/community/areas" : "redirect:/community/issues/" + issueId;
    }

    private String areaPage(Model model, UUID id, LocalDate from, LocalDate to, IssueForm form, Locale locale) {
        AreaFigures figures = issues.figures(id, from, to);
        List<Activity> activities =
                finder.search(new ActivityFinder.Criteria(id, null, null, null, null, false, false));
        model.addAttribute("figures", figures);
        model.addAttribute("activities", activities);
        model.addAttribute("issues", issues.forArea(id));
        model.addAttribute("form", form);
        model.addAttribute("issueNames", consultations.issueCodesByCode());
        model.addAttribute("areaNames", finder.areaNames());
        model.addAttribute("chart", Charts.indicators(figures, messages, locale));
        model.addAttribute("proposers", CommunityIssue.Proposer.values());
        return "community/area";
    }

    private String issuePage(Model model, CommunityIssue issue, MeetingForm meeting) {
        AreaView area = areas.find(issue.areaId()).orElseThrow(() -> new NotFoundException("area", issue.areaId()));
        model.addAttribute("issue", issue);
        model.addAttribute("area", area);
        model.addAttribute("meeting", meeting);
        model.addAttribute("kinds", CommunityIssue.MeetingKind.values());
        model.addAttribute("issueNames", consultations.issueCodesByCode());
        return "community/issue";
    }

    private static MeetingForm emptyMeeting() {
        return new MeetingForm(CommunityIssue.MeetingKind.DISTRICT_WELFARE.name(), "", "", "", "", "", "");
    }

    private static void reject(BindingResult result, RuleViolation violation) {
        if (violation.field() != null) {
            result.rejectValue(violation.field(), violation.messageKey());
        } else {
            result.reject(violation.messageKey());
        }
    }

    private static LocalDate date(@Nullable String text, LocalDate fallback) {
        try {
            return text == null || text.isBlank() ? fallback : LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            return fallback;
        }
    }

    private static @Nullable LocalDate parse(@Nullable String text, String field, BindingResult result) {
        try {
            return LocalDate.parse(nz(text).strip());
        } catch (DateTimeException e) {
            result.rejectValue(field, "community.error.date");
            return null;
        }
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
