package org.marugoto.casework.web;

import static org.marugoto.shared.text.Texts.orEmpty;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.Colleagues;
import org.marugoto.access.Colleagues.Colleague;
import org.marugoto.access.Role;
import org.marugoto.casework.AssessmentDomain;
import org.marugoto.casework.AssessmentView;
import org.marugoto.casework.CaseCommands;
import org.marugoto.casework.CaseOrigin;
import org.marugoto.casework.CaseView;
import org.marugoto.casework.GoalOutcome;
import org.marugoto.casework.ProgressKind;
import org.marugoto.casework.TeamRole;
import org.marugoto.casework.domain.AssessmentService;
import org.marugoto.casework.domain.CaseService;
import org.marugoto.casework.domain.ConferenceService;
import org.marugoto.casework.domain.PlanService;
import org.marugoto.casework.domain.ProgressService;
import org.marugoto.consent.ConsentView;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.ConsultationApi;
import org.marugoto.consultation.ConsultationView;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.referral.ReferralApi;
import org.marugoto.referral.ReferralStatus;
import org.marugoto.referral.ReferralView;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Japan;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.web.DateInput;
import org.marugoto.shared.web.FormErrors;
import org.marugoto.shared.web.FormValues;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The case as a whole (多機関協働の事例): the coordinator's dashboard, opening a case from a household, a
 * consultation or a referral, and the case page that gathers every activity of the case. What a person does on the
 * case page is handled by the controller of that activity: {@link CaseTeamController} (status, consent, team,
 * progress), {@link AssessmentController}, {@link PlanController}, {@link ConferenceController} and
 * {@link ClosureController}.
 */
@Controller
class CaseController {

    private final CaseService cases;
    private final AssessmentService assessments;
    private final PlanService plans;
    private final ProgressService progress;
    private final CaseList caseList;
    private final ConferenceService conferences;
    private final CasePersons persons;
    private final PeopleApi people;
    private final ConsultationApi consultations;
    private final ReferralApi referrals;
    private final DirectoryApi directory;
    private final Colleagues colleagues;

    CaseController(
            CaseService cases,
            AssessmentService assessments,
            PlanService plans,
            ProgressService progress,
            ConferenceService conferences,
            CasePersons persons,
            PeopleApi people,
            ConsultationApi consultations,
            ReferralApi referrals,
            DirectoryApi directory,
            Colleagues colleagues,
            CaseList caseList) {
        this.cases = cases;
        this.assessments = assessments;
        this.plans = plans;
        this.progress = progress;
        this.caseList = caseList;
        this.conferences = conferences;
        this.persons = persons;
        this.people = people;
        this.consultations = consultations;
        this.referrals = referrals;
        this.directory = directory;
        this.colleagues = colleagues;
    }

    @ModelAttribute("agencyNames")
    Map<UUID, String> agencyNames() {
        return directory.agencyNames();
    }

    // ---- dashboard -------------------------------------------------------------------------------------------------

    @GetMapping("/cases")
    String dashboard(
            @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String page,
            Model model) {
        Actor actor = CurrentActor.get().orElseThrow();
        boolean coordinator = coordinator(actor);
        List<CaseView> mine = cases.myCases(all && coordinator);
        model.addAttribute("cases", mine);
        caseList.addTo(model, mine, status, sort, page);
        model.addAttribute("all", all && coordinator);
        model.addAttribute("coordinator", coordinator);
        model.addAttribute(
                "leading",
                mine.stream()
                        .filter(c -> c.leadAccountId().equals(actor.accountId()))
                        .count());
        model.addAttribute("overdue", progress.overdue(mine));
        model.addAttribute("meetings", conferences.upcomingForMe(Duration.ofDays(30)));
        model.addAttribute("caseNumbers", caseNumbers(mine));
        model.addAttribute(
                "waiting",
                referrals.inbox().stream()
                        .filter(r -> r.status() == ReferralStatus.SENT || r.status() == ReferralStatus.INFO_REQUESTED)
                        .toList());
        model.addAttribute("codes", consultations.issueCodesByCode());
        return "casework/dashboard";
    }

