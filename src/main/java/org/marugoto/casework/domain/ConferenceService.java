package org.marugoto.casework.domain;

import static org.marugoto.shared.text.Texts.blankToNull;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.marugoto.casework.CaseStatus;
import org.marugoto.casework.CaseView;
import org.marugoto.casework.ConferenceDecision;
import org.marugoto.casework.ConferenceKind;
import org.marugoto.casework.ConferenceStatus;
import org.marugoto.casework.ConferenceView;
import org.marugoto.casework.PersonAgreement;
import org.marugoto.casework.PlanStatus;
import org.marugoto.casework.PlanView;
import org.marugoto.shared.Actor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case conferences. A 重層的支援会議 (JUSHO) works with the person's consent: the case team and its participants see
 * its record, and it decides on starting support, the plan, its evaluation and closure. A 支援会議 (SHIEN, Social
 * Welfare Act Art. 106-6) is convened by the municipality, may share information without consent, and binds its
 * members to confidentiality: only the named members who acknowledged that duty read its agenda, minutes and action
 * items — not the rest of the team, not other coordinators — and every such read is audited.
 */
@Service
public class ConferenceService {

    static final String CONFERENCE = "case_conference";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AccessApi access;
    private final AuditApi audit;
    private final CaseService cases;
    private final CaseStore store;
    private final PlanStore plans;
    private final Colleagues colleagues;
    private final Clock clock;

    ConferenceService(
            JdbcClient jdbc,
            Tenancy tenancy,
            AccessApi access,
            AuditApi audit,
            CaseService cases,
            CaseStore store,
            PlanStore plans,
            Colleagues colleagues,
            Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.access = access;
        this.audit = audit;
        this.cases = cases;
        this.store = store;
        this.plans = plans;
        this.colleagues = colleagues;
        this.clock = clock;
    }

