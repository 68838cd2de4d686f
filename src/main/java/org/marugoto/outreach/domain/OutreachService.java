package org.marugoto.outreach.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.marugoto.consultation.ConsultationApi;
import org.marugoto.consultation.ConsultationView;
import org.marugoto.outreach.AttemptMethod;
import org.marugoto.outreach.AttemptOutcome;
import org.marugoto.outreach.ConnectedTo;
import org.marugoto.outreach.EndReason;
import org.marugoto.outreach.KeyPersonEdit;
import org.marugoto.outreach.MoveStage;
import org.marugoto.outreach.OpenForNewPerson;
import org.marugoto.outreach.OpenOutreach;
import org.marugoto.outreach.OutreachOrigin;
import org.marugoto.outreach.OutreachQueries;
import org.marugoto.outreach.OutreachSource;
import org.marugoto.outreach.OutreachStage;
import org.marugoto.outreach.OutreachSummary;
import org.marugoto.outreach.OutreachView;
import org.marugoto.outreach.OverdueOutreach;
import org.marugoto.outreach.RecordAttempt;
import org.marugoto.outreach.StageKind;
import org.marugoto.people.MemberView;
import org.marugoto.people.MembershipCommand;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.Relationship;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.FormSubmissions;
import org.marugoto.shared.Ids;
import org.marugoto.shared.Japan;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.marugoto.watch.ConcernApi;
import org.marugoto.watch.ConcernView;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outreach records (アウトリーチ等を通じた継続的支援). A record is the lead agency's (RecordScope owned by it): its
 * professionals read and write it, before any consent, as they would their own consultation. Other agencies named as
 * involved are listed, not given access: sharing without consent goes through a 支援会議 (Art. 106-6). Every read and
 * write is audited; a stage change checks the version the user saw; opening and attempts are safe against a double
 * submit (form tokens).
 */
@Service
public class OutreachService implements OutreachQueries {

    public static final String OUTREACH = "outreach";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AccessApi access;
    private final AuditApi audit;
    private final PeopleApi people;
    private final Colleagues colleagues;
    private final ConsultationApi consultations;
    private final ConcernApi concerns;
    private final OutreachStages stages;
    private final FormSubmissions submissions;
    private final Clock clock;

    OutreachService(
            JdbcClient jdbc,
            Tenancy tenancy,
            AccessApi access,
            AuditApi audit,
            PeopleApi people,
            Colleagues colleagues,
            ConsultationApi consultations,
            ConcernApi concerns,
            OutreachStages stages,
            FormSubmissions submissions,
            Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.access = access;
        this.audit = audit;
        this.people = people;
        this.colleagues = colleagues;
        this.consultations = consultations;
        this.concerns = concerns;
        this.stages = stages;
        this.submissions = submissions;
        this.clock = clock;
    }

    // ---- opening ---------------------------------------------------------------------------------------------------

