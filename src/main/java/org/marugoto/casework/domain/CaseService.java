package org.marugoto.casework.domain;

import static org.marugoto.shared.text.Texts.blankToNull;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.AccessApi;
import org.marugoto.access.Colleagues;
import org.marugoto.access.Colleagues.Colleague;
import org.marugoto.access.PersonalDataAction;
import org.marugoto.access.RecordScope;
import org.marugoto.access.Role;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.casework.CaseCommands;
import org.marugoto.casework.CaseLink;
import org.marugoto.casework.CaseOpened;
import org.marugoto.casework.CaseOrigin;
import org.marugoto.casework.CaseStatus;
import org.marugoto.casework.CaseView;
import org.marugoto.casework.HouseholdCase;
import org.marugoto.casework.TeamRole;
import org.marugoto.consent.ConsentApi;
import org.marugoto.consent.ConsentPurpose;
import org.marugoto.consent.ConsentView;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.ConsultationApi;
import org.marugoto.consultation.ConsultationView;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.referral.ReferralApi;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case as a whole (多機関協働の事例): opening it from a consultation, a referral or directly; reading it, its
 * team and its history; the status machine; the person's consent; the coordinator's list of cases. Case content is
 * visible only to the active team and the municipality's coordinators — decided by {@link AccessApi} from the team as
 * it is at the moment of each request, so a member who leaves loses access at once.
 *
 * <p>The other activities of a case have services of their own: {@link CaseTeamService} (who works the case),
 * {@link AssessmentService}, {@link PlanService}, {@link ConferenceService}, {@link ProgressService} and
 * {@link ClosureService}. They all read and write the case's rows through {@link CaseStore} and check access here.
 */
@Service
public class CaseService {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final CaseStore store;
    private final AccessApi access;
    private final AuditApi audit;
    private final PeopleApi people;
    private final Colleagues colleagues;
    private final ConsultationApi consultations;
    private final ReferralApi referrals;
    private final ConsentApi consents;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CaseService(
            JdbcClient jdbc,
            Tenancy tenancy,
            CaseStore store,
            AccessApi access,
            AuditApi audit,
            PeopleApi people,
            Colleagues colleagues,
            ConsultationApi consultations,
            ReferralApi referrals,
            ConsentApi consents,
            Clock clock,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.store = store;
        this.access = access;
        this.audit = audit;
        this.people = people;
        this.colleagues = colleagues;
        this.consultations = consultations;
        this.referrals = referrals;
        this.consents = consents;
        this.clock = clock;
        this.events = events;
    }

    static final String CASE = CaseStore.CASE;

    /**
     * Opens a case (事例の開始) of a household: from a consultation, a referral or directly, with a coordinator as
     * lead. The household has one open case at a time; the lead and the person opening it form the first team.
     */
    @Transactional
    public CaseView open(CaseCommands.OpenCase command) {
        Actor actor = CaseStore.actor();
        access.authorize(PersonalDataAction.WRITE, people.householdScope(command.householdId()), "case");
        Colleague lead = checkOpening(command);
        store.requireNoOpenCase(command.householdId());
        UUID id = Ids.newId();
        long number = jdbc.sql("select nextval('support_case_number_seq')")
                .query(Long.class)
                .single();
        String caseNumber = "C%d-%05d".formatted(store.today().getYear(), number);
        Timestamp now = Timestamp.from(clock.instant());
        insertCase(id, caseNumber, command, lead, actor, now);
        for (UUID personId : command.personIds()) {
            jdbc.sql("insert into support_case_person (municipality_id, case_id, person_id) values (?, ?, ?)")
                    .params(tenancy.municipalityId(), id, personId)
                    .update();
        }
        store.insertMember(id, lead.id(), lead.displayName(), lead.agencyId(), TeamRole.LEAD, actor, now);
        if (!lead.id().equals(actor.accountId())) {
            store.insertMember(
                    id, actor.accountId(), actor.displayName(), actor.agencyId(), TeamRole.MEMBER, actor, now);
        }
        // the municipality's coordinators work the case under Art. 106-6 whether or not the person has consented: the
        // agencies they belong to (the coordination office) see the household, as they see the case
        colleagues.professionals().stream()
                .filter(Colleague::coordinator)
                .map(Colleague::agencyId)
                .distinct()
                .forEach(agency -> people.involve(command.householdId(), agency, "case " + caseNumber));
        store.event(id, "OPENED", null, CaseStatus.ASSESSMENT, null, actor);
        audit.record(AuditEntry.of(AuditAction.CREATE, CASE, id).withPurpose("case"));
        events.publishEvent(
                new CaseOpened(id, caseNumber, command.householdId(), command.origin(), command.originId()));
        return store.find(id);
    }