    /** Schedules a meeting. Only the municipality's coordinators convene; a 重層的支援会議 needs the person's consent. */
    @Transactional
    public ConferenceView schedule(UUID caseId, CaseCommands.Conference command) {
        Actor actor = CaseStore.actor();
        CaseView view = cases.authorizeWrite(caseId, "case conference");
        if (!actor.roleNames().contains(Role.MUNICIPAL_COORDINATOR.name())) {
            throw new AccessDeniedException("only the municipality convenes case conferences");
        }
        checkSchedule(view, command);
        List<Colleague> members = members(command, actor);
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into case_conference (municipality_id, id, case_id, kind, status, scheduled_at, place,
                            agenda, convened_by, created_at, updated_at, updated_by, version)
                        values (?, ?, ?, ?, 'SCHEDULED', ?, ?, ?, ?, ?, ?, ?, 0)
                        """)
                .params(Arrays.asList(
                        tenancy.municipalityId(),
                        id,
                        caseId,
                        command.kind().name(),
                        Timestamp.from(command.scheduledAt()),
                        blankToNull(command.place()),
                        command.agenda().strip(),
                        actor.displayName(),
                        now,
                        now,
                        actor.username()))
                .update();
        for (Colleague member : members) {
            jdbc.sql("""
                            insert into case_conference_member (municipality_id, conference_id, account_id, member_name,
                                agency_id, pledged_at)
                            values (?, ?, ?, ?, ?, null)
                            """)
                    .params(tenancy.municipalityId(), id, member.id(), member.displayName(), member.agencyId())
                    .update();
        }
        store.event(caseId, "CONFERENCE_" + command.kind().name(), null, null, null, actor);
        audit.record(new AuditEntry(
                AuditAction.CREATE,
                CONFERENCE,
                id,
                "case conference",
                Map.of("kind", command.kind().name())));
        return get(id);
    }

    private void checkSchedule(CaseView view, CaseCommands.Conference command) {
        if (!view.status().open()) {
            throw new RuleViolation(null, "case.error.closed");
        }
        if (command.kind() == ConferenceKind.JUSHO && !cases.consentsToMeetings(view)) {
            throw new RuleViolation("kind", "case.error.jushoNeedsConsent");
        }
        if (command.agenda().isBlank()) {
            throw new RuleViolation("agenda", "case.error.agenda");
        }
        if (command.scheduledAt().isBefore(clock.instant().minus(Duration.ofDays(30)))) {
            throw new RuleViolation("scheduledAt", "case.error.meetingDate");
        }
    }

    /** The convener and the members named, each a professional of the municipality; a 支援会議 needs two at least. */
    private List<Colleague> members(CaseCommands.Conference command, Actor actor) {
        Set<UUID> memberIds = new LinkedHashSet<>();
        memberIds.add(actor.accountId());
        memberIds.addAll(command.memberAccountIds());
        if (command.kind() == ConferenceKind.SHIEN && memberIds.size() < 2) {
            throw new RuleViolation("memberAccountIds", "case.error.shienMembers");
        }
        List<Colleague> members = new ArrayList<>();
        for (UUID id : memberIds) {
            members.add(colleagues
                    .colleague(id)
                    .orElseThrow(() -> new RuleViolation("memberAccountIds", "case.error.member")));
        }
        return members;
    }

    /**
     * The meeting for the current user. Members who may read its material get all of it (audited as a read of the
     * meeting record); team members and coordinators who may not see a 支援会議's material get its date, kind and
     * members only; anyone else is refused.
     */
    @Transactional
    public ConferenceView get(UUID id) {
        Actor actor = CaseStore.actor();
        ConferenceView full = load(id, false);
        CaseView view = store.find(full.caseId());
        RecordScope scope = scope(full, view);
        if (access.mayAccess(actor, PersonalDataAction.READ, scope)) {
            if (full.kind() == ConferenceKind.SHIEN && !full.pledged(actor.accountId())) {
                audit.record(AuditEntry.of(AuditAction.READ, CONFERENCE, id).withPurpose("pledge pending"));
                return restricted(full);
            }
            access.authorize(PersonalDataAction.READ, scope, purpose(full));
            return full;
        }
        if (cases.mayRead(view)) {
            audit.record(AuditEntry.of(AuditAction.READ, CONFERENCE, id).withPurpose("meeting overview (restricted)"));
            return restricted(full);
        }
        access.authorize(PersonalDataAction.READ, scope, purpose(full)); // refuses and audits the refusal
        throw new AccessDeniedException("not a member");
    }

    /** For printing: refused unless the user may read all of the meeting's material. */
    @Transactional
    public ConferenceView forPrint(UUID id) {
        Actor actor = CaseStore.actor();
        ConferenceView full = load(id, false);
        CaseView view = store.find(full.caseId());
        if (full.kind() == ConferenceKind.SHIEN && !full.pledged(actor.accountId())) {
            // a member who has not acknowledged the duty of confidentiality is refused like a non-member (and audited)
            access.authorize(
                    PersonalDataAction.EXPORT,
                    RecordScope.members(CONFERENCE, id, view.leadAgencyId(), Set.of(), false),
                    purpose(full));
        }
        access.authorize(PersonalDataAction.EXPORT, scope(full, view), purpose(full) + " print");
        return full;
    }

    /** The case's meetings without their material, for the case page; the caller has checked access to the case. */
    @Transactional(readOnly = true)
    public List<ConferenceView> forCase(UUID caseId) {
        return jdbc
                .sql(
                        "select id from case_conference where municipality_id = ? and case_id = ? order by scheduled_at desc")
                .param(tenancy.municipalityId())
                .param(caseId)
                .query(UUID.class)
                .list()
                .stream()
                .map(id -> restricted(load(id, true)))
                .toList();
    }

    /** Scheduled meetings of the next weeks that the current user is a member of. */
    @Transactional(readOnly = true)
    public List<ConferenceView> upcomingForMe(Duration ahead) {
        Actor actor = CaseStore.actor();
        return jdbc
                .sql("""
                        select c.id from case_conference c join case_conference_member m on m.municipality_id = c.municipality_id and m.conference_id = c.id
                        where m.municipality_id = ? and m.account_id = ? and c.status = 'SCHEDULED' and c.scheduled_at < ?
                        order by c.scheduled_at
                        """)
                .params(
                        tenancy.municipalityId(),
                        actor.accountId(),
                        Timestamp.from(clock.instant().plus(ahead)))
                .query(UUID.class)
                .list()
                .stream()
                .map(id -> restricted(load(id, true)))
                .toList();
    }

    /** A member acknowledges the duty of confidentiality of a 支援会議 (Art. 106-6 para. 6) before reading it. */
    @Transactional
    public void pledge(UUID id) {
        Actor actor = CaseStore.actor();
        ConferenceView conference = load(id, false);
        if (!conference.member(actor.accountId())) {
            throw new AccessDeniedException("not a member");
        }
        jdbc.sql("""
                        update case_conference_member set pledged_at = ?
                        where municipality_id = ? and conference_id = ? and account_id = ? and pledged_at is null
                        """)
                .params(Timestamp.from(clock.instant()), tenancy.municipalityId(), id, actor.accountId())
                .update();
        audit.record(AuditEntry.of(AuditAction.UPDATE, CONFERENCE, id).withPurpose("confidentiality pledge"));
    }

    /**
     * Records what a meeting said and decided, and applies the decisions: a plan approved with the person's answer
     * becomes the plan in force, support starts, goals are evaluated.
     */
    @Transactional
    public ConferenceView recordMinutes(UUID id, int seenVersion, CaseCommands.Minutes minutes) {
        Actor actor = CaseStore.actor();
        ConferenceView conference = load(id, false);
        CaseView view = store.find(conference.caseId());
        access.authorize(PersonalDataAction.WRITE, scope(conference, view), purpose(conference));
        checkMinutes(conference, seenVersion, minutes, actor);
        UUID approvedPlan = applyDecisions(conference, view, minutes, actor);
        insertActionItems(conference, view, minutes.actions());
        for (UUID attendee : minutes.attended()) {
            jdbc.sql(
                            "update case_conference_member set attended = true where municipality_id = ? and conference_id = ? and account_id = ?")
                    .params(tenancy.municipalityId(), id, attendee)
                    .update();
        }
        markHeld(conference, seenVersion, minutes, approvedPlan, actor);
        return load(id, false);
    }

    /** The rules a record of a meeting must keep before anything of it is applied. */
    private void checkMinutes(ConferenceView conference, int seenVersion, CaseCommands.Minutes minutes, Actor actor) {
        if (conference.kind() == ConferenceKind.SHIEN && !conference.pledged(actor.accountId())) {
            throw new RuleViolation(null, "case.error.pledgeFirst");
        }
        if (conference.version() != seenVersion) {
            throw new OptimisticLockingFailureException("conference " + conference.id() + " changed");
        }
        if (conference.status() != ConferenceStatus.SCHEDULED) {
            throw new RuleViolation(null, "case.error.meetingNotScheduled");
        }
        if (conference.scheduledAt().isAfter(clock.instant())) {
            // minutes are of a meeting that took place: not before its scheduled start
            throw new RuleViolation(null, "case.error.meetingNotStarted");
        }
        if (minutes.minutes().isBlank()) {
            throw new RuleViolation("minutes", "case.error.minutes");
        }
        if (conference.kind() == ConferenceKind.JUSHO && !minutes.consentConfirmed()) {
            throw new RuleViolation("consentConfirmed", "case.error.consentConfirmed");
        }
        if (conference.kind() == ConferenceKind.SHIEN
                && minutes.decisions().stream().anyMatch(d -> d != ConferenceDecision.CONTINUE)) {
            throw new RuleViolation("decisions", "case.error.decisionNeedsJusho");
        }
        Set<UUID> memberIds = new HashSet<>();
        conference.members().forEach(m -> memberIds.add(m.accountId()));
        if (!memberIds.containsAll(minutes.attended())) {
            throw new RuleViolation("attended", "case.error.attended");
        }
    }

    /**
     * Applies the decisions in their order of effect: the plan in force is evaluated before a newly approved one
     * replaces it, and support starts only with a plan in force. Answers the approved plan, if any.
     */
    private @Nullable UUID applyDecisions(
            ConferenceView conference, CaseView view, CaseCommands.Minutes minutes, Actor actor) {
        Set<ConferenceDecision> decisions = minutes.decisions();
        if (decisions.contains(ConferenceDecision.EVALUATE)) {
            Optional<PlanView> inForce = plans.current(view.id()).filter(p -> p.status() == PlanStatus.AGREED);
            if (inForce.isEmpty() || minutes.goalEvaluations().isEmpty()) {
                throw new RuleViolation("decisions", "case.error.noEvaluation");
            }
            plans.evaluate(inForce.get(), minutes.goalEvaluations(), false, actor);
        }
        UUID approvedPlan = null;
        if (decisions.contains(ConferenceDecision.APPROVE_PLAN)) {
            PlanView draft =
                    plans.draft(view.id()).orElseThrow(() -> new RuleViolation("decisions", "case.error.noDraft"));
            PersonAgreement agreement = minutes.personAgreement();
            if (agreement == null) {
                throw new RuleViolation("personAgreement", "case.error.personAgreement");
            }
            plans.agree(draft, conference.id(), agreement, blankToNull(minutes.personAgreementNote()), actor);
            approvedPlan = draft.id();
        }
        if (decisions.contains(ConferenceDecision.START_SUPPORT)) {
            startSupport(conference, view, actor);
        }
        return approvedPlan;
    }

    private void startSupport(ConferenceView conference, CaseView view, Actor actor) {
        if (!cases.hasAgreedPlan(view.id())) {
            throw new RuleViolation("decisions", "case.error.needsAgreedPlan");
        }
        if (view.status() == CaseStatus.SUPPORT) {
            return;
        }
        if (view.status() == CaseStatus.ASSESSMENT) {
            throw new RuleViolation(
                    "decisions", "case.error.transition", view.status().name(), "SUPPORT");
        }
        store.setStatus(view, CaseStatus.SUPPORT, "STATUS", conferenceLabel(conference), actor);
    }

    /** The meeting's action items (宿題), each with an owner who is a professional of the municipality. */
    private void insertActionItems(ConferenceView conference, CaseView view, List<CaseCommands.ActionItem> items) {
        for (CaseCommands.ActionItem item : items) {
            if (item.description().isBlank()) {
                continue;
            }
            Colleague owner = colleagues
                    .colleague(item.ownerAccountId())
                    .orElseThrow(() -> new RuleViolation("actions", "case.error.member"));
            jdbc.sql("""
                            insert into case_conference_action (municipality_id, id, conference_id, case_id,
                                description, owner_account_id, owner_name, due_date)
                            values (?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            tenancy.municipalityId(),
                            Ids.newId(),
                            conference.id(),
                            view.id(),
                            item.description().strip(),
                            owner.id(),
                            owner.displayName(),
                            item.dueDate())
                    .update();
        }
    }

    /** The meeting is held: its minutes and decisions written, if nobody recorded it since {@code seenVersion}. */
    private void markHeld(
            ConferenceView conference,
            int seenVersion,
            CaseCommands.Minutes minutes,
            @Nullable UUID approvedPlan,
            Actor actor) {
        List<String> decisions =
                minutes.decisions().stream().map(Enum::name).sorted().toList();
        int changed = jdbc.sql("""
                        update case_conference set status = 'HELD', held_at = :now, minutes = :minutes,
                            decisions = :decisions, consent_confirmed = :consent, plan_id = :plan,
                            updated_at = :now, updated_by = :by, version = version + 1
                        where municipality_id = :m and id = :id and version = :version
                        """)
                .param("m", tenancy.municipalityId())
                .param("now", Timestamp.from(clock.instant()))
                .param("minutes", minutes.minutes().strip())
                .param("decisions", decisions.toArray(String[]::new))
                .param("consent", minutes.consentConfirmed())
                .param("plan", approvedPlan)
                .param("by", actor.username())
                .param("id", conference.id())
                .param("version", seenVersion)
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("conference " + conference.id() + " changed");
        }
        audit.record(new AuditEntry(
                AuditAction.UPDATE,
                CONFERENCE,
                conference.id(),
                purpose(conference),
                Map.of("decisions", String.join(",", decisions))));
    }

    /** A scheduled meeting will not take place; it stays on the case with its status. Coordinators only. */
    @Transactional
    public void cancel(UUID id, int seenVersion) {
        Actor actor = CaseStore.actor();
        ConferenceView conference = load(id, false);
        CaseView view = cases.authorizeWrite(conference.caseId(), "case conference");
        if (!actor.roleNames().contains(Role.MUNICIPAL_COORDINATOR.name())) {
            throw new AccessDeniedException("only the municipality cancels case conferences");
        }
        int changed = jdbc.sql("""
                        update case_conference set status = 'CANCELLED', updated_at = ?, updated_by = ?,
                            version = version + 1
                        where municipality_id = ? and id = ? and version = ? and status = 'SCHEDULED'
                        """)
                .params(Timestamp.from(clock.instant()), actor.username(), tenancy.municipalityId(), id, seenVersion)
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("conference " + id + " changed");
        }
        store.event(view.id(), "CONFERENCE_CANCELLED", null, null, null, actor);
    }

    /** A meeting's action item is done, marked by a member of the meeting; answers the meeting. */
    @Transactional
    public UUID markActionDone(UUID actionId) {
        Actor actor = CaseStore.actor();
        UUID conferenceId = jdbc.sql(
                        "select conference_id from case_conference_action where municipality_id = ? and id = ?")
                .params(tenancy.municipalityId(), actionId)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("case_conference_action", actionId));
        ConferenceView conference = load(conferenceId, false);
        access.authorize(
                PersonalDataAction.WRITE, scope(conference, store.find(conference.caseId())), purpose(conference));
        jdbc.sql(
                        "update case_conference_action set done_at = ? where municipality_id = ? and id = ? and done_at is null")
                .params(Timestamp.from(clock.instant()), tenancy.municipalityId(), actionId)
                .update();
        audit.record(AuditEntry.of(AuditAction.UPDATE, CONFERENCE, conferenceId).withPurpose("action item done"));
        return conferenceId;
    }

    // ---- scope ------------------------------------------------------------------------------------------------------

    /**
     * Who may see a meeting's material: for a 支援会議 its members alone; for a 重層的支援会議 the case team, its
     * participants and the municipality's coordinators.
     */
    private RecordScope scope(ConferenceView conference, CaseView view) {
        Set<UUID> accounts = new HashSet<>();
        conference.members().forEach(m -> accounts.add(m.accountId()));
        if (conference.kind() == ConferenceKind.SHIEN) {
            return RecordScope.members(CONFERENCE, conference.id(), view.leadAgencyId(), accounts, false);
        }
        accounts.addAll(store.activeAccounts(view.id()));
        return RecordScope.members(CONFERENCE, conference.id(), view.leadAgencyId(), accounts, true);
    }

    private static String purpose(ConferenceView conference) {
        return conference.kind() == ConferenceKind.SHIEN ? "支援会議 (Art. 106-6)" : "重層的支援会議";
    }

    private static String conferenceLabel(ConferenceView conference) {
        return purpose(conference) + " " + conference.scheduledAt();
    }

    private static ConferenceView restricted(ConferenceView full) {
        return new ConferenceView(
                full.id(),
                full.caseId(),
                full.kind(),
                full.status(),
                full.scheduledAt(),
                full.place(),
                null,
                full.consentConfirmed(),
                null,
                full.kind() == ConferenceKind.SHIEN ? List.of() : full.decisions(),
                full.planId(),
                full.heldAt(),
                full.convenedBy(),
                full.members(),
                List.of(),
                true,
                full.version());
    }

    private ConferenceView load(UUID id, boolean headOnly) {
        List<ConferenceView.Member> members = jdbc.sql(
                        "select * from case_conference_member where municipality_id = ? and conference_id = ? order by member_name")
                .param(tenancy.municipalityId())
                .param(id)
                .query((rs, i) -> new ConferenceView.Member(
                        rs.getObject("account_id", UUID.class),
                        rs.getString("member_name"),
                        rs.getObject("agency_id", UUID.class),
                        CaseStore.instant(rs.getTimestamp("pledged_at")),
                        rs.getBoolean("attended")))
                .list();
        List<ConferenceView.ActionItem> actions = headOnly
                ? List.of()
                : jdbc.sql(
                                "select * from case_conference_action where municipality_id = ? and conference_id = ? order by due_date, id")
                        .param(tenancy.municipalityId())
                        .param(id)
                        .query((rs, i) -> new ConferenceView.ActionItem(
                                rs.getObject("id", UUID.class),
                                rs.getString("description"),
                                rs.getObject("owner_account_id", UUID.class),
                                rs.getString("owner_name"),
                                rs.getDate("due_date").toLocalDate(),
                                CaseStore.instant(rs.getTimestamp("done_at"))))
                        .list();
        return jdbc.sql("select * from case_conference where municipality_id = ? and id = ?")
                .params(tenancy.municipalityId(), id)
                .query((rs, i) -> new ConferenceView(
                        id,
                        rs.getObject("case_id", UUID.class),
                        ConferenceKind.valueOf(rs.getString("kind")),
                        ConferenceStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("scheduled_at").toInstant(),
                        rs.getString("place"),
                        rs.getString("agenda"),
                        rs.getBoolean("consent_confirmed"),
                        rs.getString("minutes"),
                        decisions(rs.getArray("decisions")),
                        rs.getObject("plan_id", UUID.class),
                        CaseStore.instant(rs.getTimestamp("held_at")),
                        rs.getString("convened_by"),
                        members,
                        actions,
                        false,
                        rs.getInt("version")))
                .optional()
                .orElseThrow(() -> new NotFoundException(CONFERENCE, id));
    }

    private static List<ConferenceDecision> decisions(Array array) throws java.sql.SQLException {
        List<ConferenceDecision> list = new ArrayList<>();
        for (String s : (String[]) array.getArray()) {
            list.add(ConferenceDecision.valueOf(s));
        }
        return list;
    }
}
