package org.marugoto.casework.web;

import static org.marugoto.shared.text.Texts.blankToNull;
import static org.marugoto.shared.text.Texts.orEmpty;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.Colleagues;
import org.marugoto.access.Colleagues.Colleague;
import org.marugoto.access.Role;
import org.marugoto.casework.AssessmentDomain;
import org.marugoto.casework.AssessmentView;
import org.marugoto.casework.CaseCommands;
import org.marugoto.casework.CaseOrigin;
import org.marugoto.casework.CaseStatus;
import org.marugoto.casework.CaseView;
import org.marugoto.casework.ClosureOutcome;
import org.marugoto.casework.GoalOutcome;
import org.marugoto.casework.PlanView;
import org.marugoto.casework.ProgressKind;
import org.marugoto.casework.TeamRole;
import org.marugoto.casework.domain.CaseRecords;
import org.marugoto.casework.domain.CaseService;
import org.marugoto.casework.domain.ConferenceService;
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

/** Cases (多機関協働): the coordinator's dashboard, opening, the case page, team, assessment, plan, progress, closure. */
@Controller
class CaseController {

    private final CaseService cases;
    private final CaseList caseList;
    private final CaseRecords records;
    private final ConferenceService conferences;
    private final PeopleApi people;
    private final ConsultationApi consultations;
    private final ReferralApi referrals;
    private final DirectoryApi directory;
    private final Colleagues colleagues;

