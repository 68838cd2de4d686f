package org.marugoto.consent.web;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.marugoto.consent.ConsentApi;
import org.marugoto.consent.ConsentGiver;
import org.marugoto.consent.ConsentMethod;
import org.marugoto.consent.ConsentPurpose;
import org.marugoto.consent.ConsentView;
import org.marugoto.consent.ConsentWithdrawal;
import org.marugoto.consent.RecordConsent;
import org.marugoto.directory.AgencyView;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.HouseholdView;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.shared.Japan;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.text.JapaneseDates;
import org.marugoto.shared.web.DateInput;
import org.marugoto.shared.web.FormErrors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Recording a consent for a household's members, and withdrawing one after a confirmation page. */
@Controller
class ConsentController {

    private final ConsentApi consents;
    private final PeopleApi people;
    private final DirectoryApi directory;

    ConsentController(ConsentApi consents, PeopleApi people, DirectoryApi directory) {
        this.consents = consents;
        this.people = people;
        this.directory = directory;
    }

    @GetMapping("/households/{householdId}/consents/new")
    String form(@PathVariable UUID householdId, Model model) {
        return formPage(model, householdId, ConsentForm.empty(JapaneseDates.wareki(LocalDate.now(Japan.ZONE))));
    }

    @PostMapping("/households/{householdId}/consents")
    String record(
            @PathVariable UUID householdId,
            @Valid @ModelAttribute("form") ConsentForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        LocalDate givenOn = DateInput.read(result, "givenOn", form.givenOn(), true, true);
        LocalDate validUntil = DateInput.read(result, "validUntil", form.validUntil(), false, false);
        if (form.personIds().isEmpty()) {
            result.rejectValue("personIds", "consent.error.persons");
        }
        if (form.agencyIds().isEmpty()) {
            result.rejectValue("agencyIds", "consent.error.agencies");
        }
        if (form.purposes().isEmpty()) {
            result.rejectValue("purposes", "consent.error.purposes");
        }
        if (result.hasErrors() || givenOn == null || form.method() == null) {
            return formPage(model, householdId, form);
        }
        try {
            consents.record(new RecordConsent(
                    householdId,
                    form.personIds(),
                    form.givenBy(),
                    form.representativeName(),
                    form.representativeRelation(),
                    form.agencyIds(),
                    form.purposes().isEmpty() ? EnumSet.noneOf(ConsentPurpose.class) : EnumSet.copyOf(form.purposes()),
                    form.method(),
                    form.witness(),
                    givenOn,
                    validUntil,
                    form.note()));
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return formPage(model, householdId, form);
        }
        redirect.addFlashAttribute("consentSaved", true);
        return "redirect:/households/" + householdId + "#consents";
    }

    private String formPage(Model model, UUID householdId, ConsentForm form) {
        HouseholdView household = people.household(householdId, "record consent");
        List<MemberView> members =
                people.members(householdId).stream().filter(MemberView::current).toList();
        model.addAttribute("household", household);
        model.addAttribute("members", members);
        model.addAttribute(
                "agencies",
                directory.agencies().stream().filter(AgencyView::active).toList());
        model.addAttribute("purposes", ConsentPurpose.values());
        model.addAttribute("methods", ConsentMethod.onForm());
        model.addAttribute("givers", ConsentGiver.values());
        model.addAttribute("form", form);
        return "consent/form";
    }

    @GetMapping("/consents/{id}/withdraw")
    String confirmWithdrawal(@PathVariable UUID id, Model model) {
        ConsentView consent = consents.get(id);
        WithdrawalForm form = WithdrawalForm.empty(consent.version(), JapaneseDates.wareki(LocalDate.now(Japan.ZONE)));
        return withdrawPage(model, consent, form);
    }

    @PostMapping("/consents/{id}/withdraw")
    String withdraw(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") WithdrawalForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        ConsentView consent = consents.get(id);
        LocalDate withdrawnOn = DateInput.read(result, "withdrawnOn", form.withdrawnOn(), true, true);
        if (!form.confirmed()) {
            result.rejectValue("confirmed", "consent.error.confirm");
        }
        if (result.hasErrors() || withdrawnOn == null || form.method() == null) {
            return withdrawPage(model, consent, form);
        }
        try {
            consents.withdraw(id, form.version(), new ConsentWithdrawal(withdrawnOn, form.method(), form.reason()));
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return withdrawPage(model, consent, form);
        } catch (OptimisticLockingFailureException stale) {
            FormErrors.rejectStale(result);
            ConsentView newer = consents.get(id);
            String page = withdrawPage(model, newer, form);
            FormErrors.showWithErrors(model, result, form.withVersion(newer.version()));
            return page;
        }
        redirect.addFlashAttribute("consentWithdrawn", true);
        return "redirect:/households/" + consent.householdId() + "#consents";
    }

    private String withdrawPage(Model model, ConsentView consent, WithdrawalForm form) {
        HouseholdView household = people.household(consent.householdId(), "withdraw consent");
        java.util.Map<UUID, String> agencyNames = directory.agencyNames();
        model.addAttribute("household", household);
        model.addAttribute("consent", consent);
        model.addAttribute("agencyNames", agencyNames);
        model.addAttribute("methods", ConsentMethod.onForm());
        model.addAttribute("form", form);
        return "consent/withdraw";
    }
}
