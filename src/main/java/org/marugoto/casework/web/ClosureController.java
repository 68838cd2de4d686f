package org.marugoto.casework.web;

import static org.marugoto.shared.text.Texts.orEmpty;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.casework.CaseCommands;
import org.marugoto.casework.CaseView;
import org.marugoto.casework.ClosureOutcome;
import org.marugoto.casework.GoalOutcome;
import org.marugoto.casework.domain.CaseService;
import org.marugoto.casework.domain.ClosureService;
import org.marugoto.casework.domain.PlanService;
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
 * Closure (終結) and reopening: closing evaluates every goal of the plan in force and names who keeps an eye on the
 * household afterwards; a closed case can be reopened at any time with a reason.
 */
@Controller
class ClosureController {

    private final CaseService cases;
    private final ClosureService closures;
    private final PlanService plans;

    ClosureController(CaseService cases, ClosureService closures, PlanService plans) {
        this.cases = cases;
        this.closures = closures;
        this.plans = plans;
    }

    @GetMapping("/cases/{id}/close")
    String closeForm(@PathVariable UUID id, Model model) {
        CaseView view = cases.get(id);
        return closePage(model, view, new ClosureForm(view.version(), null, "", "", ""));
    }

    @PostMapping("/cases/{id}/close")
    String close(
            @PathVariable UUID id,
            @ModelAttribute("form") ClosureForm form,
            BindingResult result,
            @RequestParam Map<String, String> params,
            Model model) {
        CaseView view = cases.get(id);
        ClosureOutcome outcome = form.outcome();
        if (outcome == null) {
            result.rejectValue("outcome", "case.error.closureOutcome");
            return closePage(model, view, form);
        }
        try {
            closures.close(
                    id,
                    form.version(),
                    new CaseCommands.Closure(
                            outcome,
                            form.evaluation(),
                            form.personView(),
                            form.followUp(),
                            CaseActions.evaluations(params)));
            return "redirect:/cases/" + id + "?done=closed";
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return closePage(model, view, form);
        } catch (OptimisticLockingFailureException stale) {
            FormErrors.rejectStale(result);
            ClosureForm current = form.withVersion(cases.get(id).version());
            FormErrors.show(model, "form", current, result);
            return closePage(model, view, current);
        }
    }

    private String closePage(Model model, CaseView view, ClosureForm form) {
        model.addAttribute("kase", view);
        model.addAttribute("form", form);
        model.addAttribute("plan", plans.currentPlan(view.id()).orElse(null));
        model.addAttribute("outcomes", GoalOutcome.values());
        model.addAttribute("closureOutcomes", ClosureOutcome.values());
        return "casework/close";
    }

    @PostMapping("/cases/{id}/reopen")
    String reopen(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) @Nullable String text,
            RedirectAttributes redirect) {
        return CaseActions.act("/cases/" + id, "reopen", redirect, () -> closures.reopen(id, version, orEmpty(text)));
    }
}