    CaseController(
            CaseService cases,
            CaseRecords records,
            ConferenceService conferences,
            PeopleApi people,
            ConsultationApi consultations,
            ReferralApi referrals,
            DirectoryApi directory,
            Colleagues colleagues,
            CaseList caseList) {
        this.cases = cases;
        this.caseList = caseList;
        this.records = records;
        this.conferences = conferences;
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
        boolean coordinator = actor.roleNames().contains(Role.MUNICIPAL_COORDINATOR.name());
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
        model.addAttribute("overdue", records.overdue(mine));
        model.addAttribute("meetings", conferences.upcomingForMe(java.time.Duration.ofDays(30)));
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

    // ---- opening ---------------------------------------------------------------------------------------------------

    @GetMapping("/cases/new")
    String openForm(
            @RequestParam(required = false) @Nullable UUID household,
            @RequestParam(required = false) @Nullable UUID consultation,
            @RequestParam(required = false) @Nullable UUID referral,
            Model model) {
        CaseForms.OpenForm form = new CaseForms.OpenForm();
        Actor actor = CurrentActor.get().orElseThrow();
        if (actor.roleNames().contains(Role.MUNICIPAL_COORDINATOR.name())) {
            form.setLeadAccountId(actor.accountId());
        }
        if (consultation != null) {
            ConsultationView c = consultations.get(consultation);
            form.setHouseholdId(c.householdId());
            form.setOrigin(CaseOrigin.CONSULTATION.name());
            form.setOriginId(consultation);
            form.setIssueCodes(new ArrayList<>(c.issueCodes()));
            form.setPersonIds(new ArrayList<>(c.personIds()));
            form.setSummary(orEmpty(c.ownWords()));
            form.setConsentStatus(c.consentStatus());
            form.setConsentDate(c.consentDate() == null ? "" : c.consentDate().toString());
            form.setConsentScope(orEmpty(c.consentScope()));
        } else if (referral != null) {
            ReferralView r = referrals.get(referral);
            form.setHouseholdId(r.householdId());
            form.setOrigin(CaseOrigin.REFERRAL.name());
            form.setOriginId(referral);
            form.setIssueCodes(new ArrayList<>(r.issueCodes()));
            form.setPersonIds(new ArrayList<>(r.personIds()));
            form.setSummary(r.summary());
            form.setConsentStatus(r.consentStatus());
            form.setConsentScope(orEmpty(r.consentScope()));
        } else if (household != null) {
            form.setHouseholdId(household);
        } else {
            throw new NotFoundException("household", "none");
        }
        return openPage(model, form);
    }

    @PostMapping("/cases/new")
    String open(@ModelAttribute("form") CaseForms.OpenForm form, BindingResult result, Model model) {
        if (form.getHouseholdId() == null) {
            throw new NotFoundException("household", "none");
        }
        if (form.getLeadAccountId() == null) {
            result.rejectValue("leadAccountId", "case.error.lead");
        }
        LocalDate consentDate = DateInput.read(result, "consentDate", form.getConsentDate(), false, true);
        CaseOrigin origin = parseOrigin(form.getOrigin());
        if (origin == null) {
            result.rejectValue("origin", "case.error.originUnknown");
            form.setOrigin(CaseOrigin.DIRECT.name());
            form.setOriginId(null);
        }
        if (result.hasErrors() || origin == null) {
            return openPage(model, form);
        }
        try {
            CaseView opened = cases.open(new CaseCommands.OpenCase(
                    form.getHouseholdId(),
                    origin,
                    form.getOriginId(),
                    form.getLeadAccountId(),
                    form.getSummary(),
                    form.getIssueCodes(),
                    new LinkedHashSet<>(form.getPersonIds()),
                    form.getConsentStatus(),
                    consentDate,
                    form.getConsentScope()));
            return "redirect:/cases/" + opened.id() + "?done=opened";
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return openPage(model, form);
        }
    }

    private String openPage(Model model, CaseForms.OpenForm form) {
        UUID householdId = form.getHouseholdId();
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
        model.addAttribute("persons", persons(view));
        model.addAttribute("team", team);
        model.addAttribute("history", cases.history(id));
        List<AssessmentView> assessments = records.assessments(id);
        model.addAttribute("assessment", assessments.isEmpty() ? null : assessments.getFirst());
        model.addAttribute("assessmentCount", assessments.size());
        model.addAttribute("plans", records.plans(id));
        model.addAttribute("plan", records.currentPlan(id).orElse(null));
        model.addAttribute("conferences", conferences.forCase(id));
        model.addAttribute("progress", records.progress(id));
        model.addAttribute("overdue", records.overdue(List.of(view)));
        model.addAttribute(
                "consents",
                cases.consentsOf(view).stream()
                        .filter(org.marugoto.consent.ConsentView::valid)
                        .toList());
        model.addAttribute("codes", consultations.issueCodesByCode());
        model.addAttribute("domains", AssessmentDomain.values());
        model.addAttribute("progressKinds", ProgressKind.values());
        model.addAttribute("roles", List.of(TeamRole.MEMBER, TeamRole.ADVISOR));
        model.addAttribute("outcomes", GoalOutcome.values());
        model.addAttribute("today", LocalDate.now(Japan.ZONE));
        boolean manager = view.leadAccountId().equals(actor.accountId())
                || actor.roleNames().contains(Role.MUNICIPAL_COORDINATOR.name());
        model.addAttribute("manager", manager);
        model.addAttribute("convener", actor.roleNames().contains(Role.MUNICIPAL_COORDINATOR.name()));
        java.util.Set<UUID> inTeam = new java.util.HashSet<>();
        team.stream().filter(CaseView.TeamMember::active).forEach(m -> inTeam.add(m.accountId()));
        model.addAttribute(
                "candidates",
                colleagues.professionals().stream()
                        .filter(c -> !inTeam.contains(c.id()))
                        .toList());
        if (!model.containsAttribute("progressForm")) {
            CaseForms.ProgressForm progress = new CaseForms.ProgressForm();
            progress.setOccurredAt(
                    LocalDateTime.now(Japan.ZONE).withSecond(0).withNano(0).toString());
            model.addAttribute("progressForm", progress);
        }
        return "casework/case";
    }

    private Map<UUID, String> persons(CaseView view) {
        Map<UUID, String> names = new java.util.LinkedHashMap<>();
        for (MemberView m : people.members(view.householdId())) {
            if (view.personIds().contains(m.person().id())) {
                names.put(m.person().id(), m.person().fullName());
            }
        }
        return names;
    }

    // ---- actions on the case page: each answers with a redirect to the case and the outcome as flash attributes ---

    @PostMapping("/cases/{id}/status")
    String changeStatus(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String text,
            RedirectAttributes redirect) {
        return act(id, "status", redirect, () -> cases.transition(id, version, parseStatus(to), blankToNull(text)));
    }

    @PostMapping("/cases/{id}/consent")
    String recordConsent(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) @Nullable String date,
            @RequestParam(required = false) @Nullable String text,
            RedirectAttributes redirect) {
        return act(id, "consent", redirect, () -> cases.recordConsent(id, version, parseDate(date), text));
    }