    /** Opens a record for a household the user may change, led by a professional of the user's own agency. */
    @Transactional
    public OutreachView open(OpenOutreach command) {
        Actor actor = actor();
        access.authorize(PersonalDataAction.WRITE, people.householdScope(command.householdId()), OUTREACH);
        Optional<UUID> earlier = submissions.claim(command.token(), OUTREACH);
        if (earlier.isPresent()) {
            return get(earlier.get());
        }
        Colleague lead = colleagues
                .colleague(command.leadAccountId())
                .filter(c -> c.agencyId().equals(actor.agencyId()))
                .orElseThrow(() -> new RuleViolation("leadAccountId", "outreach.error.lead"));
        if (command.worry().isBlank()) {
            throw new RuleViolation("worry", "outreach.error.worry");
        }
        if (command.issueCodes().isEmpty()) {
            throw new RuleViolation("issueCodes", "outreach.error.noIssue");
        }
        if (!consultations.issueCodesByCode().keySet().containsAll(command.issueCodes())) {
            throw new RuleViolation("issueCodes", "outreach.error.issue");
        }
        if (command.personIds().isEmpty()) {
            throw new RuleViolation("personIds", "outreach.error.noPerson");
        }
        Set<UUID> members = new HashSet<>();
        for (MemberView m : people.members(command.householdId())) {
            if (m.current()) {
                members.add(m.person().id());
            }
        }
        if (!members.containsAll(command.personIds())) {
            throw new RuleViolation("personIds", "outreach.error.notMember");
        }
        LocalDate today = Japan.today(clock);
        if (command.firstConcernOn().isAfter(today)) {
            throw new RuleViolation("firstConcernOn", "outreach.error.future");
        }
        checkOrigin(command);
        for (OpenOutreach.KeyPersonInput k : command.keyPersons()) {
            if (k.name().isBlank() != k.relation().isBlank()) {
                throw new RuleViolation("keyPersons", "outreach.error.keyPerson");
            }
        }
        UUID id = Ids.newId();
        long number = jdbc.sql("select nextval('outreach_number_seq')")
                .query(Long.class)
                .single();
        String recordNumber = "O%d-%05d".formatted(today.getYear(), number);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into outreach_record (municipality_id, id, record_number, household_id, person_ids,
                            source, source_detail, origin, origin_id, issue_codes, worry, first_concern_on,
                            lead_agency_id, lead_account_id, involved_agency_ids, involved_note, stage, stage_since,
                            created_at, created_by, updated_at, updated_by)
                        values (:m, :id, :number, :household, :persons, :source, :sourceDetail, :origin, :originId,
                            :codes, :worry, :first, :leadAgency, :lead, :involved, :involvedNote, :stage, :since,
                            :now, :by, :now, :by)
                        """)
                .param("m", tenancy.municipalityId())
                .param("id", id)
                .param("number", recordNumber)
                .param("household", command.householdId())
                .param("persons", command.personIds().toArray(UUID[]::new))
                .param("source", command.source().name())
                .param("sourceDetail", blankToNull(command.sourceDetail()))
                .param("origin", command.origin().name())
                .param("originId", command.originId())
                .param("codes", command.issueCodes().toArray(String[]::new))
                .param("worry", command.worry().strip())
                .param("first", command.firstConcernOn())
                .param("leadAgency", lead.agencyId())
                .param("lead", lead.id())
                .param(
                        "involved",
                        command.involvedAgencyIds().stream().distinct().toArray(UUID[]::new))
                .param("involvedNote", blankToNull(command.involvedNote()))
                .param("stage", OutreachStages.FIRST)
                .param("since", command.firstConcernOn())
                .param("now", now)
                .param("by", actor.username())
                .update();
        insertStageChange(id, null, OutreachStages.FIRST, command.firstConcernOn(), null, null, null, now, actor);
        for (OpenOutreach.KeyPersonInput k : command.keyPersons()) {
            if (!k.name().isBlank()) {
                addKeyPerson(id, k, now, actor);
            }
        }
        submissions.complete(command.token(), id);
        audit.record(new AuditEntry(
                AuditAction.CREATE,
                OUTREACH,
                id,
                OUTREACH,
                Map.of(
                        "origin",
                        command.origin().name(),
                        "source",
                        command.source().name())));
        return find(id);
    }

    /**
     * Opens a record from a volunteer's concern about someone not registered yet: registers the person (a new
     * household of one, owned by the user's agency), ties the concern to that household and opens the record, in one
     * transaction (a refusal anywhere leaves nothing). A second submit of the same form returns the same record.
     */
    @Transactional
    public OutreachView openForNewPerson(OpenForNewPerson command) {
        actor();
        UUID step = UUID.nameUUIDFromBytes(
                ("outreach-new-person:" + command.token()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Optional<UUID> earlier = submissions.claim(step, "outreach-new-person");
        if (earlier.isPresent()) {
            return get(earlier.get());
        }
        ConcernView concern = concerns.get(command.concernId());
        if (concern.householdId() != null) {
            throw new RuleViolation(null, "outreach.error.concernHasHousehold");
        }
        MemberView registered =
                people.register(command.person(), new MembershipCommand(null, null, Relationship.SELF, true, null));
        concerns.linkHousehold(concern.id(), registered.householdId());
        OutreachView opened = open(new OpenOutreach(
                command.token(),
                registered.householdId(),
                List.of(registered.person().id()),
                command.source(),
                command.sourceDetail(),
                OutreachOrigin.CONCERN,
                concern.id(),
                command.issueCodes(),
                command.worry(),
                command.firstConcernOn(),
                command.leadAccountId(),
                command.involvedAgencyIds(),
                command.involvedNote(),
                command.keyPersons()));
        submissions.complete(step, opened.id());
        return opened;
    }

    private void checkOrigin(OpenOutreach command) {
        UUID originId = command.originId();
        switch (command.origin()) {
            case DIRECT -> {
                if (originId != null) {
                    throw new RuleViolation(null, "outreach.error.origin");
                }
            }
            case CONSULTATION -> {
                if (originId == null) {
                    throw new RuleViolation(null, "outreach.error.origin");
                }
                ConsultationView c = consultations.get(originId);
                if (!c.householdId().equals(command.householdId())) {
                    throw new RuleViolation(null, "outreach.error.origin");
                }
            }
            case CONCERN -> {
                if (originId == null) {
                    throw new RuleViolation(null, "outreach.error.origin");
                }
                ConcernView c = concerns.get(originId);
                if (!command.householdId().equals(c.householdId())) {
                    throw new RuleViolation(null, "outreach.error.origin");
                }
            }
            case CASE -> {
                // the case module is not asked (it depends on nobody here); the id is the one its page linked with
                if (originId == null) {
                    throw new RuleViolation(null, "outreach.error.origin");
                }
            }
        }
    }

    // ---- reading ---------------------------------------------------------------------------------------------------

    /** One record, read by a professional of the lead agency (audited). */
    @Transactional
    public OutreachView get(UUID id) {
        OutreachView view = find(id);
        access.authorize(PersonalDataAction.READ, scope(view), OUTREACH);
        return view;
    }

    /** The records the user's agency leads: open ones first, by next contact date. Each read is audited. */
    @Transactional
    public List<OutreachView> ofMyAgency() {
        Actor actor = actor();
        List<UUID> ids = jdbc.sql("""
                        select id from outreach_record where municipality_id = ? and lead_agency_id = ?
                        order by closed_at is not null, next_contact_on nulls last, record_number
                        """)
                .params(tenancy.municipalityId(), actor.agencyId())
                .query(UUID.class)
                .list();
        return ids.stream().map(this::get).toList();
    }

    @Override
    @Transactional
    public List<OutreachSummary> forHousehold(UUID householdId) {
        Actor actor = actor();
        LocalDate today = Japan.today(clock);
        List<OutreachSummary> result = new ArrayList<>();
        for (UUID id : jdbc.sql("""
                        select id from outreach_record where municipality_id = ? and household_id = ?
                        order by created_at
                        """)
                .params(tenancy.municipalityId(), householdId)
                .query(UUID.class)
                .list()) {
            OutreachView view = find(id);
            if (!access.mayAccess(actor, PersonalDataAction.READ, scope(view))) {
                continue;
            }
            access.authorize(PersonalDataAction.READ, scope(view), OUTREACH);
            result.add(summary(view, today));
        }
        return result;
    }

    /** The records of a household the user may read, in full (for the household page's section and chart). */
    @Transactional
    public List<OutreachView> fullForHousehold(UUID householdId) {
        Actor actor = actor();
        List<OutreachView> result = new ArrayList<>();
        for (UUID id : jdbc.sql("""
                        select id from outreach_record where municipality_id = ? and household_id = ?
                        order by created_at
                        """)
                .params(tenancy.municipalityId(), householdId)
                .query(UUID.class)
                .list()) {
            OutreachView view = find(id);
            if (access.mayAccess(actor, PersonalDataAction.READ, scope(view))) {
                access.authorize(PersonalDataAction.READ, scope(view), OUTREACH);
                result.add(view);
            }
        }
        return result;
    }

    @Override
    @Transactional
    public List<OverdueOutreach> overdueFor(Actor actor) {
        boolean coordinator = actor.roleNames().contains(Role.MUNICIPAL_COORDINATOR.name());
        boolean professional = coordinator
                || actor.roleNames().contains(Role.CASEWORKER.name())
                || actor.roleNames().contains(Role.AGENCY_SUPERVISOR.name());
        if (!professional) {
            return List.of();
        }
        LocalDate today = Japan.today(clock);
        List<OverdueRow> rows = jdbc.sql("""
                        select r.id, r.record_number, r.household_id, r.lead_agency_id, r.lead_account_id,
                            a.display_name lead_name, r.stage, r.next_contact_on
                        from outreach_record r join staff_account a on a.municipality_id = r.municipality_id and a.id = r.lead_account_id
                        where r.municipality_id = :m and r.closed_at is null and r.next_contact_on < :today
                            and (r.lead_account_id = :me or :coordinator)
                        order by r.next_contact_on, r.record_number
                        """)
                .param("m", tenancy.municipalityId())
                .param("today", today)
                .param("me", actor.accountId())
                .param("coordinator", coordinator)
                .query((rs, i) -> new OverdueRow(
                        rs.getObject("id", UUID.class),
                        rs.getString("record_number"),
                        rs.getObject("household_id", UUID.class),
                        rs.getObject("lead_agency_id", UUID.class),
                        rs.getObject("lead_account_id", UUID.class),
                        rs.getString("lead_name"),
                        rs.getString("stage"),
                        rs.getObject("next_contact_on", LocalDate.class)))
                .list();
        List<OverdueOutreach> result = new ArrayList<>();
        for (OverdueRow r : rows) {
            RecordScope scope = RecordScope.ownedBy(OUTREACH, r.id(), r.leadAgencyId());
            String householdName = null;
            if (access.mayAccess(actor, PersonalDataAction.READ, scope)) {
                access.authorize(PersonalDataAction.READ, scope, "outreach overdue");
                householdName = people.household(r.householdId(), OUTREACH).name();
            }
            result.add(new OverdueOutreach(
                    r.id(),
                    r.recordNumber(),
                    householdName,
                    r.leadAgencyId(),
                    r.leadName(),
                    r.stage(),
                    r.nextContactOn()));
        }
        if (coordinator) {
            audit.record(new AuditEntry(
                    AuditAction.SEARCH, OUTREACH, null, "oversight", Map.of("results", String.valueOf(result.size()))));
        }
        return result;
    }

    private record OverdueRow(
            UUID id,
            String recordNumber,
            UUID householdId,
            UUID leadAgencyId,
            UUID leadAccountId,
            String leadName,
            String stage,
            LocalDate nextContactOn) {}

    // ---- attempts and stages ---------------------------------------------------------------------------------------

    /**
     * Logs an attempt. The record's next contact date becomes the attempt's when it is the newest attempt (a late
     * entry of an older visit does not move it back). Written once; a second submit of the same form records nothing.
     */
    @Transactional
    public OutreachView recordAttempt(UUID id, RecordAttempt command) {
        Actor actor = actor();
        OutreachView view = find(id);
        access.authorize(PersonalDataAction.WRITE, scope(view), "outreach attempt");
        if (submissions.claim(command.token(), "outreach-attempt").isPresent()) {
            return find(id);
        }
        if (!view.open()) {
            throw new RuleViolation(null, "outreach.error.closed");
        }
        if (command.whoWent().isBlank()) {
            throw new RuleViolation("whoWent", "outreach.error.whoWent");
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(Japan.ZONE));
        if (command.attemptedAt().isAfter(now.plusMinutes(5))) {
            throw new RuleViolation("attemptedAt", "outreach.error.future");
        }
        if (command.attemptedAt().toLocalDate().isBefore(view.firstConcernOn())) {
            throw new RuleViolation("attemptedAt", "outreach.error.beforeFirst");
        }
        if (command.nextContactOn() != null
                && command.nextContactOn().isBefore(command.attemptedAt().toLocalDate())) {
            throw new RuleViolation("nextContactOn", "outreach.error.nextBefore");
        }
        UUID attemptId = Ids.newId();
        Timestamp stamp = Timestamp.from(clock.instant());
        Timestamp at = Timestamp.from(command.attemptedAt().atZone(Japan.ZONE).toInstant());
        jdbc.sql("""
                        insert into outreach_attempt (municipality_id, id, outreach_id, attempted_at, method, who_went,
                            outcome, learned, next_step, next_contact_on, created_at, created_by, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(Arrays.asList(
                        tenancy.municipalityId(),
                        attemptId,
                        id,
                        at,
                        command.method().name(),
                        command.whoWent().strip(),
                        command.outcome().name(),
                        blankToNull(command.learned()),
                        blankToNull(command.nextStep()),
                        command.nextContactOn(),
                        stamp,
                        actor.username(),
                        stamp,
                        actor.username()))
                .update();
        boolean newest = jdbc.sql("""
                        select not exists (select 1 from outreach_attempt where municipality_id = ? and outreach_id = ?
                            and attempted_at > ?)
                        """)
                .params(tenancy.municipalityId(), id, at)
                .query(Boolean.class)
                .single();
        if (newest) {
            jdbc.sql("""
                            update outreach_record set next_contact_on = ?, updated_at = ?, updated_by = ?,
                                version = version + 1
                            where municipality_id = ? and id = ?
                            """)
                    .params(Arrays.asList(
                            command.nextContactOn(), stamp, actor.username(), tenancy.municipalityId(), id))
                    .update();
        }
        submissions.complete(command.token(), attemptId);
        audit.record(new AuditEntry(
                AuditAction.CREATE,
                "outreach-attempt",
                attemptId,
                "outreach attempt",
                Map.of(
                        "outreach",
                        id.toString(),
                        "method",
                        command.method().name(),
                        "outcome",
                        command.outcome().name())));
        return find(id);
    }

    /**
     * Moves the engagement to a stage on a date. ENDED needs a reason and closes the record; CONNECTED needs where to
     * and closes it; an OPEN stage on a closed record reopens it. History rows are only ever added.
     */
    @Transactional
    public OutreachView moveStage(UUID id, MoveStage command) {
        Actor actor = actor();
        OutreachView view = find(id);
        access.authorize(PersonalDataAction.WRITE, scope(view), "outreach stage");
        OutreachStage to =
                stages.find(command.toStage()).orElseThrow(() -> new RuleViolation("toStage", "outreach.error.stage"));
        if (to.code().equals(view.stage())) {
            throw new RuleViolation("toStage", "outreach.error.sameStage");
        }
        LocalDate today = Japan.today(clock);
        if (command.changedOn().isAfter(today)) {
            throw new RuleViolation("changedOn", "outreach.error.future");
        }
        if (command.changedOn().isBefore(view.stageSince())) {
            throw new RuleViolation("changedOn", "outreach.error.beforeStage");
        }
        EndReason reason = to.kind() == StageKind.ENDED ? command.endReason() : null;
        ConnectedTo connected = to.kind() == StageKind.CONNECTED ? command.connectedTo() : null;
        if (to.kind() == StageKind.ENDED && reason == null) {
            throw new RuleViolation("endReason", "outreach.error.endReason");
        }
        if (to.kind() == StageKind.CONNECTED && connected == null) {
            throw new RuleViolation("connectedTo", "outreach.error.connectedTo");
        }
        Timestamp now = Timestamp.from(clock.instant());
        boolean closes = to.kind() != StageKind.OPEN;
        int changed = jdbc.sql("""
                        update outreach_record set stage = ?, stage_since = ?, end_reason = ?, connected_to = ?,
                            closed_at = ?, next_contact_on = case when ? then null else next_contact_on end,
                            updated_at = ?, updated_by = ?, version = version + 1
                        where municipality_id = ? and id = ? and version = ?
                        """)
                .params(Arrays.asList(
                        to.code(),
                        command.changedOn(),
                        reason == null ? null : reason.name(),
                        connected == null ? null : connected.name(),
                        closes ? now : null,
                        closes,
                        now,
                        actor.username(),
                        tenancy.municipalityId(),
                        id,
                        command.seenVersion()))
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("outreach " + id + " changed");
        }
        insertStageChange(
                id, view.stage(), to.code(), command.changedOn(), reason, connected, command.note(), now, actor);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("from", view.stage());
        details.put("to", to.code());
        if (!view.open() && !closes) {
            details.put("reopened", "true");
        }
        audit.record(new AuditEntry(AuditAction.UPDATE, OUTREACH, id, "outreach stage", details));
        return find(id);
    }

