package org.marugoto.community.web;

import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaView;
import org.marugoto.community.domain.Activity;
import org.marugoto.community.domain.ActivityCommand;
import org.marugoto.community.domain.ActivityKind;
import org.marugoto.community.domain.ActivityStatus;
import org.marugoto.community.domain.CommunityService;
import org.marugoto.community.domain.InterestService;
import org.marugoto.community.domain.ScheduleKind;
import org.marugoto.community.domain.Target;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.RuleViolation;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
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
 * The community desk ({@code /community}): an organiser's own entries, the stale ones to confirm, and their residents'
 * messages; a reviewer's (社協 staff, coordinators) entries waiting for review, which they publish or return.
 */
@Controller
class DeskController {

    private final CommunityService community;
    private final InterestService interests;
    private final AreaApi areas;

    DeskController(CommunityService community, InterestService interests, AreaApi areas) {
        this.community = community;
        this.interests = interests;
        this.areas = areas;
    }

    @GetMapping("/community")
    String desk(Model model) {
        var actor = CurrentActor.get().orElseThrow(() -> new AccessDeniedException("desk"));
        if (!community.mayUseDesk(actor)) {
            throw new AccessDeniedException("desk");
        }
        boolean reviewer = community.isReviewer(actor);
        model.addAttribute("reviewer", reviewer);
        model.addAttribute("activities", community.mine());
        model.addAttribute("stale", community.staleOfMine());
        model.addAttribute("staleMonths", CommunityService.STALE_MONTHS);
        model.addAttribute("newInterests", interests.newCount());
        model.addAttribute("pending", reviewer ? community.pendingReviews() : List.of());
        return "community/desk";
    }

    @GetMapping("/community/reviews")
    String reviews(Model model) {
        model.addAttribute("pending", community.pendingReviews());
        return "community/reviews";
    }

    @GetMapping("/community/activities/new")
    String newActivity(@RequestParam(required = false) @Nullable UUID group, Model model) {
        List<?> groups = community.writableGroups();
        if (groups.isEmpty()) {
            throw new AccessDeniedException("no group to write for");
        }
        return form(model, ActivityForm.blank(group), null);
    }

    @PostMapping("/community/activities/new")
    String create(
            @Valid @ModelAttribute("form") ActivityForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (community.writableGroups().isEmpty()) {
            throw new AccessDeniedException("no group to write for");
        }
        ActivityCommand command = form.toCommand(result);
        if (command == null) {
            return form(model, form, null);
        }
        try {
            Activity created = community.create(command);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/community/activities/" + created.id();
        } catch (RuleViolation violation) {
            reject(result, violation);
            return form(model, form, null);
        }
    }

    @GetMapping("/community/activities/{id}")
    String view(@PathVariable UUID id, Model model) {
        Activity activity = community.get(id);
        model.addAttribute("activity", activity);
        model.addAttribute("published", community.publishedCopy(id).orElse(null));
        model.addAttribute("reviewer", community.isReviewer(CurrentActor.get().orElseThrow()));
        model.addAttribute("stale", activity.confirmedAt().isBefore(community.staleLimit()));
        model.addAttribute("areaNames", areaNames());
        return "community/activity";
    }

    @GetMapping("/community/activities/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        Activity activity = community.get(id);
        return form(model, ActivityForm.of(activity), activity);
    }

    @PostMapping("/community/activities/{id}/edit")
    String update(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") ActivityForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        Activity current = community.get(id);
        ActivityCommand command = form.toCommand(result);
        if (command == null) {
            return form(model, form, current);
        }
        try {
            community.update(id, form.versionNumber(), command);
        } catch (RuleViolation violation) {
            reject(result, violation);
            return form(model, form, current);
        } catch (OptimisticLockingFailureException stale) {
            // someone saved first: their version is shown, with a notice (a new form object drops the errors)
            Activity newer = community.get(id);
            model.addAttribute("staleEdit", true);
            return form(model, ActivityForm.of(newer), newer);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/community/activities/" + id;
    }

    @PostMapping("/community/activities/{id}/confirm")
    String confirm(@PathVariable UUID id, @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        try {
            community.confirmCurrent(id, version);
            redirect.addFlashAttribute("confirmed", true);
        } catch (OptimisticLockingFailureException stale) {
            redirect.addFlashAttribute("actionError", "error.staleEdit");
        }
        return "redirect:/community/activities/" + id;
    }

    @PostMapping("/community/activities/{id}/publish")
    String publish(@PathVariable UUID id, @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        try {
            community.publish(id, version);
            redirect.addFlashAttribute("publishedNow", true);
        } catch (OptimisticLockingFailureException stale) {
            redirect.addFlashAttribute("actionError", "error.staleEdit");
        }
        return "redirect:/community/activities/" + id;
    }

    @PostMapping("/community/activities/{id}/return")
    String giveBack(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "-1") int version,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        try {
            community.returnToOrganiser(id, version, note.length() > 1000 ? note.substring(0, 1000) : note);
            redirect.addFlashAttribute("returned", true);
        } catch (RuleViolation violation) {
            redirect.addFlashAttribute("actionError", violation.messageKey());
        } catch (OptimisticLockingFailureException stale) {
            redirect.addFlashAttribute("actionError", "error.staleEdit");
        }
        return "redirect:/community/activities/" + id;
    }

    private static void reject(BindingResult result, RuleViolation violation) {
        if (violation.field() != null && !violation.field().isBlank()) {
            result.rejectValue(violation.field(), violation.messageKey());
        } else {
            result.reject(violation.messageKey());
        }
    }

    private String form(Model model, ActivityForm form, @Nullable Activity current) {
        model.addAttribute("form", form);
        model.addAttribute("current", current);
        model.addAttribute("groups", community.writableGroups());
        model.addAttribute(
                "areas", areas.tree().stream().filter(AreaView::active).toList());
        model.addAttribute("kinds", ActivityKind.values());
        model.addAttribute("targets", Target.values());
        model.addAttribute("statuses", ActivityStatus.values());
        model.addAttribute("scheduleKinds", ScheduleKind.values());
        model.addAttribute(
                "weekdays", Arrays.stream(java.time.DayOfWeek.values()).toList());
        model.addAttribute("weeks", List.of("1", "2", "3", "4", "5"));
        model.addAttribute("languages", ActivityForm.LANGUAGES);
        return "community/form";
    }

    private java.util.Map<UUID, String> areaNames() {
        java.util.Map<UUID, String> names = new java.util.HashMap<>();
        areas.tree().forEach(a -> names.put(a.id(), a.name()));
        return names;
    }
}
