package org.marugoto.people.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.AccessApi;
import org.marugoto.area.AreaApi;
import org.marugoto.people.ApproximateBirth;
import org.marugoto.people.HouseholdView;
import org.marugoto.people.LivingSituation;
import org.marugoto.people.MemberView;
import org.marugoto.people.PersonCommand;
import org.marugoto.people.PersonView;
import org.marugoto.people.ProtectionCommand;
import org.marugoto.people.ProtectionKind;
import org.marugoto.people.Relationship;
import org.marugoto.people.Sex;
import org.marugoto.people.domain.LinkageService;
import org.marugoto.people.domain.PeopleService;
import org.marugoto.people.domain.PersonSearch;
import org.marugoto.people.domain.PossibleDuplicates;
import org.marugoto.people.domain.ProtectionService;
import org.marugoto.people.domain.SearchHit;
import org.marugoto.people.linkage.ApproxDate;
import org.marugoto.shared.Japan;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.text.DateParse;
import org.marugoto.shared.text.JapaneseDates;
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
    private final ProtectionService protection;

    private final AccessApi access;

    private final org.marugoto.directory.DirectoryApi directory;

    private final LinkageService linkage;

    PeopleController(
            PeopleService people,
            PersonSearch search,
            AreaApi areas,
            ProtectionService protection,
            AccessApi access,
            org.marugoto.directory.DirectoryApi directory,
            LinkageService linkage) {
        this.linkage = linkage;
        this.directory = directory;
        this.access = access;
        this.people = people;
        this.protection = protection;
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

    @ModelAttribute("protectionKinds")
    ProtectionKind[] protectionKinds() {
        return ProtectionKind.values();
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
        // a probable match at an agency the user's agency may not see: the kind of agency only (decision 0038)
        java.util.Map<UUID, List<Elsewhere>> elsewhere = new java.util.HashMap<>();
        for (LinkageService.ElsewhereNotice n :
                linkage.elsewhereOf(hits.stream().map(h -> h.person().id()).toList())) {
            directory.agency(n.otherAgencyId()).ifPresent(agency -> elsewhere
                    .computeIfAbsent(n.personId(), k -> new java.util.ArrayList<>())
                    .add(new Elsewhere(
                            n.candidateId(), "agency.kind." + agency.kind().name(), n.requested())));
        }
        model.addAttribute("elsewhere", elsewhere);
        // the query itself read as a person the user's agency has no record of (name and date of birth or phone)
        if (q != null && !q.isBlank()) {
            search.elsewhereProbe(q)
                    .map(probe -> linkage.elsewhereForQuery(probe, search.auditedQuery(q)))
                    .map(agencies -> agencies.stream()
                            .flatMap(agency -> directory.agency(agency).stream())
                            .map(agency -> "agency.kind." + agency.kind().name())
                            .distinct()
                            .toList())
                    .filter(kinds -> !kinds.isEmpty())
                    .ifPresent(kinds -> model.addAttribute("elsewhereQuery", kinds));
        }
        model.addAttribute("searched", q != null && !q.isBlank());
        return Htmx.view(request, "people/search", "results");
    }

    @GetMapping("/people/new")
    String registerForm(
            @RequestParam(required = false) @Nullable UUID household,
            @RequestParam(required = false) @Nullable String from,
            Model model) {
        HouseholdView h = household == null ? null : people.household(household, "register member");
        // "register here" from the search's "may exist elsewhere" notice: the form filled with what the query said
        if (h == null && from != null && !from.isBlank()) {
            java.util.Optional<PersonCommand> probe = search.elsewhereProbe(from);
            if (probe.isPresent()) {
                return registerPage(model, PersonForm.fromSearch(probe.get()));
            }
        }
        return registerPage(model, PersonForm.empty(h));
    }

    /** A "may exist elsewhere" notice on a search hit: the pair to ask about and the kind of agency, nothing more. */
    record Elsewhere(UUID candidateId, String kindKey, boolean requested) {}

    @PostMapping("/people/new")
    String register(
            @Valid @ModelAttribute("form") PersonForm form,
            BindingResult result,
            @RequestParam(defaultValue = "false") boolean askCoordinator,
            @RequestParam(defaultValue = "") String askReason,
            Model model,
            RedirectAttributes redirect) {
        Birth birth = readBirth(result, form.birthDate());
        LocalDate memberFrom = DateInput.read(result, "memberFrom", form.memberFrom(), false, false);
        checkText(form, result);
        if (result.hasErrors()) {
            return registerPage(model, form);
        }
        PersonCommand command = form.command(birth.exact(), birth.approximate());
        try {
            // once per form: a second submit answers with the first registration (the same redirect)
            MemberView member = people.registerOnce(
                    form.submissionToken(),
                    command,
                    form.membership(memberFrom),
                    !form.confirmedNew() && !askCoordinator);
            redirect.addFlashAttribute("saved", member.person().fullName());
            if (askCoordinator && linkage.requestAll(member.person().id(), askReason) > 0) {
                redirect.addFlashAttribute("askedCoordinator", true);
            }
            return "redirect:/households/" + member.householdId();
        } catch (PossibleDuplicates duplicates) {
            if (!duplicates.hits().isEmpty()) {
                model.addAttribute("duplicates", duplicates.hits());
            }
            // the kind of agency only, never which one or what it holds
            List<String> elsewhere = duplicates.elsewhere().stream()
                    .flatMap(agency -> directory.agency(agency).stream())
                    .map(agency -> "agency.kind." + agency.kind().name())
                    .distinct()
                    .toList();
            if (!elsewhere.isEmpty()) {
                model.addAttribute("elsewhere", elsewhere);
            }
            return registerPage(model, form);
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
                                .format(grant.expiresAt().atZone(Japan.ZONE))));
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
        Birth birth = readBirth(result, form.birthDate());
        checkText(form, result);
        if (result.hasErrors()) {
            return personPage(model, current, form);
        }
        try {
            PersonView saved = people.update(id, form.version(), form.command(birth.exact(), birth.approximate()));
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

    /**
     * Marks the person as protected (支援措置). Allowed to staff who may change the person's household; the
     * protection masks the person (and the members named) on every screen from now on.
     */
    @PostMapping("/people/{id}/protection")
    String protect(
            @PathVariable UUID id,
            @Valid @ModelAttribute("protectionForm") ProtectionForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        PersonView person = people.person(id, "protect");
        LocalDate from = DateInput.read(result, "validFrom", form.validFrom(), true, false);
        LocalDate until = DateInput.read(result, "validUntil", form.validUntil(), false, false);
        if (result.hasErrors() || from == null || form.kind() == null) {
            model.addAttribute("protectionOpen", true);
            return personPage(model, person, PersonForm.of(person));
        }
        try {
            protection.protect(
                    id,
                    new ProtectionCommand(
                            form.kind(), from, until, form.requestingOffice(), form.note(), form.memberPersonIds()));
            redirect.addFlashAttribute("protectionSaved", true);
            return "redirect:/people/" + id;
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            model.addAttribute("protectionOpen", true);
            return personPage(model, person, PersonForm.of(person));
        }
    }

    /** Ends a protection (the record stays). */
    @PostMapping("/people/{id}/protection/{protectionId}/end")
    String endProtection(
            @PathVariable UUID id,
            @PathVariable UUID protectionId,
            @RequestParam int version,
            @RequestParam(required = false) @Nullable String endReason,
            RedirectAttributes redirect) {
        try {
            protection.end(protectionId, version, endReason == null ? "" : endReason);
            redirect.addFlashAttribute("protectionEnded", true);
        } catch (RuleViolation violation) {
            redirect.addFlashAttribute("protectionError", violation.messageKey());
        } catch (OptimisticLockingFailureException stale) {
            redirect.addFlashAttribute("protectionError", "error.staleEdit");
        }
        return "redirect:/people/" + id;
    }

    /** Checks that need the Japanese text rules: a reading in kana, a phone number of digits. */
    private static void checkText(PersonForm form, BindingResult result) {
        if (!form.familyNameKana().isBlank() && !JapaneseText.isReading(form.familyNameKana())) {
            result.rejectValue("familyNameKana", "validation.kana");
        }
        if (!form.givenNameKana().isBlank() && !JapaneseText.isReading(form.givenNameKana())) {
            result.rejectValue("givenNameKana", "validation.kana");
        }
        // a reading may be missing (読み未登録, decision 0038), but not the family reading alone
        if (form.familyNameKana().isBlank() && !form.givenNameKana().isBlank()) {
            result.rejectValue("familyNameKana", "person.reading.familyFirst");
        }
        if (!form.phone().isBlank() && PhoneNumbers.normalize(form.phone()).isEmpty()) {
            result.rejectValue("phone", "validation.phone");
        }
    }

    private String registerPage(Model model, PersonForm form) {
        model.addAttribute("form", form);
        model.addAttribute("areas", areas.tree());
        UUID household = form.householdId();
        if (household != null) {
            model.addAttribute("household", people.household(household, "register member"));
        }
        return "people/register";
    }

    private String personPage(Model model, PersonView person, PersonForm form) {
        model.addAttribute("person", person);
        model.addAttribute("form", form);
        model.addAttribute("areas", areas.tree());
        model.addAttribute("households", people.householdsOf(person.id()));
        model.addAttribute("protections", protection.protectionsOf(person.id()));
        model.addAttribute("protectionMembers", protection.householdMembersOf(person.id()));
        if (!model.containsAttribute("protectionForm")) {
            model.addAttribute("protectionForm", ProtectionForm.empty());
        }
        model.addAttribute("today", LocalDate.now(Japan.ZONE));
        // a coordinator's link of this record with others: shown to coordinators only, with the unlink button
        if (linkage.isCoordinator()) {
            linkage.identityOf(person.id()).ifPresent(identity -> {
                model.addAttribute("identity", identity);
                model.addAttribute(
                        "linkedCount", linkage.linkedWith(person.id()).size());
            });
        }
        return "people/person";
    }

    /** A date of birth as typed: exact, or approximate (a year and month, a year, an age, "1974年頃"), or none. */
    record Birth(@Nullable LocalDate exact, @Nullable ApproximateBirth approximate) {}

    /**
     * Reads the date of birth field. An exact date (和暦 or 西暦) is kept as one; otherwise a year and month, a year,
     * a year "頃" or an age ("80歳くらい", the year estimated from today) is kept as approximate. Anything else is
     * refused at the field with the date parser's own message.
     */
    static Birth readBirth(BindingResult result, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return new Birth(null, null);
        }
        String typed = text.strip();
        LocalDate today = LocalDate.now(Japan.ZONE);
        String around = typed.replaceFirst("(頃|ごろ|ころ|前後)$", "");
        boolean saidAround = !around.equals(typed);
        if (!saidAround && JapaneseDates.parseBirthDate(typed, today) instanceof DateParse.Parsed ok) {
            return new Birth(ok.date(), null);
        }
        java.util.Optional<ApproxDate> approx = ApproxDate.parse(around, today);
        if (approx.isPresent() && !approx.get().exact()) {
            ApproxDate a = approx.get();
            boolean estimated = saidAround || a.precision() == ApproxDate.Precision.AROUND_YEAR;
            return new Birth(null, new ApproximateBirth(a.year(), estimated ? 0 : a.month(), estimated));
        }
        // not approximate either: the date parser says what is wrong with it as a date
        DateInput.read(result, "birthDate", typed, false, true);
        if (!result.hasFieldErrors("birthDate")) {
            result.rejectValue("birthDate", "validation.date.format");
        }
        return new Birth(null, null);
    }
}
