package org.marugoto.participation.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaView;
import org.marugoto.consultation.ConsultationApi;
import org.marugoto.directory.AgencyView;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.participation.HostOffer;
import org.marugoto.participation.Interest;
import org.marugoto.participation.MatchEndReason;
import org.marugoto.participation.MatchStep;
import org.marugoto.participation.NewOpportunity;
import org.marugoto.participation.OpportunityKind;
import org.marugoto.participation.OpportunityView;
import org.marugoto.participation.ProfileView;
import org.marugoto.participation.domain.ParticipationService;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.shared.Japan;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Participation support pages: the agency's people in participation support with overdue follow-ups, the
 * opportunities (役割・出番), a person's page with the ranked opportunities and their matches, and the unmet needs with
 * their counts by area and kind. Errors come back at their fields; nothing is changed.
 */
@Controller
class ParticipationController {

    private final ParticipationService participation;
    private final PeopleApi people;
    private final DirectoryApi directory;
    private final AreaApi areas;
    private final ConsultationApi consultations;
    private final java.time.Clock clock;

    ParticipationController(
            ParticipationService participation,
            PeopleApi people,
            DirectoryApi directory,
            AreaApi areas,
            ConsultationApi consultations,
            java.time.Clock clock) {
        this.participation = participation;
        this.people = people;
        this.directory = directory;
        this.areas = areas;
        this.consultations = consultations;
        this.clock = clock;
    }

    @GetMapping("/participation")
    String list(Model model) {
        List<ProfileView> profiles = participation.ofMyAgency();
        model.addAttribute("profiles", profiles);
        model.addAttribute("names", personNames(profiles));
        model.addAttribute("today", Japan.today(clock));
        return "participation/list";
    }

    private Map<UUID, String> personNames(List<ProfileView> profiles) {
        Map<UUID, String> names = new LinkedHashMap<>();
        for (ProfileView p : profiles) {
            if (!names.containsKey(p.personId())) {
                people.members(p.householdId()).stream()
                        .filter(m -> m.person().id().equals(p.personId()))
                        .findFirst()
                        .ifPresent(m -> names.put(p.personId(), m.person().fullName()));
            }
        }
        return names;
    }

    // ---- opportunities ---------------------------------------------------------------------------------------------

    @GetMapping("/participation/opportunities")
    String opportunities(Model model) {
        return opportunitiesPage(model, OpportunityForm.empty(), Map.of(), null);
    }

    @PostMapping("/participation/opportunities")
    String addOpportunity(@ModelAttribute("form") OpportunityForm form, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        NewOpportunity command = readOpportunity(form, errors);
        if (command == null) {
            return opportunitiesPage(model, form, errors, null);
        }
        try {
            participation.addOpportunity(command);
        } catch (RuleViolation violation) {
            errors.put(field(violation), violation.messageKey());
            return opportunitiesPage(model, form, errors, null);
        }
        return "redirect:/participation/opportunities?done=added";
    }

    /** The opportunity's own page to change what it says; the version the user sees goes with the form. */
    @GetMapping("/participation/opportunities/{id}/edit")
    String editOpportunity(@PathVariable UUID id, Model model) {
        OpportunityView o =
                participation.opportunity(id).orElseThrow(() -> new NotFoundException("participation-opportunity", id));
        return opportunityEditPage(model, o, OpportunityForm.of(o), Map.of());
    }

    @PostMapping("/participation/opportunities/{id}/edit")
    String updateOpportunity(@PathVariable UUID id, @ModelAttribute("form") OpportunityForm form, Model model) {
        OpportunityView o =
                participation.opportunity(id).orElseThrow(() -> new NotFoundException("participation-opportunity", id));
        Map<String, String> errors = new LinkedHashMap<>();
        Integer version = integer(form.version(), errors, "version");
        NewOpportunity command = readOpportunity(form, errors);
        if (version == null) {
            errors.put("global", "error.staleEdit");
        }
        if (command == null || version == null) {
            return opportunityEditPage(model, o, form, errors);
        }
        try {
            participation.updateOpportunity(id, version, command);
        } catch (RuleViolation violation) {
            errors.put(field(violation), violation.messageKey());
            return opportunityEditPage(model, o, form, errors);
        } catch (OptimisticLockingFailureException stale) {
            OpportunityView now = participation.opportunity(id).orElseThrow();
            return opportunityEditPage(model, now, OpportunityForm.of(now), Map.of("global", "error.staleEdit"));
        }
        return "redirect:/participation/opportunities?done=changed#opportunity-" + id;
    }

