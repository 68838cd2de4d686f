package org.marugoto.casework.domain;

import static org.marugoto.shared.text.Texts.blankToNull;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.marugoto.casework.CaseOrigin;
import org.marugoto.casework.CaseStatus;
import org.marugoto.casework.CaseView;
import org.marugoto.casework.ClosureOutcome;
import org.marugoto.casework.TeamRole;
import org.marugoto.consent.ConsentApi;
import org.marugoto.consent.ConsentPurpose;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.ConsultationApi;
import org.marugoto.consultation.ConsultationView;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.referral.ReferralApi;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.Japan;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases (多機関協働): opening from a consultation, a referral or directly; the team; the status machine; closure and
 * reopening. Case content is visible only to the active team and the municipality's coordinators — decided by
 * {@link AccessApi} from the team as it is at the moment of each request, so a member who leaves loses access at once.
 */
@Service
public class CaseService {

    static final String CASE = "support_case";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AccessApi access;
    private final AuditApi audit;
    private final PeopleApi people;
    private final Colleagues colleagues;
    private final ConsultationApi consultations;
    private final ReferralApi referrals;
    private final PlanStore plans;
    private final ConsentApi consents;
    private final Clock clock;

    CaseService(
            JdbcClient jdbc,
            Tenancy tenancy,
            AccessApi access,
            AuditApi audit,
            PeopleApi people,
            Colleagues colleagues,
            ConsultationApi consultations,
            ReferralApi referrals,
            PlanStore plans,
            ConsentApi consents,
            Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.access = access;
        this.audit = audit;
        this.people = people;
        this.colleagues = colleagues;
        this.consultations = consultations;
        this.referrals = referrals;
        this.plans = plans;
        this.consents = consents;
        this.clock = clock;
    }

    // ---- opening ---------------------------------------------------------------------------------------------