    @PostMapping("/cases/{id}/team")
    String addMember(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID accountId,
            @RequestParam(required = false) @Nullable TeamRole role,
            RedirectAttributes redirect) {
        return act(id, "team", redirect, () -> {
            if (accountId == null) {
                throw new RuleViolation("accountId", "case.error.member");
            }
            cases.addMember(id, accountId, role == null ? TeamRole.MEMBER : role);
        });
    }

    @PostMapping("/cases/{id}/remove-member")
    String removeMember(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) @Nullable UUID memberId,
            @RequestParam(required = false) @Nullable String text,
            RedirectAttributes redirect) {
        return act(id, "remove-member", redirect, () -> {
            if (memberId == null) {
                throw new RuleViolation(null, "case.error.member");
            }
            cases.removeMember(id, memberId, version, orEmpty(text));
        });
    }

    @PostMapping("/cases/{id}/reopen")
    String reopen(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) @Nullable String text,
            RedirectAttributes redirect) {
        return act(id, "reopen", redirect, () -> cases.reopen(id, version, orEmpty(text)));
    }

    /**
     * Runs one action of the case page and goes back to the case: {@code done} names the action that succeeded, or
     * {@code actionError} the rule it broke or the concurrent change that stopped it. A refusal is not caught here.
     */
    private static String act(UUID id, String action, RedirectAttributes redirect, Runnable command) {
        try {
            command.run();
            redirect.addFlashAttribute("done", action);
        } catch (RuleViolation violation) {
            redirect.addFlashAttribute("actionError", violation.messageKey());
            redirect.addFlashAttribute("actionErrorArgs", violation.arguments());
        } catch (OptimisticLockingFailureException stale) {
            redirect.addFlashAttribute("actionError", "case.error.concurrent");
            redirect.addFlashAttribute("actionErrorArgs", new Object[0]);
        }
        return "redirect:/cases/" + id;
    }

    /** A tampered or stale form may name an origin that does not exist: a message at the field, not a 500. */
    private static @Nullable CaseOrigin parseOrigin(@Nullable String value) {
        try {
            return CaseOrigin.valueOf(orEmpty(value));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static CaseStatus parseStatus(@Nullable String value) {
        try {
            return CaseStatus.valueOf(orEmpty(value));
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("to", "case.error.status");
        }
    }

    private static @Nullable LocalDate parseDate(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolation("date", "case.error.date");
        }
    }

    // ---- progress records ------------------------------------------------------------------------------------------

    @PostMapping("/cases/{id}/progress")
    String addProgress(
            @PathVariable UUID id,
            @ModelAttribute("progressForm") CaseForms.ProgressForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        try {
            LocalDateTime when;
            try {
                when = LocalDateTime.parse(form.getOccurredAt().strip());
            } catch (DateTimeParseException e) {
                throw new RuleViolation("occurredAt", "case.error.date");
            }
            records.addProgress(
                    id,
                    new CaseCommands.Progress(
                            when.atZone(Japan.ZONE).toInstant(), form.getKind(), form.getPersonId(), form.getBody()));
            redirect.addFlashAttribute("done", "progress");
        } catch (RuleViolation violation) {
            redirect.addFlashAttribute("actionError", violation.messageKey());
            redirect.addFlashAttribute("actionErrorArgs", violation.arguments());
            redirect.addFlashAttribute("progressForm", form);
        }
        return "redirect:/cases/" + id + "#progress";
    }

    // ---- assessment ------------------------------------------------------------------------------------------------

    @GetMapping("/cases/{id}/assessment")
    String assessmentForm(@PathVariable UUID id, Model model) {
        CaseView view = cases.get(id);
        CaseForms.AssessmentForm form = new CaseForms.AssessmentForm();
        List<AssessmentView> earlier = records.assessments(id);
        if (!earlier.isEmpty()) {
            AssessmentView last = earlier.getFirst();
            form.setSummary(orEmpty(last.summary()));
            form.setStrengths(orEmpty(last.strengths()));
            form.setWishes(orEmpty(last.wishes()));
            form.setRisks(orEmpty(last.risks()));
            form.setUnvoiced(orEmpty(last.unvoiced()));
            for (AssessmentView.Entry e : last.entries()) {
                form.getSituations().put(CaseForms.AssessmentForm.key(e.personId(), e.domain()), e.situation());
            }
        }
        return assessmentPage(model, view, form, earlier.size() + 1);
    }

    @PostMapping("/cases/{id}/assessment")
    String recordAssessment(
            @PathVariable UUID id,
            @ModelAttribute("form") CaseForms.AssessmentForm form,
            BindingResult result,
            Model model) {
        CaseView view = cases.get(id);
        List<AssessmentView.Entry> entries = new ArrayList<>();
        for (UUID personId : view.personIds()) {
            for (AssessmentDomain domain : AssessmentDomain.values()) {
                String text = form.getSituations().get(CaseForms.AssessmentForm.key(personId, domain));
                if (text != null && !text.isBlank()) {
                    entries.add(new AssessmentView.Entry(personId, domain, text));
                }
            }
        }
        try {
            records.recordAssessment(
                    id,
                    new CaseCommands.Assessment(
                            form.getSummary(),
                            form.getStrengths(),
                            form.getWishes(),
                            form.getRisks(),
                            form.getUnvoiced(),
                            entries));
            return "redirect:/cases/" + id + "?done=assessment";
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return assessmentPage(model, view, form, records.assessments(id).size() + 1);
        }
    }

    private String assessmentPage(Model model, CaseView view, CaseForms.AssessmentForm form, int versionNo) {
        model.addAttribute("kase", view);
        model.addAttribute("form", form);
        model.addAttribute("persons", persons(view));
        model.addAttribute("domains", AssessmentDomain.values());
        model.addAttribute("versionNo", versionNo);
        return "casework/assessment";
    }

    @GetMapping("/cases/{id}/assessments")
    String assessmentVersions(@PathVariable UUID id, Model model) {
        CaseView view = cases.get(id);
        model.addAttribute("kase", view);
        model.addAttribute("assessments", records.assessments(id));
        model.addAttribute("persons", persons(view));
        model.addAttribute("domains", AssessmentDomain.values());
        return "casework/assessments";
    }

    // ---- plan
    // ---------------------------------------------------------------------------------------------------------

    @GetMapping("/cases/{id}/plan")
    String planForm(@PathVariable UUID id, Model model) {
        CaseView view = cases.get(id);
        CaseForms.PlanForm form = new CaseForms.PlanForm();
        PlanView source = records.draft(id).orElse(records.currentPlan(id).orElse(null));
        LocalDate today = LocalDate.now(Japan.ZONE);
        if (source != null) {
            if (source.status() == org.marugoto.casework.PlanStatus.DRAFT) {
                form.setDraftVersion(source.version());
            }
            form.setAim(source.aim());
            form.setPersonId(source.personId());
            form.setParticipationNeeds(orEmpty(source.participationNeeds()));
            form.setOutreachNeeds(orEmpty(source.outreachNeeds()));
            form.setPeriodFrom(source.periodFrom().toString());
            form.setPeriodTo(source.periodTo().toString());
            form.setReviewDate(source.reviewDate().toString());
            for (PlanView.Goal g : source.goals()) {
                CaseForms.GoalForm goal = new CaseForms.GoalForm();
                goal.setIssue(g.issue());
                goal.setGoal(g.goal());
                goal.setPersonRole(orEmpty(g.personRole()));
                for (PlanView.Action a : g.actions()) {
                    CaseForms.ActionForm action = new CaseForms.ActionForm();
                    action.setDescription(a.description());
                    action.setAgencyId(a.agencyId());
                    action.setAccountId(a.accountId());
                    action.setDueDate(a.dueDate().toString());
                    action.setFrequency(orEmpty(a.frequency()));
                    goal.getActions().add(action);
                }
                form.getGoals().add(goal);
            }
        } else {
            form.setPeriodFrom(today.toString());
            form.setPeriodTo(today.plusMonths(6).toString());
            form.setReviewDate(today.plusMonths(3).toString());
        }
        return planPage(model, view, form);
    }

    @PostMapping("/cases/{id}/plan")
    String savePlan(
            @PathVariable UUID id, @ModelAttribute("form") CaseForms.PlanForm form, BindingResult result, Model model) {
        CaseView view = cases.get(id);
        LocalDate from = DateInput.read(result, "periodFrom", form.getPeriodFrom(), true, false);
        LocalDate to = DateInput.read(result, "periodTo", form.getPeriodTo(), true, false);
        LocalDate review = DateInput.read(result, "reviewDate", form.getReviewDate(), true, false);
        List<CaseCommands.Goal> goals = new ArrayList<>();
        for (int g = 0; g < form.getGoals().size(); g++) {
            CaseForms.GoalForm goal = form.getGoals().get(g);
            if (goal.blank()) {
                continue;
            }
            List<CaseCommands.Action> actions = new ArrayList<>();
            for (int a = 0; a < goal.getActions().size(); a++) {
                CaseForms.ActionForm action = goal.getActions().get(a);
                if (action.blank()) {
                    continue;
                }
                String field = "goals[" + g + "].actions[" + a + "].";
                LocalDate due = DateInput.read(result, field + "dueDate", action.getDueDate(), true, false);
                if (action.getAgencyId() == null) {
                    result.rejectValue(field + "agencyId", "case.error.actionAgency");
                }
                if (due != null && action.getAgencyId() != null) {
                    actions.add(new CaseCommands.Action(
                            action.getDescription(),
                            action.getAgencyId(),
                            action.getAccountId(),
                            due,
                            blankToNull(action.getFrequency())));
                }
            }
            goals.add(
                    new CaseCommands.Goal(goal.getIssue(), goal.getGoal(), blankToNull(goal.getPersonRole()), actions));
        }
        if (result.hasErrors()) {
            return planPage(model, view, form);
        }
        try {
            records.saveDraft(
                    id,
                    form.getDraftVersion(),
                    new CaseCommands.Plan(
                            form.getAim(),
                            blankToNull(form.getParticipationNeeds()),
                            blankToNull(form.getOutreachNeeds()),
                            from,
                            to,
                            review,
                            goals,
                            form.getPersonId()));
            return "redirect:/cases/" + id + "?done=plan";
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return planPage(model, view, form);
        } catch (OptimisticLockingFailureException stale) {
            FormErrors.rejectStale(result);
            return planPage(model, view, form);
        }
    }

    private String planPage(Model model, CaseView view, CaseForms.PlanForm form) {
        // room for one more goal and for more actions, without scripts
        form.getGoals().add(new CaseForms.GoalForm());
        for (CaseForms.GoalForm goal : form.getGoals()) {
            while (goal.getActions().size() < 3 || !goal.getActions().getLast().blank()) {
                goal.getActions().add(new CaseForms.ActionForm());
            }
        }
        if (form.getPersonId() == null && !view.personIds().isEmpty()) {
            form.setPersonId(view.personIds().getFirst());
        }
        model.addAttribute("kase", view);
        model.addAttribute("form", form);
        model.addAttribute("persons", persons(view));
        model.addAttribute(
                "agencies",
                directory.agencies().stream().filter(a -> a.active()).toList());
        model.addAttribute("staff", colleagues.professionals());
        return "casework/plan-form";
    }

    @GetMapping("/plans/{planId}")
    String planView(@PathVariable UUID planId, Model model) {
        PlanView plan = records.plan(planId, false);
        CaseView view = cases.get(plan.caseId());
        model.addAttribute("kase", view);
        model.addAttribute("plan", plan);
        model.addAttribute("staffNames", colleagues.professionalNames());
        model.addAttribute("outcomes", GoalOutcome.values());
        model.addAttribute("today", LocalDate.now(Japan.ZONE));
        return "casework/plan";
    }

    @PostMapping("/plans/{planId}/review")
    String review(@PathVariable UUID planId, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        try {
            records.review(planId, evaluations(params));
            redirect.addFlashAttribute("done", "review");
        } catch (RuleViolation violation) {
            redirect.addFlashAttribute("actionError", violation.messageKey());
            redirect.addFlashAttribute("actionErrorArgs", violation.arguments());
        }
        return "redirect:/plans/" + planId;
    }

    /** Reads "outcome-{goalId}" and "note-{goalId}" fields into one evaluation per goal that has an outcome. */
    static Map<UUID, CaseCommands.Evaluation> evaluations(Map<String, String> params) {
        Map<UUID, CaseCommands.Evaluation> evaluations = new java.util.LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("outcome-") && !value.isBlank()) {
                try {
                    UUID goal = UUID.fromString(name.substring("outcome-".length()));
                    evaluations.put(
                            goal,
                            new CaseCommands.Evaluation(
                                    GoalOutcome.valueOf(value), blankToNull(params.get("note-" + goal))));
                } catch (IllegalArgumentException e) {
                    throw new RuleViolation(null, "case.error.goal");
                }
            }
        });
        return evaluations;
    }

    @PostMapping("/plan-actions/{actionId}/done")
    String actionDone(@PathVariable UUID actionId) {
        UUID caseId = records.markActionDone(actionId);
        return "redirect:/cases/" + caseId + "?done=action#plan";
    }

    // ---- closure
    // -------------------------------------------------------------------------------------------------------

    @GetMapping("/cases/{id}/close")
    String closeForm(@PathVariable UUID id, Model model) {
        CaseView view = cases.get(id);
        CaseForms.ClosureForm form = new CaseForms.ClosureForm();
        form.setVersion(view.version());
        return closePage(model, view, form);
    }

    @PostMapping("/cases/{id}/close")
    String close(
            @PathVariable UUID id,
            @ModelAttribute("form") CaseForms.ClosureForm form,
            BindingResult result,
            @RequestParam Map<String, String> params,
            Model model) {
        CaseView view = cases.get(id);
        if (form.getOutcome() == null) {
            result.rejectValue("outcome", "case.error.closureOutcome");
            return closePage(model, view, form);
        }
        try {
            cases.close(
                    id,
                    form.getVersion(),
                    new CaseCommands.Closure(
                            form.getOutcome(),
                            form.getEvaluation(),
                            form.getPersonView(),
                            form.getFollowUp(),
                            evaluations(params)));
            return "redirect:/cases/" + id + "?done=closed";
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return closePage(model, view, form);
        } catch (OptimisticLockingFailureException stale) {
            FormErrors.rejectStale(result);
            form.setVersion(cases.get(id).version());
            return closePage(model, view, form);
        }
    }

    private String closePage(Model model, CaseView view, CaseForms.ClosureForm form) {
        model.addAttribute("kase", view);
        model.addAttribute("form", form);
        model.addAttribute("plan", records.currentPlan(view.id()).orElse(null));
        model.addAttribute("outcomes", GoalOutcome.values());
        model.addAttribute("closureOutcomes", ClosureOutcome.values());
        return "casework/close";
    }
}
