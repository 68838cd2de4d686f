package org.marugoto.casework.web;

import static org.marugoto.shared.text.Texts.blankToNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.Colleagues;
import org.marugoto.casework.CaseCommands;
import org.marugoto.casework.CaseView;
import org.marugoto.casework.GoalOutcome;
import org.marugoto.casework.PlanView;
import org.marugoto.casework.domain.CaseService;
import org.marugoto.casework.domain.PlanService;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.shared.Japan;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.web.DateInput;
import org.marugoto.shared.web.FormErrors;
import org.marugoto.shared.web.FormValues;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The support plan (支援プラン): the editor of the case's draft, a plan version to read, reviews between meetings
 * and actions marked done. A draft becomes the plan in force only at a 重層的支援会議 ({@link ConferenceController}).
 *
 * <p>The editor adds and removes goal and action rows in place: each "add" or "remove" button submits the form with
 * a {@code change} value, and the server answers with the form as typed plus the change, without saving. With htmx
 * the answer is only the rows fragment ({@code casework/plan-form :: rows}), swapped into the page; without scripts
 * it is the whole page.
 */
@Controller
class PlanController {

    private final CaseService cases;
    private final PlanService plans;
    private final CasePersons persons;
    private final DirectoryApi directory;
    private final Colleagues colleagues;

    PlanController(
            CaseService cases, PlanService plans, CasePersons persons, DirectoryApi directory, Colleagues colleagues) {
        this.cases = cases;
        this.plans = plans;
        this.persons = persons;
        this.directory = directory;
        this.colleagues = colleagues;
    }

    @ModelAttribute("agencyNames")
    Map<UUID, String> agencyNames() {
        return directory.agencyNames();
    }

    /** The editor: the draft, else a new draft from the plan in force, else an empty plan from today. */
    @GetMapping("/cases/{id}/plan")
    String planForm(@PathVariable UUID id, Model model) {
        CaseView view = cases.get(id);
        PlanView source = plans.draft(id).orElse(plans.currentPlan(id).orElse(null));
        PlanForm form = source == null ? PlanForm.fresh(LocalDate.now(Japan.ZONE)) : PlanForm.from(source);
        return planPage(model, view, form, null);
    }

    @PostMapping("/cases/{id}/plan")
    String savePlan(
            @PathVariable UUID id,
            @ModelAttribute("form") PlanForm form,
            BindingResult result,
            @RequestParam(required = false) @Nullable String change,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        CaseView view = cases.get(id);
        if (change != null) {
            PlanForm changed = form.change(change);
            planPage(model, view, changed, null);
            model.addAttribute("focus", focusAfter(change, changed));
            return htmx != null ? "casework/plan-form :: rows" : "casework/plan-form";
        }
        LocalDate from = DateInput.read(result, "periodFrom", form.periodFrom(), true, false);
        LocalDate to = DateInput.read(result, "periodTo", form.periodTo(), true, false);
        LocalDate review = DateInput.read(result, "reviewDate", form.reviewDate(), true, false);
        List<CaseCommands.Goal> goals = goals(form, result);
        if (result.hasErrors()) {
            return planPage(model, view, form, result);
        }
        try {
            // the free text of earlier plans' needs is history: the service carries it forward, the form never writes
            // it
            CaseCommands.Plan plan = new CaseCommands.Plan(
                    form.aim(),
                    null,
                    null,
                    FormValues.validated(from, "periodFrom"),
                    FormValues.validated(to, "periodTo"),
                    FormValues.validated(review, "reviewDate"),
                    goals,
                    form.personId(),
                    form.outreachIds(),
                    form.participationIds());
            plans.saveDraft(id, form.draftVersion(), plan);
            return "redirect:/cases/" + id + "?done=plan";
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return planPage(model, view, form, result);
        } catch (OptimisticLockingFailureException stale) {
            FormErrors.rejectStale(result);
            return planPage(model, view, form, result);
        }
    }

