package org.marugoto.consultation.web;

import static org.marugoto.shared.text.Texts.blankToNull;

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
        ConsultationForm form = new ConsultationForm();
        LocalDateTime now = LocalDateTime.now(Japan.ZONE);
        form.setReceivedDate(JapaneseDates.wareki(now.toLocalDate()));
        form.setReceivedTime(now.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm")));
        var counters = directory.counters(CurrentActor.get().orElseThrow().agencyId());
        if (!counters.isEmpty()) {
            form.setCounterId(counters.getFirst().id());
        }
        return page(model, householdId, form);
    }

    @PostMapping("/households/{householdId}/consultations/new")
    String record(
            @PathVariable UUID householdId,
            @Valid @ModelAttribute("form") ConsultationForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        LocalDate day = DateInput.read(result, "receivedDate", form.getReceivedDate(), true, true);
        LocalTime time = readTime(result, form.getReceivedTime());
        LocalDate consentDate = DateInput.read(result, "consentDate", form.getConsentDate(), false, true);
        if (form.getIssueCodes().isEmpty()) {
            result.rejectValue("issueCodes", "consultation.error.noIssue");
        }
        if (form.getPersonIds().isEmpty()) {
            result.rejectValue("personIds", "consultation.error.noPerson");
        }
        if (result.hasErrors()) {
            return page(model, householdId, form);
        }
        try {
            ConsultationView recorded = consultations.record(new ConsultationCommand(
                    form.getSubmissionToken(),
                    householdId,
                    form.getCounterId(),
                    LocalDateTime.of(day, time).atZone(Japan.ZONE).toInstant(),
                    form.getChannel(),
                    form.getConsulterType(),
                    blankToNull(form.getConsulterRelation()),
                    form.getPersonIds(),
                    form.getIssueCodes(),
                    blankToNull(form.getMainIssueCode()),
                    form.getUrgency(),
                    blankToNull(form.getOwnWords()),
                    blankToNull(form.getWishes()),
                    form.getConsentStatus(),
                    consentDate,
                    blankToNull(form.getConsentScope()),
                    form.getFirstResponse(),
                    form.getFirstResponse() == FirstResponse.REFERRED ? form.getReferredAgencyId() : null,
                    blankToNull(form.getResponseNote())));
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