    /** The rules of opening, in the order a person fixes them; answers the lead coordinator. */
    private Colleague checkOpening(CaseCommands.OpenCase command) {
        Colleague lead = colleagues
                .colleague(command.leadAccountId())
                .filter(Colleague::coordinator)
                .orElseThrow(() -> new RuleViolation("leadAccountId", "case.error.lead"));
        if (command.summary().isBlank()) {
            throw new RuleViolation("summary", "case.error.summary");
        }
        if (command.issueCodes().isEmpty()) {
            throw new RuleViolation("issueCodes", "case.error.noIssue");
        }
        if (!consultations.issueCodesByCode().keySet().containsAll(command.issueCodes())) {
            throw new RuleViolation("issueCodes", "case.error.issue");
        }
        if (command.personIds().isEmpty()) {
            throw new RuleViolation("personIds", "case.error.noPerson");
        }
        Set<UUID> members = new HashSet<>();
        for (MemberView m : people.members(command.householdId())) {
            if (m.current()) {
                members.add(m.person().id());
            }
        }
        if (!members.containsAll(command.personIds())) {
            throw new RuleViolation("personIds", "case.error.notMember");
        }
        checkConsent(command.consentStatus(), command.consentDate());
        checkOrigin(command);
        return lead;
    }

    private void insertCase(
            UUID id, String caseNumber, CaseCommands.OpenCase command, Colleague lead, Actor actor, Timestamp now) {
        jdbc.sql("""
                        insert into support_case (municipality_id, id, case_number, household_id, origin, origin_id,
                            status, lead_account_id, lead_agency_id, summary, issue_codes, consent_status,
                            consent_date, consent_scope, opened_at, created_at, created_by, updated_at, updated_by,
                            version)
                        values (:m, :id, :number, :household, :origin, :originId, 'ASSESSMENT', :lead, :leadAgency,
                            :summary, :codes, :consent, :consentDate, :consentScope, :now, :now, :by, :now, :by, 0)
                        """)
                .param("m", tenancy.municipalityId())
                .param("id", id)
                .param("number", caseNumber)
                .param("household", command.householdId())
                .param("origin", command.origin().name())
                .param("originId", command.originId())
                .param("lead", lead.id())
                .param("leadAgency", lead.agencyId())
                .param("summary", command.summary().strip())
                .param("codes", command.issueCodes().toArray(String[]::new))
                .param("consent", command.consentStatus().name())
                .param("consentDate", command.consentDate())
                .param("consentScope", blankToNull(command.consentScope()))
                .param("now", now)
                .param("by", actor.username())
                .update();
    }

    private void checkOrigin(CaseCommands.OpenCase command) {
        if (command.origin() == CaseOrigin.DIRECT) {
            return;
        }
        if (command.originId() == null) {
            throw new RuleViolation(null, "case.error.origin");
        }
        UUID household =
                switch (command.origin()) {
                    case CONSULTATION -> {
                        ConsultationView consultation = consultations.get(command.originId());
                        yield consultation.householdId();
                    }
                    case REFERRAL -> referrals.get(command.originId()).householdId();
                    // the outreach module checks its record when it hears CaseOpened (it depends on casework)
                    case DIRECT, OUTREACH -> command.householdId();
                };
        if (!household.equals(command.householdId())) {
            throw new RuleViolation(null, "case.error.origin");
        }
    }

    void checkConsent(ConsentStatus status, @Nullable LocalDate date) {
        if (status == ConsentStatus.GIVEN && date == null) {
            throw new RuleViolation("consentDate", "case.error.consentDate");
        }
        if (date != null && date.isAfter(store.today())) {
            throw new RuleViolation("consentDate", "case.error.consentFuture");
        }
    }

    /** The case for a team member or coordinator, audited; anyone else is refused. */
    @Transactional
    public CaseView get(UUID id) {
        CaseView view = store.find(id);
        access.authorize(PersonalDataAction.READ, scope(view), "case");
        return view;
    }

