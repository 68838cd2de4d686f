package org.marugoto.watch.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.directory.AgencyView;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.web.FormErrors;
import org.marugoto.watch.ConcernUrgency;
import org.marugoto.watch.RaiseConcern;
import org.marugoto.watch.domain.ConcernService;
import org.marugoto.watch.domain.WatchService;
import org.marugoto.watch.domain.WatchedHousehold;
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
 * The volunteer's home (民生委員・児童委員): the households they were asked to watch, the concerns they raised and their
 * state, and the form to raise a new one. Only volunteers reach {@code /volunteer} (see SecurityConfiguration).
 */
@Controller
class VolunteerController {

    private final WatchService watches;
    private final ConcernService concerns;
    private final DirectoryApi directory;

    VolunteerController(WatchService watches, ConcernService concerns, DirectoryApi directory) {
        this.watches = watches;
        this.concerns = concerns;
        this.directory = directory;
    }

    @GetMapping("/volunteer")
    String home(@RequestParam(required = false) @Nullable UUID watch, Model model) {
        List<WatchedHousehold> watched = watches.myWatches();
        UUID about =
                watch != null && watched.stream().anyMatch(w -> w.requestId().equals(watch)) ? watch : null;
        ConcernForm form =
                ConcernForm.empty(about, concerns.defaultAgency(about).orElse(null));
        return homePage(model, watched, form);
    }

    @GetMapping("/volunteer/watches/{requestId}")
    String watch(@PathVariable UUID requestId, Model model) {
        model.addAttribute("watch", watches.myWatch(requestId));
        return "watch/volunteer-watch";
    }

    @PostMapping("/volunteer/concerns")
    String raise(
            @Valid @ModelAttribute("form") ConcernForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (form.requestId() == null && form.aboutWho().isBlank()) {
            result.rejectValue("aboutWho", "concern.error.aboutWho");
        }
        if (result.hasErrors() || form.toAgencyId() == null) {
            return homePage(model, watches.myWatches(), form);
        }
        try {
            concerns.raise(new RaiseConcern(
                    form.requestId(),
                    form.aboutWho(),
                    form.location(),
                    form.noticed(),
                    form.urgency(),
                    form.toAgencyId()));
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return homePage(model, watches.myWatches(), form);
        }
        redirect.addFlashAttribute("concernRaised", true);
        return "redirect:/volunteer#concerns";
    }

    private String homePage(Model model, List<WatchedHousehold> watched, ConcernForm form) {
        Map<UUID, String> agencyNames = directory.agencyNames();
        model.addAttribute("watches", watched);
        model.addAttribute("concerns", concerns.mine());
        model.addAttribute(
                "agencies",
                directory.agencies().stream().filter(AgencyView::active).toList());
        model.addAttribute("agencyNames", agencyNames);
        model.addAttribute("urgencies", ConcernUrgency.values());
        model.addAttribute("form", form);
        return "watch/volunteer";
    }
}