    private static Map<UUID, String> caseNumbers(List<CaseView> list) {
        Map<UUID, String> numbers = new HashMap<>();
        list.forEach(c -> numbers.put(c.id(), c.caseNumber()));
        return numbers;
    }

    private static boolean coordinator(Actor actor) {
        return actor.roleNames().contains(Role.MUNICIPAL_COORDINATOR.name());
    }

    // ---- opening ---------------------------------------------------------------------------------------------------

    /** The opening form, filled from the consultation or referral it starts from, or empty for a household. */
    @GetMapping("/cases/new")
    String openForm(
            @RequestParam(required = false) @Nullable UUID household,
            @RequestParam(required = false) @Nullable UUID consultation,
            @RequestParam(required = false) @Nullable UUID referral,
            @RequestParam(required = false) @Nullable UUID outreach,
            Model model) {
        Actor actor = CurrentActor.get().orElseThrow();
        UUID lead = coordinator(actor) ? actor.accountId() : null;
        OpenCaseForm form;
        if (outreach != null && household != null) {
            // the outreach module checks the record when the case is opened (CaseOpened) and marks it つないだ
            form = OpenCaseForm.direct(household, lead).fromOutreach(outreach);
        } else if (consultation != null) {
            form = fromConsultation(consultations.get(consultation), lead);
        } else if (referral != null) {
            form = fromReferral(referrals.get(referral), lead);
        } else if (household != null) {
            form = OpenCaseForm.direct(household, lead);
        } else {
            throw new NotFoundException("household", "none");
        }
        return openPage(model, form);
    }

    private static OpenCaseForm fromConsultation(ConsultationView c, @Nullable UUID lead) {
        return new OpenCaseForm(
                c.householdId(),
                CaseOrigin.CONSULTATION.name(),
                c.id(),
                lead,
                orEmpty(c.ownWords()),
                List.copyOf(c.issueCodes()),
                List.copyOf(c.personIds()),
                c.consentStatus(),
                c.consentDate() == null ? "" : c.consentDate().toString(),
                orEmpty(c.consentScope()));
    }

    private static OpenCaseForm fromReferral(ReferralView r, @Nullable UUID lead) {
        return new OpenCaseForm(
                r.householdId(),
                CaseOrigin.REFERRAL.name(),
                r.id(),
                lead,
                r.summary(),
                List.copyOf(r.issueCodes()),
                List.copyOf(r.personIds()),
                r.consentStatus(),
                "",
                orEmpty(r.consentScope()));
    }

    @PostMapping("/cases/new")
    String open(@ModelAttribute("form") OpenCaseForm form, BindingResult result, Model model) {
        UUID householdId = form.householdId();
        if (householdId == null) {
            throw new NotFoundException("household", "none");
        }
        if (form.leadAccountId() == null) {
            result.rejectValue("leadAccountId", "case.error.lead");
        }
        LocalDate consentDate = DateInput.read(result, "consentDate", form.consentDate(), false, true);
        CaseOrigin origin = CaseActions.origin(form.origin());
        if (origin == null) {
            result.rejectValue("origin", "case.error.originUnknown");
            OpenCaseForm direct = form.withoutOrigin();
            FormErrors.show(model, "form", direct, result);
            return openPage(model, direct);
        }
        if (result.hasErrors()) {
            return openPage(model, form);
        }
        try {
            CaseView opened = cases.open(new CaseCommands.OpenCase(
                    householdId,
                    origin,
                    form.originId(),
                    FormValues.validated(form.leadAccountId(), "leadAccountId"),
                    form.summary(),
                    form.issueCodes(),
                    new LinkedHashSet<>(form.personIds()),
                    form.consentStatus(),
                    consentDate,
                    form.consentScope()));
            return "redirect:/cases/" + opened.id() + "?done=opened";
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return openPage(model, form);
        }
    }