    /** The goals that have content, each with its written actions; a wrong date or missing agency at its field. */
    private static List<CaseCommands.Goal> goals(PlanForm form, BindingResult result) {
        List<CaseCommands.Goal> goals = new ArrayList<>();
        for (int g = 0; g < form.goals().size(); g++) {
            PlanForm.Goal goal = form.goals().get(g);
            if (!goal.blank()) {
                goals.add(new CaseCommands.Goal(
                        goal.issue(), goal.goal(), blankToNull(goal.personRole()), actions(goal, g, result)));
            }
        }
        return goals;
    }

    private static List<CaseCommands.Action> actions(PlanForm.Goal goal, int g, BindingResult result) {
        List<CaseCommands.Action> actions = new ArrayList<>();
        for (int a = 0; a < goal.actions().size(); a++) {
            PlanForm.Action action = goal.actions().get(a);
            if (action.blank()) {
                continue;
            }
            String field = "goals[" + g + "].actions[" + a + "].";
            LocalDate due = DateInput.read(result, field + "dueDate", action.dueDate(), true, false);
            UUID agency = action.agencyId();
            if (agency == null) {
                result.rejectValue(field + "agencyId", "case.error.actionAgency");
            }
            if (due != null && agency != null) {
                actions.add(new CaseCommands.Action(
                        action.description(), agency, action.accountId(), due, blankToNull(action.frequency())));
            }
        }
        return actions;
    }

    /**
     * The editor's page with room to write (see {@link PlanForm#withRoomToWrite()}). The form shown may have more
     * rows than the one bound, so the binding's errors are carried over to it.
     */
    private String planPage(Model model, CaseView view, PlanForm form, @Nullable BindingResult result) {
        PlanForm shown = form.withRoomToWrite();
        if (shown.personId() == null && !view.personIds().isEmpty()) {
            shown = shown.withPerson(view.personIds().getFirst());
        }
        FormErrors.show(model, "form", shown, result);
        model.addAttribute("kase", view);
        model.addAttribute("persons", persons.of(view));
        model.addAttribute(
                "agencies",
                directory.agencies().stream().filter(a -> a.active()).toList());
        model.addAttribute("staff", colleagues.professionals());
        return "casework/plan-form";
    }

    /** The field a keyboard user continues in after a row change: the new row's first field, or the goal's legend. */
    private static String focusAfter(String change, PlanForm changed) {
        String[] parts = change.split(":");
        int goals = changed.withRoomToWrite().goals().size();
        return switch (parts[0]) {
            case "goal" -> "goals" + (goals - 1) + ".issue";
            case "action" -> {
                int g = parse(parts, 1, goals);
                int last = changed.withRoomToWrite().goals().get(g).actions().size() - 1;
                yield "goals" + g + ".actions" + last + ".description";
            }
            case "remove-action" -> "goal-" + parse(parts, 1, goals);
            default -> "plan-goals";
        };
    }

    private static int parse(String[] parts, int at, int size) {
        try {
            int value = Integer.parseInt(parts[at]);
            return value >= 0 && value < size ? value : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    @GetMapping("/plans/{planId}")
    String planView(@PathVariable UUID planId, Model model) {
        PlanView plan = plans.plan(planId, false);
        CaseView view = cases.get(plan.caseId());
        model.addAttribute("kase", view);
        model.addAttribute("plan", plan);
        model.addAttribute("staffNames", colleagues.professionalNames());
        model.addAttribute("outcomes", GoalOutcome.values());
        model.addAttribute("today", LocalDate.now(Japan.ZONE));
        return "casework/plan";
    }

    @PostMapping("/plans/{planId}/review")
    String review(@PathVariable UUID planId, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        try {
            plans.review(planId, CaseActions.evaluations(params));
            redirect.addFlashAttribute("done", "review");
        } catch (RuleViolation violation) {
            CaseActions.refused(redirect, violation);
        }
        return "redirect:/plans/" + planId;
    }

    @PostMapping("/plan-actions/{actionId}/done")
    String actionDone(@PathVariable UUID actionId) {
        UUID caseId = plans.markActionDone(actionId);
        return "redirect:/cases/" + caseId + "?done=action#plan";
    }
}
