package org.marugoto.referral.web;

import static org.marugoto.shared.text.Texts.blankToNull;
import static org.marugoto.shared.text.Texts.orEmpty;
import static org.marugoto.shared.web.FormValues.validated;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.Colleagues;
import org.marugoto.consent.ConsentApi;
import org.marugoto.consent.ConsentView;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.ConsultationApi;
import org.marugoto.consultation.ConsultationView;
import org.marugoto.consultation.Urgency;
import org.marugoto.directory.AgencyView;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.HouseholdView;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.referral.ReferralOutcome;
import org.marugoto.referral.ReferralStatus;
import org.marugoto.referral.ReferralView;
import org.marugoto.referral.domain.Notifications;
import org.marugoto.referral.domain.ReferralService;
import org.marugoto.referral.domain.SendReferral;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Japan;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.text.JapaneseDates;
import org.marugoto.shared.web.DateInput;
import org.marugoto.shared.web.FormErrors;
import org.marugoto.shared.web.Htmx;
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

/** Sending, receiving and following referrals (つなぎ). */
@Controller
class ReferralController {

    private final ReferralService referrals;
    private final Notifications notifications;
    private final ConsultationApi consultations;
    private final PeopleApi people;
    private final DirectoryApi directory;
    private final ConsentApi consents;
    private final Colleagues colleagues;

    ReferralController(
            ReferralService referrals,
            Notifications notifications,
            ConsultationApi consultations,
            PeopleApi people,
            DirectoryApi directory,
            ConsentApi consents,
            Colleagues colleagues) {
        this.consents = consents;
        this.colleagues = colleagues;
        this.referrals = referrals;
        this.notifications = notifications;
        this.consultations = consultations;
        this.people = people;
        this.directory = directory;
    }

    @ModelAttribute("agencyNames")
    Map<UUID, String> agencyNames() {
        return directory.agencyNames();
    }

    /**
     * The referrals received and sent, each a page of {@link ReferralService#PAGE_SIZE} with its own pager, filtered by
     * state and sorted alike; households are named where the agency may read them.
     */
    @GetMapping("/referrals")
    String lists(
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(defaultValue = "0") String inPage,
            @RequestParam(defaultValue = "0") String outPage,
            Model model) {
        ReferralStatus filter = parse(ReferralStatus.class, state);
        ReferralService.ListOrder order = parse(ReferralService.ListOrder.class, sort);
        if (order == null) {
            order = ReferralService.ListOrder.NEWEST;
        }
        ReferralService.ReferralPage inbox = referrals.page(true, filter, order, pageNumber(inPage));
        ReferralService.ReferralPage sent = referrals.page(false, filter, order, pageNumber(outPage));
        java.util.Set<UUID> households = new java.util.HashSet<>();
        inbox.items().forEach(r -> households.add(r.householdId()));
        sent.items().forEach(r -> households.add(r.householdId()));
        model.addAttribute("inbox", inbox);
        model.addAttribute("sent", sent);
        model.addAttribute("householdNames", people.householdNames(households));
        model.addAttribute("state", filter);
        model.addAttribute("sort", order);
        model.addAttribute("states", ReferralStatus.values());
        model.addAttribute("orders", ReferralService.ListOrder.values());
        model.addAttribute("codes", consultations.issueCodesByCode());
        model.addAttribute("today", LocalDate.now(Japan.ZONE));
        return "referral/list";
    }

