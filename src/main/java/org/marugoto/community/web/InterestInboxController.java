package org.marugoto.community.web;

import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.community.domain.Interest;
import org.marugoto.community.domain.InterestService;
import org.marugoto.shared.RuleViolation;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organiser's inbox of residents' interest messages: read one, record the answer, mark it handled. */
@Controller
class InterestInboxController {

    /** The organiser's answer; {@code handled} marks that nothing more is to be done. */
    record AnswerForm(
            @Nullable String version,
            @Size(max = 1000) @Nullable String answer,
            @Nullable String handled) {

        int versionNumber() {
            try {
                return Integer.parseInt(version == null ? "" : version);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    private final InterestService interests;

    InterestInboxController(InterestService interests) {
        this.interests = interests;
    }

    @GetMapping("/community/interests")
    String inbox(Model model) {
        model.addAttribute("interests", interests.inbox());
        model.addAttribute("retentionDays", interests.retention().toDays());
        return "community/interests";
    }

    @GetMapping("/community/interests/{id}")
    String view(@PathVariable UUID id, Model model) {
        Interest interest = interests.get(id);
        return page(model, interest, new AnswerForm(String.valueOf(interest.version()), interest.answer(), null));
    }

    @PostMapping("/community/interests/{id}")
    String answer(
            @PathVariable UUID id,
            @Validated @ModelAttribute("form") AnswerForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        Interest interest = interests.get(id);
        if (result.hasErrors()) {
            return page(model, interest, form);
        }
        try {
            interests.answer(id, form.versionNumber(), form.answer(), "true".equals(form.handled()));
        } catch (RuleViolation violation) {
            result.rejectValue("answer", violation.messageKey());
            return page(model, interest, form);
        } catch (OptimisticLockingFailureException stale) {
            model.addAttribute("staleEdit", true);
            Interest newer = interests.get(id);
            return page(model, newer, new AnswerForm(String.valueOf(newer.version()), form.answer(), form.handled()));
        }
        redirect.addFlashAttribute("answered", true);
        return "redirect:/community/interests/" + id;
    }

    private String page(Model model, Interest interest, AnswerForm form) {
        model.addAttribute("interest", interest);
        model.addAttribute("form", form);
        return "community/interest";
    }
}