    /** Checks and audits that the current user may change the case's content (team members and coordinators). */
    @Transactional
    public CaseView authorizeWrite(UUID id, String purpose) {
        CaseView view = store.find(id);
        access.authorize(PersonalDataAction.WRITE, scope(view), purpose);
        return view;
    }

    /** Checks and audits that the current user may print the case's content. */
    @Transactional
    public CaseView authorizeExport(UUID id, String purpose) {
        CaseView view = store.find(id);
        access.authorize(PersonalDataAction.EXPORT, scope(view), purpose);
        return view;
    }

    /**
     * A case's number and whether the current user may open the case, for pages that belong to the case but not to
     * its team (a 支援会議 member from another agency). The number says nothing about the person.
     */
    @Transactional(readOnly = true)
    public CaseLink link(UUID id) {
        CaseView view = store.find(id);
        return new CaseLink(id, view.caseNumber(), mayRead(view));
    }

    /** Whether the current user may read the case (without auditing a read): for links and lists. */
    public boolean mayRead(CaseView view) {
        return CurrentActor.get()
                .map(actor -> access.mayAccess(actor, PersonalDataAction.READ, scope(view)))
                .orElse(false);
    }

    RecordScope scope(CaseView view) {
        return RecordScope.members(CASE, view.id(), view.leadAgencyId(), store.activeAccounts(view.id()), true);
    }

    /** The case's team, active members first, for the case page. The caller has checked access to the case. */
    @Transactional(readOnly = true)
    public List<CaseView.TeamMember> team(UUID caseId) {
        return store.team(caseId);
    }

