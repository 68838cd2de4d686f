package org.marugoto.watch.web;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.UUID;
import org.marugoto.access.Colleagues;
import org.marugoto.people.HouseholdView;
import org.marugoto.people.PeopleApi;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.web.DateInput;
import org.marugoto.shared.web.FormErrors;
import org.marugoto.watch.AskToWatch;
import org.marugoto.watch.WatchBasis;
import org.marugoto.watch.WatchRequestView;
import org.marugoto.watch.domain.WatchService;
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

/** Professionals ask a volunteer to watch a household, share notes with them, and end the request. */
@Controller
class WatchRequestController {

    private final WatchService watches;
    private final PeopleApi people;
    private final Colleagues colleagues;

    WatchRequestController(WatchService watches, PeopleApi people, Colleagues colleagues) {
        this.watches = watches;
        this.people = people;
        this.colleagues = colleagues;
    }

    @GetMapping("/households/{householdId}/watch-requests/new")
    String form(@PathVariable UUID householdId, Model model) {
        return formPage(model, householdId, WatchForm.empty());
    }

    @PostMapping("/households/{householdId}/watch-requests")
    String ask(
            @PathVariable UUID householdId,
            @Valid @ModelAttribute("form") WatchForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        LocalDate validUntil = DateInput.read(result, "validUntil", form.validUntil(), false, false);
        if (result.hasErrors() || form.volunteerId() == null || form.basis() == null) {
            return formPage(model, householdId, form);
        }
        try {
            watches.ask(
                    householdId,
                    new AskToWatch(
                            form.volunteerId(),
                            form.watchFor(),
                            form.frequency(),
                            validUntil,
                            form.basis(),
                            form.basisNote(),
                            form.sharedNote()));
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return formPage(model, householdId, form);
        }
        redirect.addFlashAttribute("watchSaved", true);
        return "redirect:/households/" + householdId + "#watch-requests";
    }

    private String formPage(Model model, UUID householdId, WatchForm form) {
        HouseholdView household = people.household(householdId, "ask to watch");
        model.addAttribute("household", household);
        model.addAttribute("volunteers", colleagues.volunteers());
        model.addAttribute("bases", WatchBasis.values());
        model.addAttribute("form", form);
        return "watch/form";
    }

    @PostMapping("/watch-requests/{id}/end")
    String end(@PathVariable UUID id, @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        WatchRequestView request = watches.find(id);
        try {
            watches.end(id, version);
            redirect.addFlashAttribute("watchEnded", true);
        } catch (RuleViolation violation) {
            redirect.addFlashAttribute("watchError", violation.messageKey());
        } catch (OptimisticLockingFailureException stale) {
            redirect.addFlashAttribute("watchError", "error.staleEdit");
        }
        return "redirect:/households/" + request.householdId() + "#watch-requests";
    }

    @PostMapping("/watch-requests/{id}/notes")
    String share(@PathVariable UUID id, @RequestParam(defaultValue = "") String text, RedirectAttributes redirect) {
        WatchRequestView request = watches.find(id);
        if (text.length() > 1000) {
            redirect.addFlashAttribute("watchError", "watch.error.noteLength");
        } else {
            try {
                watches.share(id, text);
                redirect.addFlashAttribute("watchShared", true);
            } catch (RuleViolation violation) {
                redirect.addFlashAttribute("watchError", violation.messageKey());
            }
        }
        return "redirect:/households/" + request.householdId() + "#watch-requests";
    }
}