    private String openPage(Model model, OpenCaseForm form) {
        UUID householdId = FormValues.validated(form.householdId(), "householdId");
        model.addAttribute("form", form);
        model.addAttribute("household", people.household(householdId, "case"));
        model.addAttribute(
                "members",
                people.members(householdId).stream().filter(MemberView::current).toList());
        model.addAttribute(
                "coordinators",
                colleagues.professionals().stream()
                        .filter(Colleague::coordinator)
                        .toList());
        model.addAttribute(
                "codes",
                consultations.issueCodesByCode().values().stream()
                        .filter(c -> c.active())
                        .toList());
        model.addAttribute("consentStatuses", ConsentStatus.values());
        return "casework/open";
    }

    // ---- the case page ---------------------------------------------------------------------------------------------

    /** The case page: the household, persons and team, then one section per activity, newest content first. */
    @GetMapping("/cases/{id}")
    String view(@PathVariable UUID id, @RequestParam(required = false) @Nullable String done, Model model) {
        CaseView view = cases.get(id);
        Actor actor = CurrentActor.get().orElseThrow();
        List<CaseView.TeamMember> team = cases.team(id);
        model.addAttribute("kase", view);
        if (done != null) {
            model.addAttribute("done", done); // after a form that redirects here; actions use a flash attribute
        }
        model.addAttribute("household", people.household(view.householdId(), "case"));
        model.addAttribute("persons", persons.of(view));
        model.addAttribute("team", team);
        model.addAttribute("history", cases.history(id));
        addRecords(model, view);
        addChoices(model);
        model.addAttribute("manager", view.leadAccountId().equals(actor.accountId()) || coordinator(actor));
        model.addAttribute("convener", coordinator(actor));
        model.addAttribute("candidates", candidates(team));
        if (!model.containsAttribute("progressForm")) {
            String now = LocalDateTime.now(Japan.ZONE).withSecond(0).withNano(0).toString();
            model.addAttribute("progressForm", new ProgressForm(now, ProgressKind.CONTACT, null, ""));
        }
        return "casework/case";
    }

    /** What the team wrote: assessment, plans, meetings, progress, overdue actions and the valid consents. */
    private void addRecords(Model model, CaseView view) {
        UUID id = view.id();
        List<AssessmentView> versions = assessments.assessments(id);
        model.addAttribute("assessment", versions.isEmpty() ? null : versions.getFirst());
        model.addAttribute("assessmentCount", versions.size());
        model.addAttribute("plans", plans.plans(id));
        model.addAttribute("plan", plans.currentPlan(id).orElse(null));
        model.addAttribute("conferences", conferences.forCase(id));
        model.addAttribute("progress", progress.progress(id));
        model.addAttribute("overdue", progress.overdue(List.of(view)));
        model.addAttribute(
                "consents",
                cases.consentsOf(view).stream().filter(ConsentView::valid).toList());
    }

    /** The fixed choices of the case page's small forms. */
    private void addChoices(Model model) {
        model.addAttribute("codes", consultations.issueCodesByCode());
        model.addAttribute("domains", AssessmentDomain.values());
        model.addAttribute("progressKinds", ProgressKind.values());
        model.addAttribute("roles", List.of(TeamRole.MEMBER, TeamRole.ADVISOR));
        model.addAttribute("outcomes", GoalOutcome.values());
        model.addAttribute("today", LocalDate.now(Japan.ZONE));
    }

    /** Professionals who can still join the team. */
    private List<Colleague> candidates(List<CaseView.TeamMember> team) {
        Set<UUID> inTeam = new HashSet<>();
        team.stream().filter(CaseView.TeamMember::active).forEach(m -> inTeam.add(m.accountId()));
        return colleagues.professionals().stream()
                .filter(c -> !inTeam.contains(c.id()))
                .toList();
    }
}
