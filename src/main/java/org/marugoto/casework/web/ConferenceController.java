package org.marugoto.casework.web;

import static org.marugoto.shared.text.Texts.blankToNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.marugoto.access.Colleagues;
import org.marugoto.casework.CaseCommands;
import org.marugoto.casework.CaseView;
import org.marugoto.casework.ConferenceDecision;
import org.marugoto.casework.ConferenceKind;
import org.marugoto.casework.ConferenceView;
import org.marugoto.casework.GoalOutcome;
import org.marugoto.casework.PersonAgreement;
import org.marugoto.casework.PlanStatus;
import org.marugoto.casework.domain.CaseService;
import org.marugoto.casework.domain.ConferenceService;
import org.marugoto.casework.domain.PlanService;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Japan;
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
 * Meetings (重層的支援会議 and 支援会議, Art. 106-6): scheduling, the confidentiality pledge a 支援会議 member gives
 * before reading, minutes with decisions and action items, and cancelling. A 重層的支援会議 is also where the
 * person's agreement makes the draft plan the plan in force and where the plan in force is evaluated.
 */
@Controller
class ConferenceController {

    private final ConferenceService conferences;
    private final CaseService cases;
    private final PlanService plans;
    private final Colleagues colleagues;
    private final DirectoryApi directory;

    ConferenceController(
            ConferenceService conferences,
            CaseService cases,
            PlanService plans,
            Colleagues colleagues,
            DirectoryApi directory) {
        this.conferences = conferences;
        this.cases = cases;
        this.plans = plans;
        this.colleagues = colleagues;
        this.directory = directory;
    }

    @ModelAttribute("agencyNames")
    Map<UUID, String> agencyNames() {
        return directory.agencyNames();
    }

    @GetMapping("/cases/{caseId}/conferences/new")
    String scheduleForm(
            @PathVariable UUID caseId, @RequestParam(defaultValue = "JUSHO") ConferenceKind kind, Model model) {
        CaseView view = cases.get(caseId);
        List<UUID> members = kind == ConferenceKind.JUSHO
                ? cases.team(caseId).stream()
                        .filter(CaseView.TeamMember::active)
                        .map(CaseView.TeamMember::accountId)
                        .toList()
                : List.of();
        String when = LocalDate.now(Japan.ZONE).plusDays(7).atTime(14, 0).toString();
        ConferenceForm form = new ConferenceForm(kind, when, "", "", members);
        return schedulePage(model, view, form);
    }

    @PostMapping("/cases/{caseId}/conferences/new")
    String schedule(
            @PathVariable UUID caseId, @ModelAttribute("form") ConferenceForm form, BindingResult result, Model model) {
        CaseView view = cases.get(caseId);
        LocalDateTime when = null;
        try {
            when = LocalDateTime.parse(form.scheduledAt().strip());
        } catch (DateTimeParseException e) {
            result.rejectValue("scheduledAt", "case.error.date");
        }
        if (result.hasErrors() || when == null) {
            return schedulePage(model, view, form);
        }
        try {
            ConferenceView scheduled = conferences.schedule(
                    caseId,
                    new CaseCommands.Conference(
                            form.kind(),
                            when.atZone(Japan.ZONE).toInstant(),
                            form.place(),
                            form.agenda(),
                            new LinkedHashSet<>(form.memberAccountIds())));
            return "redirect:/conferences/" + scheduled.id();
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return schedulePage(model, view, form);
        }
    }

    private String schedulePage(Model model, CaseView view, ConferenceForm form) {
        model.addAttribute("kase", view);
        model.addAttribute("form", form);
        model.addAttribute("kinds", ConferenceKind.values());
        model.addAttribute("staff", colleagues.professionals());
        return "casework/conference-form";
    }