    /** An enum constant by name, or null for a missing or unknown one (a hand-edited URL shows the whole list). */
    static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.strip());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static int pageNumber(String value) {
        try {
            return Math.max(0, Math.min(Integer.parseInt(value.strip()), 100_000));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    @GetMapping("/referrals/overdue")
    String overdue(Model model) {
        List<ReferralView> overdue = referrals.overdue();
        model.addAttribute("overdue", overdue);
        model.addAttribute(
                "householdNames",
                people.householdNames(
                        overdue.stream().map(ReferralView::householdId).toList()));
        model.addAttribute("codes", consultations.issueCodesByCode());
        return "referral/overdue";
    }

    @GetMapping("/consultations/{consultationId}/referrals/new")
    String fromConsultation(@PathVariable UUID consultationId, Model model) {
        ConsultationView consultation = consultations.get(consultationId);
        ReferralForm form = new ReferralForm(
                UUID.randomUUID(),
                consultationId,
                consultation.referredAgencyId(),
                null,
                consultation.personIds(),
                consultation.issueCodes(),
                consultation.urgency(),
                "",
                orEmpty(consultation.wishes()),
                "",
                consultation.consentStatus(),
                orEmpty(consultation.consentScope()),
                JapaneseDates.wareki(LocalDate.now(Japan.ZONE).plusDays(7)));
        return formPage(model, consultation.householdId(), form);
    }

    @GetMapping("/households/{householdId}/referrals/new")
    String fromHousehold(@PathVariable UUID householdId, Model model) {
        return formPage(
                model,
                householdId,
                ReferralForm.empty(
                        JapaneseDates.wareki(LocalDate.now(Japan.ZONE).plusDays(7))));
    }

    @PostMapping("/households/{householdId}/referrals/new")
    String send(
            @PathVariable UUID householdId,
            @Valid @ModelAttribute("form") ReferralForm form,
            BindingResult result,
            @RequestParam(required = false) @Nullable String refresh,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        if (refresh != null) {
            // the issues ticked changed: the suggested agencies follow them (htmx: only the agency field), nothing is
            // sent and nothing is complained about yet
            model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
            String page = formPage(model, householdId, form);
            return Htmx.isHtmx(request) ? page + " :: toAgency" : page;
        }
        LocalDate desired = DateInput.read(result, "desiredResponseDate", form.desiredResponseDate(), true, false);
        if (form.issueCodes().isEmpty()) {
            result.rejectValue("issueCodes", "referral.error.noIssue");
        }
        if (form.personIds().isEmpty()) {
            result.rejectValue("personIds", "referral.error.noPerson");
        }
        if (result.hasErrors()) {
            return formPage(model, householdId, form);
        }
        try {
            ReferralView sent = referrals.send(new SendReferral(
                    householdId,
                    form.consultationId(),
                    validated(form.toAgencyId(), "toAgencyId"),
                    form.toCounterId(),
                    form.personIds(),
                    form.issueCodes(),
                    form.urgency(),
                    form.summary().strip(),
                    blankToNull(form.reason()),
                    blankToNull(form.tried()),
                    validated(form.consentStatus(), "consentStatus"),
                    blankToNull(form.consentScope()),
                    validated(desired, "desiredResponseDate"),
                    form.submissionToken()));
            redirect.addFlashAttribute("done", "SENT");
            return "redirect:/referrals/" + sent.id();
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return formPage(model, householdId, form);
        }
    }

    /** Staff names by username, for the history: who did what, as colleagues know them. */
    private Map<String, String> staffNames() {
        Map<String, String> names = new java.util.HashMap<>();
        colleagues.professionals().forEach(c -> names.put(c.username(), c.displayName()));
        return names;
    }

    @GetMapping("/referrals/{id}")
    String view(@PathVariable UUID id, Model model) {
        ReferralView referral = referrals.get(id);
        UUID agency = CurrentActor.get().orElseThrow().agencyId();
        model.addAttribute("referral", referral);
        if (referral.consentId() != null) {
            model.addAttribute("consentState", consents.stateOf(referral.consentId()));
        }
        model.addAttribute("sender", referral.fromAgencyId().equals(agency));
        model.addAttribute("receiver", referral.toAgencyId().equals(agency));
        model.addAttribute("history", referrals.history(id));
        model.addAttribute("staffNames", staffNames());
        model.addAttribute("codes", consultations.issueCodesByCode());
        model.addAttribute("outcomes", ReferralOutcome.values());
        model.addAttribute(
                "agencies",
                directory.agencies().stream()
                        .filter(a -> a.active() && a.acceptsReferrals())
                        .toList());
        if (referral.detailsShared()) {
            model.addAttribute(
                    "persons",
                    people.members(referral.householdId()).stream()
                            .filter(m ->
                                    referral.personIds().contains(m.person().id()))
                            .map(MemberView::person)
                            .distinct()
                            .toList());
        }
        return "referral/view";
    }

    // ---- actions on the referral page: each answers with a redirect to the referral and the outcome as flash
    // attributes; the service decides which side (sender or receiver) may take it

    @PostMapping("/referrals/{id}/accept")
    String accept(@PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
        return act(id, "accept", redirect, () -> referrals.accept(id, version));
    }

    @PostMapping("/referrals/{id}/decline")
    String decline(
            @PathVariable UUID id,
            @RequestParam int version,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable UUID suggestedAgencyId,
            RedirectAttributes redirect) {
        return act(id, "decline", redirect, () -> referrals.decline(id, version, orEmpty(text), suggestedAgencyId));
    }

    @PostMapping("/referrals/{id}/request-info")
    String requestInformation(
            @PathVariable UUID id,
            @RequestParam int version,
            @RequestParam(required = false) @Nullable String text,
            RedirectAttributes redirect) {
        return act(id, "request-info", redirect, () -> referrals.requestInformation(id, version, orEmpty(text)));
    }

    @PostMapping("/referrals/{id}/provide-info")
    String provideInformation(
            @PathVariable UUID id,
            @RequestParam int version,
            @RequestParam(required = false) @Nullable String text,
            RedirectAttributes redirect) {
        return act(id, "provide-info", redirect, () -> referrals.provideInformation(id, version, orEmpty(text)));
    }

    @PostMapping("/referrals/{id}/start")
    String start(@PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
        return act(id, "start", redirect, () -> referrals.start(id, version));
    }

    @PostMapping("/referrals/{id}/complete")
    String complete(
            @PathVariable UUID id,
            @RequestParam int version,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable ReferralOutcome outcome,
            RedirectAttributes redirect) {
        return act(id, "complete", redirect, () -> {
            if (outcome == null) {
                throw new RuleViolation("outcome", "referral.error.outcome");
            }
            referrals.complete(id, version, outcome, text);
        });
    }

    @PostMapping("/referrals/{id}/withdraw")
    String withdraw(
            @PathVariable UUID id,
            @RequestParam int version,
            @RequestParam(required = false) @Nullable String text,
            RedirectAttributes redirect) {
        return act(id, "withdraw", redirect, () -> referrals.withdraw(id, version, orEmpty(text)));
    }

    /** Sends the declined referral again, to the agency the receiver suggested, and opens the new one. */
    @PostMapping("/referrals/{id}/resend")
    String resend(@PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            ReferralView sent = referrals.resendToSuggested(id, version);
            redirect.addFlashAttribute("done", "SENT");
            return "redirect:/referrals/" + sent.id();
        } catch (RuleViolation violation) {
            redirect.addFlashAttribute("actionError", violation.messageKey());
            redirect.addFlashAttribute("actionErrorArgs", violation.arguments());
        } catch (OptimisticLockingFailureException stale) {
            redirect.addFlashAttribute("actionError", "referral.error.concurrent");
            redirect.addFlashAttribute("actionErrorArgs", new Object[0]);
        }
        return "redirect:/referrals/" + id;
    }

    @PostMapping("/referrals/{id}/follow-up")
    String confirmFollowUp(
            @PathVariable UUID id,
            @RequestParam int version,
            @RequestParam(required = false) @Nullable String text,
            RedirectAttributes redirect) {
        return act(id, "follow-up", redirect, () -> referrals.confirmFollowUp(id, version, orEmpty(text)));
    }

    /**
     * Runs one action of the referral page and goes back to the referral: {@code done} names the action that
     * succeeded, or {@code actionError} the rule it broke or the concurrent change that stopped it. A refusal is not
     * caught here.
     */
    private static String act(UUID id, String action, RedirectAttributes redirect, Runnable command) {
        try {
            command.run();
            redirect.addFlashAttribute("done", action);
        } catch (RuleViolation violation) {
            redirect.addFlashAttribute("actionError", violation.messageKey());
            redirect.addFlashAttribute("actionErrorArgs", violation.arguments());
        } catch (OptimisticLockingFailureException stale) {
            redirect.addFlashAttribute("actionError", "referral.error.concurrent");
            redirect.addFlashAttribute("actionErrorArgs", new Object[0]);
        }
        return "redirect:/referrals/" + id;
    }

    @GetMapping("/notifications")
    String notifications(Model model) {
        model.addAttribute("notifications", notifications.mine(100));
        return "referral/notifications";
    }

    @PostMapping("/notifications/read")
    String markRead() {
        notifications.markAllRead();
        return "redirect:/notifications";
    }

    private String formPage(Model model, UUID householdId, ReferralForm form) {
        HouseholdView household = people.household(householdId, "referral");
        UUID own = CurrentActor.get().orElseThrow().agencyId();
        List<AgencyView> agencies = directory.agencies().stream()
                .filter(a -> a.active() && a.acceptsReferrals() && !a.id().equals(own))
                .toList();
        // how many of the ticked issues each agency handles (for the household's area); the agencies handling most come
        // first, and among them the more specialised (fewer issues handled in all): for a young carer the child and
        // family centre before the general counters
        Map<UUID, Integer> matches = new java.util.HashMap<>();
        for (String code : form.issueCodes()) {
            directory.agenciesHandling(code, household.areaId()).stream()
                    .map(AgencyView::id)
                    .filter(id -> !id.equals(own))
                    .forEach(id -> matches.merge(id, 1, Integer::sum));
        }
        java.util.Set<UUID> suggested = matches.keySet();
        Map<UUID, Integer> breadth = new java.util.HashMap<>();
        for (UUID agency : suggested) {
            breadth.put(agency, (int) directory.services(agency).stream()
                    .filter(s -> s.active() && s.acceptsReferrals())
                    .flatMap(s -> s.issueCodes().stream())
                    .distinct()
                    .count());
        }
        model.addAttribute(
                "suggested",
                agencies.stream()
                        .filter(a -> suggested.contains(a.id()))
                        .sorted(java.util.Comparator.comparing((AgencyView a) -> -matches.getOrDefault(a.id(), 0))
                                .thenComparing(a -> breadth.getOrDefault(a.id(), 0)))
                        .toList());
        model.addAttribute(
                "others",
                agencies.stream().filter(a -> !suggested.contains(a.id())).toList());
        model.addAttribute("form", form);
        model.addAttribute("household", household);
        model.addAttribute(
                "members",
                people.members(householdId).stream().filter(MemberView::current).toList());
        model.addAttribute("agencies", agencies);
        model.addAttribute(
                "codes",
                consultations.issueCodesByCode().values().stream()
                        .filter(c -> c.active())
                        .toList());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("consentStatuses", ConsentStatus.values());
        model.addAttribute(
                "validConsents",
                consents.forHousehold(householdId).stream()
                        .filter(ConsentView::valid)
                        .toList());
        return "referral/form";
    }
}