    private String opportunityEditPage(
            Model model, OpportunityView o, OpportunityForm form, Map<String, String> errors) {
        opportunitiesPage(model, form, errors, null);
        model.addAttribute("opportunity", o);
        return "participation/opportunity-edit";
    }

    /** The form read into a command, or {@code null} with the errors at their fields. */
    private static @Nullable NewOpportunity readOpportunity(OpportunityForm form, Map<String, String> errors) {
        UUID host = uuid(form.hostAgencyId());
        if (host == null) {
            errors.put("hostAgencyId", "participation.error.host");
        }
        OpportunityKind kind = enumOf(OpportunityKind.class, form.kind());
        if (kind == null) {
            errors.put("kind", "participation.error.kind");
        }
        Integer capacity = integer(form.capacity(), errors, "capacity");
        Integer ageMin = integer(form.ageMin(), errors, "ageMin");
        Integer ageMax = integer(form.ageMax(), errors, "ageMax");
        if (form.title().isBlank()) {
            errors.put("title", "participation.error.title");
        }
        if (tooLong(form.title(), 200)
                || tooLong(form.description(), 2000)
                || tooLong(form.daysHours(), 300)
                || tooLong(form.accessibility(), 500)
                || tooLong(form.cost(), 200)) {
            errors.put("title", "participation.error.tooLong");
        }
        if (!errors.isEmpty() || host == null || kind == null) {
            return null;
        }
        return new NewOpportunity(
                host,
                form.title(),
                kind,
                form.description(),
                uuid(form.areaId()),
                form.daysHours(),
                capacity,
                enums(HostOffer.class, form.hostOffers()),
                enums(Interest.class, form.interests()),
                form.accessibility(),
                ageMin,
                ageMax,
                form.cost());
    }

    @PostMapping("/participation/opportunities/{id}/open")
    String setOpen(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String version,
            @RequestParam(required = false) @Nullable String open,
            Model model) {
        participation.opportunity(id).orElseThrow(() -> new NotFoundException("participation-opportunity", id));
        Integer seen = integer(version == null ? "" : version, new LinkedHashMap<>(), "version");
        try {
            participation.setOpen(id, seen == null ? -1 : seen, "true".equals(open));
        } catch (OptimisticLockingFailureException stale) {
            return opportunitiesPage(model, OpportunityForm.empty(), Map.of("global", "error.staleEdit"), null);
        }
        return "redirect:/participation/opportunities?done=changed";
    }