    @GetMapping("/conferences/{id}")
    String view(@PathVariable UUID id, Model model) {
        ConferenceView conference = conferences.get(id);
        UUID me = CurrentActor.get().orElseThrow().accountId();
        model.addAttribute("conference", conference);
        model.addAttribute("kase", cases.link(conference.caseId()));
        model.addAttribute("member", conference.member(me));
        model.addAttribute("pledged", conference.pledged(me));
        if (!conference.restricted() && conference.kind() == ConferenceKind.JUSHO) {
            model.addAttribute("draft", plans.draft(conference.caseId()).orElse(null));
            model.addAttribute(
                    "inForce",
                    plans.currentPlan(conference.caseId())
                            .filter(p -> p.status() == PlanStatus.AGREED)
                            .orElse(null));
        }
        if (!model.containsAttribute("form")) {
            List<UUID> members = conference.members().stream()
                    .map(ConferenceView.Member::accountId)
                    .toList();
            model.addAttribute("form", MinutesForm.attendedByAll(conference.version(), members));
        }
        model.addAttribute("decisionChoices", decisions(conference.kind()));
        model.addAttribute("agreements", PersonAgreement.values());
        model.addAttribute("outcomes", GoalOutcome.values());
        model.addAttribute("staff", colleagues.professionals());
        return "casework/conference";
    }

    private static List<ConferenceDecision> decisions(ConferenceKind kind) {
        return kind == ConferenceKind.SHIEN
                ? List.of(ConferenceDecision.CONTINUE)
                : List.of(ConferenceDecision.values());
    }

    @PostMapping("/conferences/{id}/pledge")
    String pledge(@PathVariable UUID id, RedirectAttributes redirect) {
        conferences.pledge(id);
        redirect.addFlashAttribute("done", "pledge");
        return "redirect:/conferences/" + id;
    }

    @PostMapping("/conferences/{id}/minutes")
    String minutes(
            @PathVariable UUID id,
            @ModelAttribute("form") MinutesForm form,
            @RequestParam Map<String, String> params,
            RedirectAttributes redirect) {
        try {
            conferences.recordMinutes(
                    id,
                    form.version(),
                    new CaseCommands.Minutes(
                            form.minutes(),
                            new LinkedHashSet<>(form.decisions()),
                            new LinkedHashSet<>(form.attended()),
                            form.consentConfirmed(),
                            form.personAgreement(),
                            blankToNull(form.personAgreementNote()),
                            CaseActions.evaluations(params),
                            actionItems(form)));
            redirect.addFlashAttribute("done", "minutes");
        } catch (RuleViolation violation) {
            CaseActions.refused(redirect, violation);
            redirect.addFlashAttribute("form", form);
        } catch (OptimisticLockingFailureException stale) {
            CaseActions.stale(redirect);
        }
        return "redirect:/conferences/" + id;
    }

    /** The action items written as rows of three parallel lists; a row without a description is left out. */
    private static List<CaseCommands.ActionItem> actionItems(MinutesForm form) {
        List<CaseCommands.ActionItem> actions = new ArrayList<>();
        for (int i = 0; i < form.actionDescriptions().size(); i++) {
            String description = form.actionDescriptions().get(i);
            if (description.isBlank()) {
                continue;
            }
            String owner = MinutesForm.at(form.actionOwners(), i);
            String due = MinutesForm.at(form.actionDueDates(), i);
            try {
                actions.add(new CaseCommands.ActionItem(
                        description, UUID.fromString(owner.strip()), LocalDate.parse(due.strip())));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new RuleViolation("actions", "case.error.actionItem");
            }
        }
        return actions;
    }

    @PostMapping("/conferences/{id}/cancel")
    String cancel(@PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            conferences.cancel(id, version);
            redirect.addFlashAttribute("done", "cancelled");
        } catch (OptimisticLockingFailureException stale) {
            CaseActions.stale(redirect);
        }
        return "redirect:/conferences/" + id;
    }

    @PostMapping("/conference-actions/{actionId}/done")
    String actionDone(@PathVariable UUID actionId) {
        return "redirect:/conferences/" + conferences.markActionDone(actionId);
    }
}
