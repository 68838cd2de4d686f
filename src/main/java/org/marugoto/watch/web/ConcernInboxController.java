package org.marugoto.watch.web;

import jakarta.validation.Valid;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.web.FormErrors;
import org.marugoto.watch.ConcernView;
import org.marugoto.watch.domain.ConcernService;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The agency's inbox of concerns raised by volunteers; a professional takes one up. */
@Controller
class ConcernInboxController {

    private static final Pattern UUID_IN_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ConcernService concerns;
    private final DirectoryApi directory;

    ConcernInboxController(ConcernService concerns, DirectoryApi directory) {
        this.concerns = concerns;
        this.directory = directory;
    }

    @GetMapping("/concerns")
    String inbox(Model model) {
        model.addAttribute("concerns", concerns.inbox());
        return "watch/inbox";
    }

    @GetMapping("/concerns/{id}")
    String view(@PathVariable UUID id, Model model) {
        ConcernView concern = concerns.get(id);
        return viewPage(model, concern, TakeUpForm.empty(concern.version()));
    }

    @PostMapping("/concerns/{id}/take-up")
    String takeUp(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") TakeUpForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        ConcernView concern = concerns.get(id);
        UUID consultation = null;
        if (!form.consultation().isBlank()) {
            consultation = consultationId(form.consultation());
            if (consultation == null) {
                result.rejectValue("consultation", "concern.error.consultation");
            }
        }
        if (result.hasErrors()) {
            return viewPage(model, concern, form);
        }
        try {
            concerns.takeUp(id, form.version(), consultation, form.note());
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return viewPage(model, concern, form);
        } catch (OptimisticLockingFailureException stale) {
            FormErrors.rejectStale(result);
            ConcernView newer = concerns.get(id);
            String page = viewPage(model, newer, form);
            FormErrors.showWithErrors(model, result, form.withVersion(newer.version()));
            return page;
        }
        redirect.addFlashAttribute("concernTakenUp", true);
        return "redirect:/concerns/" + id;
    }

    /** The consultation's id, typed or pasted as the address of its page. */
    static @Nullable UUID consultationId(String text) {
        Matcher m = UUID_IN_TEXT.matcher(text);
        return m.find() ? UUID.fromString(m.group()) : null;
    }

    private String viewPage(Model model, ConcernView concern, TakeUpForm form) {
        Map<UUID, String> agencyNames = directory.agencyNames();
        model.addAttribute("concern", concern);
        model.addAttribute("agencyNames", agencyNames);
        model.addAttribute("form", form);
        return "watch/concern";
    }
}