    /** The case's history line, oldest first: status changes, team changes, meetings. The caller has checked access. */
    @Transactional(readOnly = true)
    public List<CaseView.Event> history(UUID caseId) {
        return jdbc.sql("select * from support_case_event where municipality_id = ? and case_id = ? order by at, id")
                .param(tenancy.municipalityId())
                .param(caseId)
                .query((rs, i) -> new CaseView.Event(
                        rs.getString("kind"),
                        CaseStore.status(rs.getString("from_status")),
                        CaseStore.status(rs.getString("to_status")),
                        rs.getString("note"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor_name")))
                .list();
    }

    /** The household's cases, newest first, each with whether the current user may open it. */
    @Transactional(readOnly = true)
    public List<HouseholdCase> forHousehold(UUID householdId) {
        List<CaseView> cases = jdbc.sql("""
                        select c.*, array(select person_id from support_case_person p
                                          where p.municipality_id = c.municipality_id and p.case_id = c.id) persons
                        from support_case c where c.municipality_id = ? and c.household_id = ?
                        order by c.opened_at desc
                        """)
                .params(tenancy.municipalityId(), householdId)
                .query((rs, i) -> CaseStore.row(rs))
                .list();
        return cases.stream().map(c -> new HouseholdCase(c, mayRead(c))).toList();
    }

    /**
     * Moves the case to its next stage ({@link CaseStatus#next()}): planning needs an assessment, support a plan
     * agreed at a 重層的支援会議. Refused when the case changed since {@code seenVersion}.
     */
    @Transactional
    public CaseView transition(UUID id, int seenVersion, CaseStatus to, @Nullable String note) {
        Actor actor = CaseStore.actor();
        CaseView current = authorizeWrite(id, "case status");
        if (current.version() != seenVersion) {
            throw new OptimisticLockingFailureException("case " + id + " changed");
        }
        if (!current.status().next().contains(to)) {
            throw new RuleViolation(
                    null, "case.error.transition", current.status().name(), to.name());
        }
        if (to == CaseStatus.PLANNING && current.status() == CaseStatus.ASSESSMENT && assessmentCount(id) == 0) {
            throw new RuleViolation(null, "case.error.needsAssessment");
        }
        if (to == CaseStatus.SUPPORT && !hasAgreedPlan(id)) {
            throw new RuleViolation(null, "case.error.needsAgreedPlan");
        }
        store.setStatus(current, to, "STATUS", note, actor);
        return store.find(id);
    }

    private int assessmentCount(UUID caseId) {
        return jdbc.sql("select count(*) from case_assessment where municipality_id = ? and case_id = ?")
                .param(tenancy.municipalityId())
                .param(caseId)
                .query(Integer.class)
                .single();
    }

    boolean hasAgreedPlan(UUID caseId) {
        return jdbc.sql(
                                "select count(*) from support_plan where municipality_id = ? and case_id = ? and status = 'AGREED'")
                        .param(tenancy.municipalityId())
                        .param(caseId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The person's consent was obtained: from now on the team may include other agencies and 重層的支援会議 be held. */
    @Transactional
    public CaseView recordConsent(UUID id, int seenVersion, @Nullable LocalDate date, @Nullable String scope) {
        Actor actor = CaseStore.actor();
        CaseView current = authorizeWrite(id, "case consent");
        checkConsent(ConsentStatus.GIVEN, date);
        int changed = jdbc.sql("""
                        update support_case set consent_status = 'GIVEN', consent_date = :date, consent_scope = :scope,
                            updated_at = :now, updated_by = :by, version = version + 1
                        where municipality_id = :m and id = :id and version = :version
                        """)
                .param("m", tenancy.municipalityId())
                .param("date", date)
                .param("scope", blankToNull(scope))
                .param("now", Timestamp.from(clock.instant()))
                .param("by", actor.username())
                .param("id", id)
                .param("version", seenVersion)
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("case " + id + " changed");
        }
        store.event(id, "CONSENT_GIVEN", null, null, blankToNull(scope), actor);
        for (CaseView.TeamMember member : store.team(id)) {
            if (member.active()) {
                people.involve(current.householdId(), member.agencyId(), "case team " + current.caseNumber());
            }
        }
        return store.find(id);
    }

    /** The household's consent records, for the case page (audited by the consent module). */
    @Transactional
    public List<ConsentView> consentsOf(CaseView view) {
        return consents.forHousehold(view.householdId());
    }

    /** Whether the person consented to their case being discussed at a 重層的支援会議. */
    boolean consentsToMeetings(CaseView view) {
        return view.consentGiven()
                || consents.validConsentOfHousehold(
                                view.householdId(), view.leadAgencyId(), ConsentPurpose.SUPPORT_MEETING)
                        .isPresent();
    }

    /** The open cases the current user leads or works in (all open cases for a coordinator when {@code all}). */
    @Transactional
    public List<CaseView> myCases(boolean all) {
        Actor actor = CaseStore.actor();
        boolean coordinator = actor.roleNames().contains(Role.MUNICIPAL_COORDINATOR.name());
        if (all && !coordinator) {
            throw new AccessDeniedException("coordinators only");
        }
        List<CaseView> cases = jdbc.sql(caseListSql(all))
                .param("m", tenancy.municipalityId())
                .param("account", actor.accountId())
                .query((rs, i) -> CaseStore.row(rs))
                .list();
        audit.record(new AuditEntry(
                AuditAction.SEARCH, CASE, null, "case dashboard", Map.of("results", String.valueOf(cases.size()))));
        return cases;
    }

    /**
     * The SQL of the case list (the dashboard), with the parameters {@code :m} (municipality) and {@code :account}.
     * For one staff member it drives from their active team memberships ({@code case_team_member_account}, a handful
     * of rows) and fetches each case by id; the team has at most one active row per account and case
     * ({@code case_team_member_active}), so the join returns each case once. For a coordinator's "all" it reads the
     * open cases through {@code support_case_open}. Either way {@code support_case} is never scanned. Public for
     * QueryPlanTests, which EXPLAINs exactly this text.
     */
    public static String caseListSql(boolean all) {
        return all ? CASE_LIST_ALL : CASE_LIST_MINE;
    }

    private static final String CASE_LIST_MINE = """
            select c.*, array(select person_id from support_case_person p
                            where p.municipality_id = c.municipality_id and p.case_id = c.id) persons
            from case_team_member t
            join support_case c on c.id = t.case_id
            where t.municipality_id = :m and t.account_id = :account and t.left_at is null
              and c.municipality_id = :m and c.status <> 'CLOSED'
            order by c.opened_at desc
            """;

    private static final String CASE_LIST_ALL = """
            select c.*, array(select person_id from support_case_person p
                            where p.municipality_id = c.municipality_id and p.case_id = c.id) persons
            from support_case c
            where c.municipality_id = :m and c.status <> 'CLOSED'
            order by c.opened_at desc
            """;
}