    private String opportunitiesPage(
            Model model, OpportunityForm form, Map<String, String> errors, @Nullable String done) {
        model.addAttribute("opportunities", participation.opportunities());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "agencies",
                directory.agencies().stream().filter(AgencyView::active).toList());
        model.addAttribute("agencyNames", directory.agencyNames());
        model.addAttribute("areas", areas.tree());
        model.addAttribute("areaNames", areaNames());
        model.addAttribute("kinds", OpportunityKind.values());
        model.addAttribute("offers", HostOffer.values());
        model.addAttribute("interests", Interest.values());
        return "participation/opportunities";
    }

    // ---- a person --------------------------------------------------------------------------------------------------

    @GetMapping("/participation/new")
    String newProfile(@RequestParam(required = false) @Nullable UUID household, Model model) {
        if (household == null) {
            throw new NotFoundException("household", "none");
        }
        people.household(household, "participation");
        return profileForm(
                model, new ProfileForm(household.toString(), null, null, null, null, null, null, null), Map.of());
    }

    @PostMapping("/participation/new")
    String startProfile(@ModelAttribute("form") ProfileForm form, Model model) {
        UUID household = uuid(form.householdId());
        if (household == null) {
            throw new NotFoundException("household", "none");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        UUID person = uuid(form.personId());
        if (person == null) {
            errors.put("personId", "participation.error.person");
        }
        if (form.wishes().isBlank()) {
            errors.put("wishes", "participation.error.wishes");
        }
        if (tooLong(form.wishes(), 2000) || tooLong(form.strengths(), 1000) || tooLong(form.limits(), 1000)) {
            errors.put("wishes", "participation.error.tooLong");
        }
        if (!errors.isEmpty() || person == null) {
            people.household(household, "participation");
            return profileForm(model, form, errors);
        }
        try {
            ProfileView p = participation.startProfile(
                    household,
                    person,
                    uuid(form.areaId()),
                    form.wishes(),
                    enums(Interest.class, form.interests()),
                    form.strengths(),
                    form.limits());
            return "redirect:/participation/" + p.id() + "?done=started";
        } catch (RuleViolation violation) {
            errors.put(field(violation), violation.messageKey());
            return profileForm(model, form, errors);
        }
    }

    private String profileForm(Model model, ProfileForm form, Map<String, String> errors) {
        UUID household = UUID.fromString(form.householdId());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("household", people.household(household, "participation"));
        model.addAttribute(
                "members",
                people.members(household).stream().filter(MemberView::current).toList());
        model.addAttribute("areas", areas.tree());
        model.addAttribute("interests", Interest.values());
        return "participation/form";
    }

    /** The person's wishes, interests, strengths, limits and area, changed by the lead agency. */
    @GetMapping("/participation/{id}/edit")
    String editProfile(@PathVariable UUID id, Model model) {
        ProfileView p = participation.get(id);
        return profileEditPage(model, p, ProfileForm.of(p), Map.of());
    }

    @PostMapping("/participation/{id}/edit")
    String updateProfile(@PathVariable UUID id, @ModelAttribute("form") ProfileForm form, Model model) {
        ProfileView p = participation.get(id);
        Map<String, String> errors = new LinkedHashMap<>();
        Integer version = integer(form.version(), errors, "version");
        if (version == null) {
            errors.put("global", "error.staleEdit");
        }
        if (form.wishes().isBlank()) {
            errors.put("wishes", "participation.error.wishes");
        }
        if (tooLong(form.wishes(), 2000) || tooLong(form.strengths(), 1000) || tooLong(form.limits(), 1000)) {
            errors.put("wishes", "participation.error.tooLong");
        }
        if (!errors.isEmpty() || version == null) {
            return profileEditPage(model, p, form, errors);
        }
        try {
            participation.updateProfile(
                    id,
                    version,
                    uuid(form.areaId()),
                    form.wishes(),
                    enums(Interest.class, form.interests()),
                    form.strengths(),
                    form.limits());
        } catch (RuleViolation violation) {
            errors.put(field(violation), violation.messageKey());
            return profileEditPage(model, p, form, errors);
        } catch (OptimisticLockingFailureException stale) {
            ProfileView now = participation.get(id);
            return profileEditPage(model, now, ProfileForm.of(now), Map.of("global", "error.staleEdit"));
        }
        return "redirect:/participation/" + id + "?done=edited";
    }

    private String profileEditPage(Model model, ProfileView p, ProfileForm typed, Map<String, String> errors) {
        // the household and the person are the profile's, whatever the request said
        ProfileForm form = new ProfileForm(
                p.householdId().toString(),
                p.personId().toString(),
                typed.areaId(),
                typed.wishes(),
                typed.interests(),
                typed.strengths(),
                typed.limits(),
                typed.version());
        profileForm(model, form, errors);
        model.addAttribute("profile", p);
        model.addAttribute(
                "personName",
                people.members(p.householdId()).stream()
                        .filter(m -> m.person().id().equals(p.personId()))
                        .map(m -> m.person().fullName())
                        .findFirst()
                        .orElse(""));
        return "participation/form";
    }

    @GetMapping("/participation/{id}")
    String view(@PathVariable UUID id, @RequestParam(required = false) @Nullable String done, Model model) {
        return viewPage(model, participation.get(id), Map.of(), done);
    }

    @PostMapping("/participation/{id}/matches")
    String introduce(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String opportunityId,
            @RequestParam(required = false) @Nullable String on,
            @RequestParam(required = false) @Nullable String accompaniedBy,
            Model model) {
        ProfileView profile = participation.get(id);
        Map<String, String> errors = new LinkedHashMap<>();
        UUID opportunity = uuid(opportunityId == null ? "" : opportunityId);
        LocalDate date = date(on == null ? "" : on);
        if (opportunity == null) {
            errors.put("opportunityId", "participation.error.opportunity");
        }
        if (date == null) {
            errors.put("on", "participation.error.date");
        }
        if (!errors.isEmpty() || opportunity == null || date == null) {
            return viewPage(model, profile, errors, null);
        }
        try {
            participation.introduce(id, opportunity, date, accompaniedBy);
        } catch (RuleViolation violation) {
            errors.put(field(violation), violation.messageKey());
            return viewPage(model, profile, errors, null);
        }
        return "redirect:/participation/" + id + "?done=introduced";
    }

    @PostMapping("/participation/matches/{matchId}/step")
    String step(@PathVariable UUID matchId, @ModelAttribute("step") StepForm form, Model model) {
        ProfileView profile = participation.get(participation.profileIdOfMatch(matchId));
        Map<String, String> errors = new LinkedHashMap<>();
        MatchStep to = enumOf(MatchStep.class, form.to());
        LocalDate on = date(form.on());
        LocalDate followUp = form.followUpOn().isBlank() ? null : date(form.followUpOn());
        Integer version = integer(form.version(), errors, "version");
        if (version == null) {
            errors.put("global", "error.staleEdit");
        }
        if (to == null) {
            errors.put("to", "participation.error.step");
        }
        if (on == null) {
            errors.put("on", "participation.error.date");
        }
        if (!form.followUpOn().isBlank() && followUp == null) {
            errors.put("followUpOn", "participation.error.date");
        }
        if (tooLong(form.hostSupport(), 2000) || tooLong(form.note(), 1000) || tooLong(form.accompaniedBy(), 300)) {
            errors.put("note", "participation.error.tooLong");
        }
        if (!errors.isEmpty() || to == null || on == null || version == null) {
            return viewPage(model, profile, errors, null);
        }
        try {
            participation.step(
                    matchId,
                    version,
                    to,
                    on,
                    form.accompaniedBy(),
                    form.hostSupport(),
                    form.note(),
                    followUp,
                    enumOf(MatchEndReason.class, form.endReason()));
        } catch (RuleViolation violation) {
            errors.put(field(violation), violation.messageKey());
            return viewPage(model, profile, errors, null);
        } catch (OptimisticLockingFailureException stale) {
            errors.put("global", "error.staleEdit");
            return viewPage(model, participation.get(profile.id()), errors, null);
        }
        return "redirect:/participation/" + profile.id() + "?done=step";
    }

    @PostMapping("/participation/matches/{matchId}/outcome")
    String outcome(
            @PathVariable UUID matchId,
            @RequestParam(required = false) @Nullable String version,
            @RequestParam(required = false) @Nullable String months,
            @RequestParam(required = false) @Nullable String outcome,
            Model model) {
        ProfileView profile = participation.get(participation.profileIdOfMatch(matchId));
        Map<String, String> errors = new LinkedHashMap<>();
        Integer seen = integer(version == null ? "" : version, errors, "version");
        Integer m = integer(months == null ? "" : months, errors, "months");
        if (seen == null || m == null) {
            errors.putIfAbsent("global", "participation.error.months");
        }
        if (!errors.isEmpty() || seen == null || m == null) {
            return viewPage(model, profile, errors, null);
        }
        try {
            participation.outcome(matchId, seen, m, outcome == null ? "" : outcome);
        } catch (RuleViolation violation) {
            errors.put(field(violation), violation.messageKey());
            return viewPage(model, profile, errors, null);
        } catch (OptimisticLockingFailureException stale) {
            errors.put("global", "error.staleEdit");
            return viewPage(model, participation.get(profile.id()), errors, null);
        }
        return "redirect:/participation/" + profile.id() + "?done=outcome";
    }

    private String viewPage(Model model, ProfileView profile, Map<String, String> errors, @Nullable String done) {
        model.addAttribute("profile", profile);
        model.addAttribute("household", people.household(profile.householdId(), "participation"));
        model.addAttribute("name", personNames(List.of(profile)).getOrDefault(profile.personId(), ""));
        model.addAttribute("ranked", participation.ranked(profile));
        model.addAttribute("agencyNames", directory.agencyNames());
        model.addAttribute("areaNames", areaNames());
        model.addAttribute("errors", errors);
        model.addAttribute("done", done);
        model.addAttribute("today", Japan.today(clock));
        model.addAttribute("endReasons", MatchEndReason.values());
        return "participation/view";
    }

    // ---- unmet needs -----------------------------------------------------------------------------------------------

    @GetMapping("/participation/needs")
    String needs(@RequestParam(required = false) @Nullable String done, Model model) {
        return needsPage(model, new NeedForm(null, null, null, null, null), Map.of(), done);
    }

    @PostMapping("/participation/needs")
    String recordNeed(@ModelAttribute("form") NeedForm form, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        OpportunityKind kind = enumOf(OpportunityKind.class, form.kind());
        if (kind == null) {
            errors.put("kind", "participation.error.kind");
        }
        if (form.what().isBlank()) {
            errors.put("what", "participation.error.what");
        }
        if (form.forWhom().isBlank()) {
            errors.put("forWhom", "participation.error.forWhom");
        }
        if (tooLong(form.what(), 1000) || tooLong(form.forWhom(), 300)) {
            errors.put("what", "participation.error.tooLong");
        }
        if (!errors.isEmpty() || kind == null) {
            return needsPage(model, form, errors, null);
        }
        try {
            participation.recordNeed(form.what(), kind, uuid(form.areaId()), form.forWhom(), form.issueCodes());
        } catch (RuleViolation violation) {
            errors.put(field(violation), violation.messageKey());
            return needsPage(model, form, errors, null);
        }
        return "redirect:/participation/needs?done=recorded";
    }

    private String needsPage(Model model, NeedForm form, Map<String, String> errors, @Nullable String done) {
        model.addAttribute("counts", participation.needCounts());
        model.addAttribute("needs", participation.needs());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("done", done);
        model.addAttribute("areas", areas.tree());
        model.addAttribute("areaNames", areaNames());
        model.addAttribute("kinds", OpportunityKind.values());
        model.addAttribute("codes", consultations.issueCodesByCode());
        return "participation/needs";
    }

    // ---- input -----------------------------------------------------------------------------------------------------

    private Map<UUID, String> areaNames() {
        Map<UUID, String> names = new LinkedHashMap<>();
        for (AreaView a : areas.tree()) {
            names.put(a.id(), a.name());
        }
        return names;
    }

    static String field(RuleViolation violation) {
        return violation.field() == null ? "global" : violation.field();
    }

    static boolean tooLong(String text, int max) {
        return text.length() > max;
    }

    static @Nullable UUID uuid(String text) {
        try {
            return text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException bad) {
            return null;
        }
    }

    static @Nullable LocalDate date(String text) {
        try {
            return text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException bad) {
            return null;
        }
    }

    static @Nullable Integer integer(String text, Map<String, String> errors, String field) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException bad) {
            errors.put(field, "participation.error.number");
            return null;
        }
    }

    static <E extends Enum<E>> @Nullable E enumOf(Class<E> type, String name) {
        try {
            return name.isBlank() ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException bad) {
            return null;
        }
    }

    static <E extends Enum<E>> List<E> enums(Class<E> type, List<String> names) {
        List<E> values = new ArrayList<>();
        for (String n : names) {
            E e = enumOf(type, n);
            if (e != null && !values.contains(e)) {
                values.add(e);
            }
        }
        return values;
    }
}
