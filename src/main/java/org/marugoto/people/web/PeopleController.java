package org.marugoto.people.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.AccessApi;
import org.marugoto.area.AreaApi;
import org.marugoto.people.HouseholdView;
import org.marugoto.people.LivingSituation;
import org.marugoto.people.MemberView;
import org.marugoto.people.PersonCommand;
import org.marugoto.people.PersonView;
import org.marugoto.people.Relationship;
import org.marugoto.people.Sex;
import org.marugoto.people.domain.PeopleService;
import org.marugoto.people.domain.PersonSearch;
import org.marugoto.people.domain.SearchHit;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.text.JapaneseText;
import org.marugoto.shared.text.PhoneNumbers;
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

/** Finding, registering and editing persons. */
@Controller
class PeopleController {

    private final PeopleService people;
    private final PersonSearch search;
    private final AreaApi areas;

    private final AccessApi access;

    PeopleController(PeopleService people, PersonSearch search, AreaApi areas, AccessApi access) {
        this.access = access;
        this.people = people;
        this.search = search;
        this.areas = areas;
    }

    @ModelAttribute("sexes")
    Sex[] sexes() {
        return Sex.values();
    }

    @ModelAttribute("livingSituations")
    LivingSituation[] livingSituations() {
        return LivingSituation.values();
    }

    @ModelAttribute("relationships")
    Relationship[] relationships() {
        return Relationship.values();
    }

    @GetMapping("/people")
    String search(@RequestParam(required = false) @Nullable String q, HttpServletRequest request, Model model) {
        model.addAttribute("q", q);
        List<SearchHit> hits = q == null || q.isBlank() ? List.of() : search.search(q);
        model.addAttribute("hits", hits);
        model.addAttribute("searched", q != null && !q.isBlank());
        return Htmx.view(request, "people/search", "results");
    }

    @GetMapping("/people/new")
    String registerForm(@RequestParam(required = false) @Nullable UUID household, Model model) {
        PersonForm form = new PersonForm();
        if (household != null) {
            HouseholdView h = people.household(household, "register member");
            form.setHouseholdId(household);
            form.setAddress(h.address() == null ? "" : h.address());
            form.setAreaId(h.areaId());
            form.setRelationship(Relationship.CHILD);
        }
        return registerPage(model, form);
    }

    @PostMapping("/people/new")
    String register(
            @Valid @ModelAttribute("form") PersonForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        LocalDate birthDate = DateInput.read(result, "birthDate", form.getBirthDate(), false, true);
        LocalDate memberFrom = DateInput.read(result, "memberFrom", form.getMemberFrom(), false, false);
        checkText(form, result);
        if (result.hasErrors()) {
            return registerPage(model, form);
        }
        PersonCommand command = form.command(birthDate);
        if (!form.isConfirmedNew()) {
            List<SearchHit> duplicates = search.duplicates(command);
            if (!duplicates.isEmpty()) {
                model.addAttribute("duplicates", duplicates);
                return registerPage(model, form);
            }
        }
        try {
            MemberView member = people.register(command, form.membership(memberFrom));
            redirect.addFlashAttribute("saved", member.person().fullName());
            return "redirect:/households/" + member.householdId();
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return registerPage(model, form);
        }
    }

    @GetMapping("/people/{id}")
    String person(@PathVariable UUID id, Model model) {
        PersonView person = people.person(id, "person page");
        // read under an emergency access: the page says so, and until when
        access.emergencyAccess(id)
                .ifPresent(grant -> model.addAttribute(
                        "emergencyUntil",
                        java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                                .format(grant.expiresAt().atZone(java.time.ZoneId.of("Asia/Tokyo")))));
        return personPage(model, person, PersonForm.of(person));
    }

    @PostMapping("/people/{id}")
    String update(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") PersonForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        PersonView current = people.person(id, "edit");
        LocalDate birthDate = DateInput.read(result, "birthDate", form.getBirthDate(), false, true);
        checkText(form, result);
        if (result.hasErrors()) {
            return personPage(model, current, form);
        }
        try {
            PersonView saved = people.update(id, form.getVersion(), form.command(birthDate));
            redirect.addFlashAttribute("saved", saved.fullName());
            return "redirect:/people/" + id;
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return personPage(model, current, form);
        } catch (OptimisticLockingFailureException stale) {
            PersonView newer = people.person(id, "edit");
            model.addAttribute("stale", true);
            return personPage(model, newer, PersonForm.of(newer));
        }
    }

    /** Checks that need the Japanese text rules: a reading in kana, a phone number of digits. */
    private static void checkText(PersonForm form, BindingResult result) {
        if (!form.getFamilyNameKana().isBlank() && !JapaneseText.isReading(form.getFamilyNameKana())) {
            result.rejectValue("familyNameKana", "validation.kana");
        }
        if (!form.getGivenNameKana().isBlank() && !JapaneseText.isReading(form.getGivenNameKana())) {
            result.rejectValue("givenNameKana", "validation.kana");
        }
        if (!form.getPhone().isBlank()
                && PhoneNumbers.normalize(form.getPhone()).isEmpty()) {
            result.rejectValue("phone", "validation.phone");
        }
    }

    private String registerPage(Model model, PersonForm form) {
        model.addAttribute("form", form);
        model.addAttribute("areas", areas.tree());
        if (form.getHouseholdId() != null) {
            model.addAttribute("household", people.household(form.getHouseholdId(), "register member"));
        }
        return "people/register";
    }

    private String personPage(Model model, PersonView person, PersonForm form) {
        model.addAttribute("person", person);
        model.addAttribute("form", form);
        model.addAttribute("areas", areas.tree());
        model.addAttribute("households", people.householdsOf(person.id()));
        model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")));
        return "people/person";
    }
}