    @Transactional
    public CaseView open(CaseCommands.OpenCase command) {
        Actor actor = actor();
        access.authorize(PersonalDataAction.WRITE, people.householdScope(command.householdId()), "case");
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
        jdbc.sql("select case_number from support_case where municipality_id = ? and household_id = ? "
                        + "and status <> 'CLOSED'")
                .params(tenancy.municipalityId(), command.householdId())
                .query(String.class)
                .optional()
                .ifPresent(number -> {
                    throw new RuleViolation(null, "case.error.alreadyOpen", number);
                });

        UUID id = Ids.newId();
        long number = jdbc.sql("select nextval('support_case_number_seq')")
                .query(Long.class)
                .single();
        String caseNumber = "C%d-%05d".formatted(today().getYear(), number);
        Timestamp now = Timestamp.from(clock.instant());
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
        for (UUID personId : command.personIds()) {
            jdbc.sql("insert into support_case_person (municipality_id, case_id, person_id) values (?, ?, ?)")
                    .params(tenancy.municipalityId(), id, personId)
                    .update();
        }
        insertMember(id, lead.id(), lead.displayName(), lead.agencyId(), TeamRole.LEAD, actor, now);
        if (!lead.id().equals(actor.accountId())) {
            insertMember(id, actor.accountId(), actor.displayName(), actor.agencyId(), TeamRole.MEMBER, actor, now);
        }
        // the municipality's coordinators work the case under Art. 106-6 whether or not the person has consented: the
        // agencies they belong to (the coordination office) see the household, as they see the case
        colleagues.professionals().stream()
                .filter(Colleague::coordinator)
                .map(Colleague::agencyId)
                .distinct()
                .forEach(agency -> people.involve(command.householdId(), agency, "case " + caseNumber));
        event(id, "OPENED", null, CaseStatus.ASSESSMENT, null, actor);
        audit.record(AuditEntry.of(AuditAction.CREATE, CASE, id).withPurpose("case"));
        return find(id);
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
                    case DIRECT -> command.householdId();
                };
        if (!household.equals(command.householdId())) {
            throw new RuleViolation(null, "case.error.origin");
        }
    }

    private void checkConsent(ConsentStatus status, @Nullable LocalDate date) {
        if (status == ConsentStatus.GIVEN && date == null) {
            throw new RuleViolation("consentDate", "case.error.consentDate");
        }
        if (date != null && date.isAfter(today())) {
            throw new RuleViolation("consentDate", "case.error.consentFuture");
        }
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    /** The case for a team member or coordinator, audited; anyone else is refused. */
    @Transactional
    public CaseView get(UUID id) {
        CaseView view = find(id);
        access.authorize(PersonalDataAction.READ, scope(view), "case");
        return view;
    }

    /** Checks and audits that the current user may change the case's content (team members and coordinators). */
    @Transactional
    public CaseView authorizeWrite(UUID id, String purpose) {
        CaseView view = find(id);
        access.authorize(PersonalDataAction.WRITE, scope(view), purpose);
        return view;
    }

    /** Checks and audits that the current user may print the case's content. */
    @Transactional
    public CaseView authorizeExport(UUID id, String purpose) {
        CaseView view = find(id);
        access.authorize(PersonalDataAction.EXPORT, scope(view), purpose);
        return view;
    }

    /**
     * A case's number and whether the current user may open the case, for pages that belong to the case but not to
     * its team (a 支援会議 member from another agency). The number says nothing about the person.
     */
    @Transactional(readOnly = true)
    public CaseLink link(UUID id) {
        CaseView view = find(id);
        return new CaseLink(id, view.caseNumber(), mayRead(view));
    }

    public record CaseLink(UUID id, String caseNumber, boolean accessible) {}

    public boolean mayRead(CaseView view) {
        return CurrentActor.get()
                .map(actor -> access.mayAccess(actor, PersonalDataAction.READ, scope(view)))
                .orElse(false);
    }

    RecordScope scope(CaseView view) {
        return RecordScope.members(CASE, view.id(), view.leadAgencyId(), activeAccounts(view.id()), true);
    }

    Set<UUID> activeAccounts(UUID caseId) {
        return new HashSet<>(jdbc.sql("select account_id from case_team_member where case_id = ? and left_at is null")
                .param(caseId)
                .query(UUID.class)
                .list());
    }

    CaseView find(UUID id) {
        return jdbc.sql("""
                        select c.*, array(select person_id from support_case_person p
                                          where p.municipality_id = c.municipality_id and p.case_id = c.id) persons
                        from support_case c where c.municipality_id = ? and c.id = ?
                        """)
                .params(tenancy.municipalityId(), id)
                .query((rs, i) -> caseRow(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException(CASE, id));
    }

    @Transactional(readOnly = true)
    public List<CaseView.TeamMember> team(UUID caseId) {
        return jdbc.sql("""
                        select * from case_team_member
                        where case_id = ? order by left_at nulls first, role, joined_at
                        """)
                .param(caseId)
                .query((rs, i) -> new CaseView.TeamMember(
                        rs.getObject("id", UUID.class),
                        rs.getObject("account_id", UUID.class),
                        rs.getString("member_name"),
                        rs.getObject("agency_id", UUID.class),
                        TeamRole.valueOf(rs.getString("role")),
                        rs.getTimestamp("joined_at").toInstant(),
                        rs.getString("joined_by"),
                        instant(rs.getTimestamp("left_at")),
                        rs.getString("left_by"),
                        rs.getString("left_reason"),
                        rs.getInt("version")))
                .list();
    }

    @Transactional(readOnly = true)
    public List<CaseView.Event> history(UUID caseId) {
        return jdbc.sql("select * from support_case_event where case_id = ? order by at, id")
                .param(caseId)
                .query((rs, i) -> new CaseView.Event(
                        rs.getString("kind"),
                        status(rs.getString("from_status")),
                        status(rs.getString("to_status")),
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
                .query((rs, i) -> caseRow(rs))
                .list();
        return cases.stream().map(c -> new HouseholdCase(c, mayRead(c))).toList();
    }

    /** A case on the household page: its number and status for everyone who sees the household, more for the team. */
    public record HouseholdCase(CaseView view, boolean accessible) {}

    // ---- status --------------------------------------------------------------------------------------------------

    @Transactional
    public CaseView transition(UUID id, int seenVersion, CaseStatus to, @Nullable String note) {
        Actor actor = actor();
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
        setStatus(current, to, "STATUS", note, actor);
        return find(id);
    }

    void setStatus(CaseView current, CaseStatus to, String kind, @Nullable String note, Actor actor) {
        int changed = jdbc.sql("""
                        update support_case set status = :to, updated_at = :now, updated_by = :by,
                            version = version + 1
                        where id = :id and version = :version
                        """)
                .param("to", to.name())
                .param("now", Timestamp.from(clock.instant()))
                .param("by", actor.username())
                .param("id", current.id())
                .param("version", current.version())
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("case " + current.id() + " changed");
        }
        event(current.id(), kind, current.status(), to, note, actor);
        audit.record(
                new AuditEntry(AuditAction.UPDATE, CASE, current.id(), "case status", Map.of("status", to.name())));
    }

    private int assessmentCount(UUID caseId) {
        return jdbc.sql("select count(*) from case_assessment where case_id = ?")
                .param(caseId)
                .query(Integer.class)
                .single();
    }

    boolean hasAgreedPlan(UUID caseId) {
        return jdbc.sql("select count(*) from support_plan where case_id = ? and status = 'AGREED'")
                        .param(caseId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The person's consent was obtained: from now on the team may include other agencies and 重層的支援会議 be held. */
    @Transactional
    public CaseView recordConsent(UUID id, int seenVersion, @Nullable LocalDate date, @Nullable String scope) {
        Actor actor = actor();
        CaseView current = authorizeWrite(id, "case consent");
        checkConsent(ConsentStatus.GIVEN, date);
        int changed = jdbc.sql("""
                        update support_case set consent_status = 'GIVEN', consent_date = :date, consent_scope = :scope,
                            updated_at = :now, updated_by = :by, version = version + 1
                        where id = :id and version = :version
                        """)
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
        event(id, "CONSENT_GIVEN", null, null, blankToNull(scope), actor);
        for (CaseView.TeamMember member : team(id)) {
            if (member.active()) {
                people.involve(current.householdId(), member.agencyId(), "case team " + current.caseNumber());
            }
        }
        return find(id);
    }

    /** The household's consent records, for the case page (audited by the consent module). */
    @Transactional
    public List<org.marugoto.consent.ConsentView> consentsOf(CaseView view) {
        return consents.forHousehold(view.householdId());
    }

    /** Whether the person consented to their case being discussed at a 重層的支援会議. */
    boolean consentsToMeetings(CaseView view) {
        return view.consentGiven()
                || consents.validConsentOfHousehold(
                                view.householdId(), view.leadAgencyId(), ConsentPurpose.SUPPORT_MEETING)
                        .isPresent();
    }

    // ---- team ----------------------------------------------------------------------------------------------------

    /**
     * Adds a named professional to the team. Only the lead and the municipality's coordinators change the team;
     * someone of another agency than the lead's joins only with the person's consent (without it, information is
     * shared in a 支援会議 instead).
     */
    @Transactional
    public CaseView.TeamMember addMember(UUID caseId, UUID accountId, TeamRole role) {
        Actor actor = actor();
        CaseView current = authorizeWrite(caseId, "case team");
        requireTeamManager(current, actor);
        if (!current.status().open()) {
            throw new RuleViolation(null, "case.error.closed");
        }
        if (role == TeamRole.LEAD) {
            throw new RuleViolation("role", "case.error.secondLead");
        }
        Colleague colleague =
                colleagues.colleague(accountId).orElseThrow(() -> new RuleViolation("accountId", "case.error.member"));
        if (activeAccounts(caseId).contains(accountId)) {
            throw new RuleViolation("accountId", "case.error.alreadyMember", colleague.displayName());
        }
        boolean sameAgency = colleague.agencyId().equals(current.leadAgencyId());
        boolean consented = current.consentGiven()
                || consents.validConsentOfHousehold(
                                current.householdId(), colleague.agencyId(), ConsentPurpose.INFORMATION_SHARING)
                        .isPresent();
        if (!sameAgency && !consented) {
            throw new RuleViolation("accountId", "case.error.memberNeedsConsent");
        }
        UUID id = insertMember(
                caseId,
                accountId,
                colleague.displayName(),
                colleague.agencyId(),
                role,
                actor,
                Timestamp.from(clock.instant()));
        if (!sameAgency) {
            people.involve(current.householdId(), colleague.agencyId(), "case team " + current.caseNumber());
        }
        event(caseId, "MEMBER_ADDED", null, null, colleague.displayName(), actor);
        audit.record(new AuditEntry(
                AuditAction.PERMISSION_CHANGE, CASE, caseId, "case team", Map.of("added", accountId.toString())));
        bumpVersion(caseId, actor);
        return team(caseId).stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    /** Ends a membership; from this moment the person no longer sees the case. The lead cannot be removed. */
    @Transactional
    public void removeMember(UUID caseId, UUID memberId, int seenVersion, String reason) {
        Actor actor = actor();
        CaseView current = authorizeWrite(caseId, "case team");
        requireTeamManager(current, actor);
        CaseView.TeamMember member = team(caseId).stream()
                .filter(m -> m.id().equals(memberId) && m.active())
                .findFirst()
                .orElseThrow(() -> new NotFoundException("case_team_member", memberId));
        if (member.role() == TeamRole.LEAD) {
            throw new RuleViolation(null, "case.error.removeLead");
        }
        if (reason.isBlank()) {
            throw new RuleViolation("reason", "case.error.removeReason");
        }
        int changed = jdbc.sql("""
                        update case_team_member set left_at = :now, left_by = :by, left_reason = :reason,
                            version = version + 1
                        where id = :id and version = :version and left_at is null
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("by", actor.username())
                .param("reason", reason.strip())
                .param("id", memberId)
                .param("version", seenVersion)
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("team member " + memberId + " changed");
        }
        event(caseId, "MEMBER_REMOVED", null, null, member.name() + "：" + reason.strip(), actor);
        audit.record(new AuditEntry(
                AuditAction.PERMISSION_CHANGE,
                CASE,
                caseId,
                "case team",
                Map.of("removed", member.accountId().toString())));
        bumpVersion(caseId, actor);
    }

    private void requireTeamManager(CaseView view, Actor actor) {
        boolean lead = view.leadAccountId().equals(actor.accountId());
        if (!lead && !actor.roleNames().contains(Role.MUNICIPAL_COORDINATOR.name())) {
            throw new AccessDeniedException("only the lead or a coordinator changes the team");
        }
    }

    private UUID insertMember(
            UUID caseId, UUID accountId, String name, UUID agencyId, TeamRole role, Actor actor, Timestamp now) {
        UUID id = Ids.newId();
        jdbc.sql("""
                        insert into case_team_member (municipality_id, id, case_id, account_id, member_name, agency_id,
                            role, joined_at, joined_by, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                        """)
                .params(
                        tenancy.municipalityId(),
                        id,
                        caseId,
                        accountId,
                        name,
                        agencyId,
                        role.name(),
                        now,
                        actor.username())
                .update();
        return id;
    }

    // ---- closure and reopening -----------------------------------------------------------------------------------

    /** 終結: closes the case with an evaluation of every goal of the plan in force and a follow-up arrangement. */
    @Transactional
    public CaseView close(UUID id, int seenVersion, CaseCommands.Closure closure) {
        Actor actor = actor();
        CaseView current = authorizeWrite(id, "case closure");
        if (current.version() != seenVersion) {
            throw new OptimisticLockingFailureException("case " + id + " changed");
        }
        if (!current.status().open()) {
            throw new RuleViolation(
                    null, "case.error.transition", current.status().name(), "CLOSED");
        }
        if (closure.evaluation().isBlank()) {
            throw new RuleViolation("evaluation", "case.error.closureEvaluation");
        }
        if (closure.followUp().isBlank()) {
            throw new RuleViolation("followUp", "case.error.followUp");
        }
        plans.current(id).ifPresent(plan -> plans.evaluate(plan, closure.goalEvaluations(), true, actor));
        plans.endAtClosure(id, actor);
        int changed = jdbc.sql("""
                        update support_case set status = 'CLOSED', closed_at = :now, closure_outcome = :outcome,
                            closure_evaluation = :evaluation, closure_person_view = :personView,
                            closure_follow_up = :followUp, updated_at = :now, updated_by = :by, version = version + 1
                        where id = :id and version = :version
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("outcome", closure.outcome().name())
                .param("evaluation", closure.evaluation().strip())
                .param("personView", blankToNull(closure.personView()))
                .param("followUp", closure.followUp().strip())
                .param("by", actor.username())
                .param("id", id)
                .param("version", seenVersion)
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("case " + id + " changed");
        }
        event(
                id,
                "CLOSED",
                current.status(),
                CaseStatus.CLOSED,
                closure.outcome().name(),
                actor);
        audit.record(new AuditEntry(AuditAction.UPDATE, CASE, id, "case closure", Map.of("status", "CLOSED")));
        return find(id);
    }

    /**
     * The person came back: the case reopens with all its history, goes back to assessment, and a new plan version
     * is started from the last one.
     */
    @Transactional
    public CaseView reopen(UUID id, int seenVersion, String reason) {
        Actor actor = actor();
        CaseView current = authorizeWrite(id, "case reopening");
        if (current.status() != CaseStatus.CLOSED) {
            throw new RuleViolation(null, "case.error.notClosed");
        }
        if (reason.isBlank()) {
            throw new RuleViolation("reason", "case.error.reopenReason");
        }
        jdbc.sql("select case_number from support_case where municipality_id = ? and household_id = ? "
                        + "and status <> 'CLOSED'")
                .params(tenancy.municipalityId(), current.householdId())
                .query(String.class)
                .optional()
                .ifPresent(number -> {
                    throw new RuleViolation(null, "case.error.alreadyOpen", number);
                });
        int changed = jdbc.sql("""
                        update support_case set status = 'ASSESSMENT', closed_at = null, closure_outcome = null,
                            closure_evaluation = null, closure_person_view = null, closure_follow_up = null,
                            reopen_count = reopen_count + 1, updated_at = :now, updated_by = :by,
                            version = version + 1
                        where id = :id and version = :version
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("by", actor.username())
                .param("id", id)
                .param("version", seenVersion)
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("case " + id + " changed");
        }
        event(id, "REOPENED", CaseStatus.CLOSED, CaseStatus.ASSESSMENT, reason.strip(), actor);
        plans.startFromLatest(id, actor);
        audit.record(new AuditEntry(AuditAction.UPDATE, CASE, id, "case reopening", Map.of("status", "ASSESSMENT")));
        return find(id);
    }

    // ---- dashboard -------------------------------------------------------------------------------------------------

    /** The open cases the current user leads or works in (all open cases for a coordinator when {@code all}). */
    @Transactional
    public List<CaseView> myCases(boolean all) {
        Actor actor = actor();
        boolean coordinator = actor.roleNames().contains(Role.MUNICIPAL_COORDINATOR.name());
        if (all && !coordinator) {
            throw new AccessDeniedException("coordinators only");
        }
        List<CaseView> cases = jdbc.sql(caseListSql(all))
                .param("m", tenancy.municipalityId())
                .param("account", actor.accountId())
                .query((rs, i) -> caseRow(rs))
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

    // ---- helpers --------------------------------------------------------------------------------------------------

    private void bumpVersion(UUID caseId, Actor actor) {
        jdbc.sql("update support_case set version = version + 1, updated_at = ?, updated_by = ? where id = ?")
                .params(Timestamp.from(clock.instant()), actor.username(), caseId)
                .update();
    }

    void event(
            UUID caseId,
            String kind,
            @Nullable CaseStatus from,
            @Nullable CaseStatus to,
            @Nullable String note,
            Actor actor) {
        jdbc.sql("""
                        insert into support_case_event (municipality_id, id, case_id, kind, from_status, to_status,
                            note, at, actor_username, actor_name)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        tenancy.municipalityId(),
                        Ids.newId(),
                        caseId,
                        kind,
                        from == null ? null : from.name(),
                        to == null ? null : to.name(),
                        note,
                        Timestamp.from(clock.instant()),
                        actor.username(),
                        actor.displayName())
                .update();
    }

    static Actor actor() {
        return CurrentActor.get().orElseThrow(() -> new AccessDeniedException("not authenticated"));
    }

    LocalDate today() {
        return Japan.today(clock);
    }

    static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static @Nullable CaseStatus status(@Nullable String value) {
        return value == null ? null : CaseStatus.valueOf(value);
    }

    private static CaseView caseRow(ResultSet rs) throws SQLException {
        String outcome = rs.getString("closure_outcome");
        java.sql.Date consentDate = rs.getDate("consent_date");
        return new CaseView(
                rs.getObject("id", UUID.class),
                rs.getString("case_number"),
                rs.getObject("household_id", UUID.class),
                CaseOrigin.valueOf(rs.getString("origin")),
                rs.getObject("origin_id", UUID.class),
                CaseStatus.valueOf(rs.getString("status")),
                rs.getObject("lead_account_id", UUID.class),
                rs.getObject("lead_agency_id", UUID.class),
                rs.getString("summary"),
                strings(rs.getArray("issue_codes")),
                ConsentStatus.valueOf(rs.getString("consent_status")),
                consentDate == null ? null : consentDate.toLocalDate(),
                rs.getString("consent_scope"),
                rs.getTimestamp("opened_at").toInstant(),
                instant(rs.getTimestamp("closed_at")),
                outcome == null ? null : ClosureOutcome.valueOf(outcome),
                rs.getString("closure_evaluation"),
                rs.getString("closure_person_view"),
                rs.getString("closure_follow_up"),
                rs.getInt("reopen_count"),
                uuids(rs.getArray("persons")),
                rs.getInt("version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        List<UUID> list = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            list.add((UUID) o);
        }
        return list;
    }
}
