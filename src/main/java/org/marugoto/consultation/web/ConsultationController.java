package org.marugoto.consultation.web;

import static org.marugoto.shared.text.Texts.blankToNull;
import static org.marugoto.shared.web.FormValues.validated;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.marugoto.consultation.Channel;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.ConsultationView;
import org.marugoto.consultation.ConsulterType;
import org.marugoto.consultation.FirstResponse;
import org.marugoto.consultation.Urgency;
import org.marugoto.consultation.domain.ConsultationCommand;
import org.marugoto.consultation.domain.ConsultationService;
import org.marugoto.consultation.domain.IssueCodes;
import org.marugoto.directory.AgencyView;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.HouseholdView;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Japan;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.text.JapaneseDates;
import org.marugoto.shared.web.DateInput;
import org.marugoto.shared.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Recording a consultation (相談受付) about a household at the user's counter, and reading one. */
@Controller
class ConsultationController {

    private final ConsultationService consultations;
    private final IssueCodes issueCodes;
    private final PeopleApi people;
    private final DirectoryApi directory;

    ConsultationController(
            ConsultationService consultations, IssueCodes issueCodes, PeopleApi people, DirectoryApi directory) {
        this.consultations = consultations;
        this.issueCodes = issueCodes;
        this.people = people;
        this.directory = directory;
    }

    @GetMapping("/households/{householdId}/consultations/new")
    String form(@PathVariable UUID householdId, Model model) {
        LocalDateTime now = LocalDateTime.now(Japan.ZONE);
        var counters = directory.counters(CurrentActor.get().orElseThrow().agencyId());
        ConsultationForm form = ConsultationForm.empty(
                JapaneseDates.wareki(now.toLocalDate()),
                now.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm")),
                counters.isEmpty() ? null : counters.getFirst().id());
        return page(model, householdId, form);
    }

    @PostMapping("/households/{householdId}/consultations/new")
    String record(
            @PathVariable UUID householdId,
            @Valid @ModelAttribute("form") ConsultationForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        LocalDate day = DateInput.read(result, "receivedDate", form.receivedDate(), true, true);
        LocalTime time = readTime(result, form.receivedTime());
        LocalDate consentDate = DateInput.read(result, "consentDate", form.consentDate(), false, true);
        if (form.issueCodes().isEmpty()) {
            result.rejectValue("issueCodes", "consultation.error.noIssue");
        }
        if (form.personIds().isEmpty()) {
            result.rejectValue("personIds", "consultation.error.noPerson");
        }
        if (result.hasErrors()) {
            return page(model, householdId, form);
        }
        try {
            ConsultationView recorded = consultations.record(new ConsultationCommand(
                    form.submissionToken(),
                    householdId,
                    form.counterId(),
                    LocalDateTime.of(validated(day, "receivedDate"), validated(time, "receivedTime"))
                            .atZone(Japan.ZONE)
                            .toInstant(),
                    validated(form.channel(), "channel"),
                    validated(form.consulterType(), "consulterType"),
                    blankToNull(form.consulterRelation()),
                    form.personIds(),
                    form.issueCodes(),
                    blankToNull(form.mainIssueCode()),
                    form.urgency(),
                    blankToNull(form.ownWords()),
                    blankToNull(form.wishes()),
                    validated(form.consentStatus(), "consentStatus"),
                    consentDate,
                    blankToNull(form.consentScope()),
                    validated(form.firstResponse(), "firstResponse"),
                    form.firstResponse() == FirstResponse.REFERRED ? form.referredAgencyId() : null,
                    blankToNull(form.responseNote())));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/consultations/" + recorded.id();
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return page(model, householdId, form);
        }
    }

    @GetMapping("/consultations/{id}")
    String view(@PathVariable UUID id, Model model) {
        ConsultationView consultation = consultations.get(id);
        HouseholdView household = people.household(consultation.householdId(), "read consultation");
        List<MemberView> members = people.members(consultation.householdId());
        model.addAttribute("consultation", consultation);
        model.addAttribute("household", household);
        model.addAttribute(
                "persons",
                members.stream()
                        .filter(m ->
                                consultation.personIds().contains(m.person().id()))
                        .map(MemberView::person)
                        .distinct()
                        .toList());
        model.addAttribute("codes", consultations.issueCodesByCode());
        model.addAttribute("agency", directory.agency(consultation.agencyId()).orElse(null));
        model.addAttribute(
                "counter",
                consultation.counterId() == null
                        ? null
                        : directory.counter(consultation.counterId()).orElse(null));
        model.addAttribute(
                "referredAgency",
                consultation.referredAgencyId() == null
                        ? null
                        : directory.agency(consultation.referredAgencyId()).orElse(null));
        return "consultation/view";
    }

    private String page(Model model, UUID householdId, ConsultationForm form) {
        HouseholdView household = people.household(householdId, "intake");
        model.addAttribute("form", form);
        model.addAttribute("household", household);
        model.addAttribute(
                "members",
                people.members(householdId).stream().filter(MemberView::current).toList());
        model.addAttribute("codes", issueCodes.active());
        model.addAttribute(
                "counters", directory.counters(CurrentActor.get().orElseThrow().agencyId()));
        model.addAttribute(
                "agencies",
                directory.agencies().stream().filter(AgencyView::active).toList());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("consulterTypes", ConsulterType.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("consentStatuses", ConsentStatus.values());
        model.addAttribute("firstResponses", FirstResponse.values());
        return "consultation/form";
    }

    private static LocalTime readTime(BindingResult result, String text) {
        try {
            return LocalTime.parse(text.strip().replace('：', ':'), DateTimeFormatter.ofPattern("H:mm"));
        } catch (DateTimeParseException e) {
            result.rejectValue("receivedTime", "validation.time");
            return LocalTime.MIDNIGHT;
        }
    }
}