    /**
     * Replaces the people around the person: a row with an id changes that key person, a row without one adds a new
     * one, a key person left out (or given an empty name and relation) is removed. Checks the version of the record
     * the user saw; audited with the numbers added, changed and removed (never the names).
     */
    @Transactional
    public OutreachView updateKeyPersons(UUID id, int seenVersion, List<KeyPersonEdit> rows) {
        Actor actor = actor();
        OutreachView view = find(id);
        access.authorize(PersonalDataAction.WRITE, scope(view), "outreach key persons");
        Set<UUID> existing = new HashSet<>();
        view.keyPersons().forEach(k -> existing.add(k.id()));
        for (KeyPersonEdit k : rows) {
            if (k.name().isBlank() != k.relation().isBlank()) {
                throw new RuleViolation("keyPersons", "outreach.error.keyPerson");
            }
            if (k.id() != null && !existing.contains(k.id())) {
                throw new RuleViolation("keyPersons", "outreach.error.keyPersonUnknown");
            }
        }
        Timestamp now = Timestamp.from(clock.instant());
        int changed = jdbc.sql("""
                        update outreach_record set updated_at = ?, updated_by = ?, version = version + 1
                        where municipality_id = ? and id = ? and version = ?
                        """)
                .params(now, actor.username(), tenancy.municipalityId(), id, seenVersion)
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("outreach " + id + " changed");
        }
        int added = 0;
        int updated = 0;
        Set<UUID> kept = new HashSet<>();
        for (KeyPersonEdit k : rows) {
            UUID keyId = k.id();
            if (k.name().isBlank()) {
                continue;
            }
            if (keyId == null) {
                addKeyPerson(id, new OpenOutreach.KeyPersonInput(k.name(), k.relation(), k.note()), now, actor);
                added++;
            } else {
                kept.add(keyId);
                updated += jdbc.sql("""
                                update outreach_key_person set name = ?, relation = ?, note = ?, updated_at = ?,
                                    updated_by = ?, version = version + 1
                                where municipality_id = ? and outreach_id = ? and id = ?
                                    and (name <> ? or relation <> ? or note is distinct from ?)
                                """)
                        .params(Arrays.asList(
                                k.name().strip(),
                                k.relation().strip(),
                                blankToNull(k.note()),
                                now,
                                actor.username(),
                                tenancy.municipalityId(),
                                id,
                                keyId,
                                k.name().strip(),
                                k.relation().strip(),
                                blankToNull(k.note())))
                        .update();
            }
        }
        int removed = 0;
        for (UUID gone : existing) {
            if (!kept.contains(gone)) {
                removed +=
                        jdbc.sql("""
                                delete from outreach_key_person where municipality_id = ? and outreach_id = ? and id = ?
                                """).params(tenancy.municipalityId(), id, gone).update();
            }
        }
        audit.record(new AuditEntry(
                AuditAction.UPDATE,
                OUTREACH,
                id,
                "outreach key persons",
                Map.of(
                        "keyPersonsAdded",
                        String.valueOf(added),
                        "keyPersonsChanged",
                        String.valueOf(updated),
                        "keyPersonsRemoved",
                        String.valueOf(removed))));
        return find(id);
    }

    /**
     * A 多機関協働 case was opened from this record: the record moves to つないだ (a case) on the day, with the case
     * number as the note. The record must be of the case's household and the user must be able to change it;
     * otherwise the opening is refused (the case form shows why). A record already connected is left as it is.
     */
    @Transactional
    public void connectToCase(UUID id, UUID householdId, String caseNumber) {
        Actor actor = actor();
        OutreachView view;
        try {
            view = find(id);
        } catch (NotFoundException unknown) {
            throw new RuleViolation(null, "outreach.error.caseOrigin");
        }
        if (!view.householdId().equals(householdId)) {
            throw new RuleViolation(null, "outreach.error.caseOrigin");
        }
        if (!access.mayAccess(actor, PersonalDataAction.WRITE, scope(view))) {
            throw new RuleViolation(null, "outreach.error.caseOriginAccess");
        }
        if (view.stageKind() == StageKind.CONNECTED) {
            return;
        }
        String connected = stages.all().stream()
                .filter(s -> s.kind() == StageKind.CONNECTED)
                .map(OutreachStage::code)
                .findFirst()
                .orElseThrow();
        LocalDate today = Japan.today(clock);
        moveStage(
                id,
                new MoveStage(
                        view.version(),
                        connected,
                        today.isBefore(view.stageSince()) ? view.stageSince() : today,
                        null,
                        ConnectedTo.CASE,
                        caseNumber));
    }

    // ---- rows ------------------------------------------------------------------------------------------------------

    static RecordScope scope(OutreachView view) {
        return RecordScope.ownedBy(OUTREACH, view.id(), view.leadAgencyId());
    }

    static OutreachSummary summary(OutreachView v, LocalDate today) {
        return new OutreachSummary(
                v.id(),
                v.recordNumber(),
                v.householdId(),
                v.stage(),
                v.stageKind(),
                v.firstConcernOn(),
                v.attempts().size(),
                v.nextContactOn(),
                v.overdue(today));
    }

    private void insertStageChange(
            UUID outreachId,
            @Nullable String from,
            String to,
            LocalDate on,
            @Nullable EndReason reason,
            @Nullable ConnectedTo connected,
            @Nullable String note,
            Timestamp now,
            Actor actor) {
        jdbc.sql("""
                        insert into outreach_stage_change (municipality_id, id, outreach_id, from_stage, to_stage,
                            changed_on, end_reason, connected_to, note, created_at, created_by, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(Arrays.asList(
                        tenancy.municipalityId(),
                        Ids.newId(),
                        outreachId,
                        from,
                        to,
                        on,
                        reason == null ? null : reason.name(),
                        connected == null ? null : connected.name(),
                        blankToNull(note),
                        now,
                        actor.username(),
                        now,
                        actor.username()))
                .update();
    }

    private void addKeyPerson(UUID outreachId, OpenOutreach.KeyPersonInput k, Timestamp now, Actor actor) {
        jdbc.sql("""
                        insert into outreach_key_person (municipality_id, id, outreach_id, name, relation, note,
                            created_at, created_by, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(Arrays.asList(
                        tenancy.municipalityId(),
                        Ids.newId(),
                        outreachId,
                        k.name().strip(),
                        k.relation().strip(),
                        blankToNull(k.note()),
                        now,
                        actor.username(),
                        now,
                        actor.username()))
                .update();
    }

    OutreachView find(UUID id) {
        UUID m = tenancy.municipalityId();
        Map<String, StageKind> kinds = new LinkedHashMap<>();
        stages.all().forEach(s -> kinds.put(s.code(), s.kind()));
        List<OutreachView.KeyPerson> keyPersons = jdbc.sql("""
                        select * from outreach_key_person where municipality_id = ? and outreach_id = ?
                        order by created_at, id
                        """)
                .params(m, id)
                .query((rs, i) -> new OutreachView.KeyPerson(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("relation"),
                        rs.getString("note")))
                .list();
        List<OutreachView.StageChange> changes = jdbc.sql("""
                        select * from outreach_stage_change where municipality_id = ? and outreach_id = ?
                        order by changed_on, created_at
                        """)
                .params(m, id)
                .query((rs, i) -> new OutreachView.StageChange(
                        rs.getString("from_stage"),
                        rs.getString("to_stage"),
                        rs.getObject("changed_on", LocalDate.class),
                        enumOrNull(EndReason.class, rs.getString("end_reason")),
                        enumOrNull(ConnectedTo.class, rs.getString("connected_to")),
                        rs.getString("note"),
                        rs.getString("created_by")))
                .list();
        List<OutreachView.Attempt> attempts = jdbc.sql("""
                        select * from outreach_attempt where municipality_id = ? and outreach_id = ?
                        order by attempted_at desc, created_at desc
                        """)
                .params(m, id)
                .query((rs, i) -> new OutreachView.Attempt(
                        rs.getObject("id", UUID.class),
                        rs.getTimestamp("attempted_at").toInstant(),
                        AttemptMethod.valueOf(rs.getString("method")),
                        rs.getString("who_went"),
                        AttemptOutcome.valueOf(rs.getString("outcome")),
                        rs.getString("learned"),
                        rs.getString("next_step"),
                        rs.getObject("next_contact_on", LocalDate.class),
                        rs.getString("created_by")))
                .list();
        return jdbc.sql("""
                        select r.*, a.display_name lead_name
                        from outreach_record r join staff_account a on a.municipality_id = r.municipality_id and a.id = r.lead_account_id
                        where r.municipality_id = ? and r.id = ?
                        """)
                .params(m, id)
                .query((rs, i) -> row(rs, kinds, keyPersons, changes, attempts))
                .optional()
                .orElseThrow(() -> new NotFoundException(OUTREACH, id));
    }

    private static OutreachView row(
            ResultSet rs,
            Map<String, StageKind> kinds,
            List<OutreachView.KeyPerson> keyPersons,
            List<OutreachView.StageChange> changes,
            List<OutreachView.Attempt> attempts)
            throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        String stage = rs.getString("stage");
        return new OutreachView(
                rs.getObject("id", UUID.class),
                rs.getString("record_number"),
                rs.getObject("household_id", UUID.class),
                uuids(rs.getArray("person_ids")),
                OutreachSource.valueOf(rs.getString("source")),
                rs.getString("source_detail"),
                OutreachOrigin.valueOf(rs.getString("origin")),
                rs.getObject("origin_id", UUID.class),
                strings(rs.getArray("issue_codes")),
                rs.getString("worry"),
                rs.getObject("first_concern_on", LocalDate.class),
                rs.getObject("lead_agency_id", UUID.class),
                rs.getObject("lead_account_id", UUID.class),
                rs.getString("lead_name"),
                uuids(rs.getArray("involved_agency_ids")),
                rs.getString("involved_note"),
                stage,
                kinds.getOrDefault(stage, StageKind.OPEN),
                rs.getObject("stage_since", LocalDate.class),
                enumOrNull(EndReason.class, rs.getString("end_reason")),
                enumOrNull(ConnectedTo.class, rs.getString("connected_to")),
                rs.getObject("next_contact_on", LocalDate.class),
                closed == null ? null : closed.toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getInt("version"),
                keyPersons,
                changes,
                attempts);
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return Arrays.asList((UUID[]) array.getArray());
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private static <E extends Enum<E>> @Nullable E enumOrNull(Class<E> type, @Nullable String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Actor actor() {
        return CurrentActor.get().orElseThrow(() -> new AccessDeniedException("not authenticated"));
    }
}
