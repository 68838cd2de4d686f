package org.marugoto.watch.domain;

import static org.marugoto.shared.text.Texts.blankToNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.AccessApi;
import org.marugoto.access.PersonalDataAction;
import org.marugoto.access.RecordScope;
import org.marugoto.access.Role;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.consultation.ConsultationApi;
import org.marugoto.consultation.ConsultationView;
import org.marugoto.directory.AgencyKind;
import org.marugoto.directory.AgencyView;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.marugoto.watch.ConcernStatus;
import org.marugoto.watch.ConcernUrgency;
import org.marugoto.watch.ConcernView;
import org.marugoto.watch.RaiseConcern;
import org.marugoto.watch.WatchRequestView;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Concerns (気になること) raised by volunteers. The volunteer who raised one reads it as its only member; the agency it
 * was sent to reads it and takes it up as the record's owner. Every read is audited.
 */
@Service
public class ConcernService implements org.marugoto.watch.ConcernApi {

    static final String CONCERN = "watch-concern";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AccessApi access;
    private final AuditApi audit;
    private final WatchService watches;
    private final DirectoryApi directory;
    private final ConsultationApi consultations;
    private final Clock clock;

    ConcernService(
            JdbcClient jdbc,
            Tenancy tenancy,
            AccessApi access,
            AuditApi audit,
            WatchService watches,
            DirectoryApi directory,
            ConsultationApi consultations,
            Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.access = access;
        this.audit = audit;
        this.watches = watches;
        this.directory = directory;
        this.consultations = consultations;
        this.clock = clock;
    }

    /** A volunteer raises a concern. About a watched household, the request must be active and name them. */
    @Transactional
    public ConcernView raise(RaiseConcern command) {
        Actor actor = actor();
        if (!actor.roleNames().contains(Role.VOLUNTEER.name())) {
            throw new AccessDeniedException("only volunteers raise concerns");
        }
        UUID householdId = null;
        String aboutWho = command.aboutWho().strip();
        if (command.requestId() != null) {
            WatchRequestView request = watches.myActiveRequest(command.requestId())
                    .orElseThrow(() -> new RuleViolation("requestId", "concern.error.watch"));
            householdId = request.householdId();
            if (aboutWho.isEmpty()) {
                aboutWho = watches.myWatch(request.id()).householdName();
            }
        }
        if (aboutWho.isEmpty()) {
            throw new RuleViolation("aboutWho", "concern.error.aboutWho");
        }
        if (command.noticed().isBlank()) {
            throw new RuleViolation("noticed", "concern.error.noticed");
        }
        if (directory.agency(command.toAgencyId()).filter(AgencyView::active).isEmpty()) {
            throw new RuleViolation("toAgencyId", "concern.error.agency");
        }
        UUID id = Ids.newId();
        access.authorize(
                PersonalDataAction.WRITE,
                RecordScope.members(CONCERN, id, command.toAgencyId(), Set.of(actor.accountId()), false),
                "raise concern");
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into watch_concern (municipality_id, id, raised_by_account_id, request_id, household_id,
                            about_who, location, noticed, urgency, to_agency_id, status,
                            created_at, created_by, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?, ?, ?, ?)
                        """)
                .params(Arrays.asList(
                        tenancy.municipalityId(),
                        id,
                        actor.accountId(),
                        command.requestId(),
                        householdId,
                        aboutWho,
                        command.location() == null || command.location().isBlank()
                                ? null
                                : command.location().strip(),
                        command.noticed().strip(),
                        command.urgency().name(),
                        command.toAgencyId(),
                        now,
                        actor.username(),
                        now,
                        actor.username()))
                .update();
        audit.record(new AuditEntry(
                AuditAction.CREATE,
                CONCERN,
                id,
                "raise concern",
                Map.of("urgency", command.urgency().name(), "watched", String.valueOf(householdId != null))));
        return find(id);
    }

    /** The concerns the current volunteer raised, newest first, as they may see them. */
    @Transactional
    public List<ConcernView.RaisedConcern> mine() {
        Actor actor = actor();
        return jdbc
                .sql(SELECT + " and c.raised_by_account_id = :raiser order by c.created_at desc")
                .param("m", tenancy.municipalityId())
                .param("raiser", actor.accountId())
                .query(ConcernService::row)
                .list()
                .stream()
                .peek(c -> access.authorize(PersonalDataAction.READ, raiserScope(c), "my concerns"))
                .map(ConcernView::forVolunteer)
                .toList();
    }

    /** The concerns sent to the current user's agency, new ones first; for its professionals. */
    @Transactional
    public List<ConcernView> inbox() {
        Actor actor = actor();
        return jdbc
                .sql(SELECT + " and c.to_agency_id = :agency order by c.status, c.created_at desc")
                .param("m", tenancy.municipalityId())
                .param("agency", actor.agencyId())
                .query(ConcernService::row)
                .list()
                .stream()
                .peek(c -> access.authorize(PersonalDataAction.READ, agencyScope(c), "concern inbox"))
                .toList();
    }

    /** How many new concerns await the current user's agency (no personal data). */
    @Transactional(readOnly = true)
    public long newForMyAgency() {
        return jdbc.sql("select count(*) from watch_concern where municipality_id = ? and to_agency_id = ?"
                        + " and status = 'NEW'")
                .params(tenancy.municipalityId(), actor().agencyId())
                .query(Long.class)
                .single();
    }

    /** One concern, for the professionals of the agency it was sent to. */
    @Override
    @Transactional
    public ConcernView get(UUID id) {
        ConcernView concern = find(id);
        access.authorize(PersonalDataAction.READ, agencyScope(concern), "concern");
        return concern;
    }

    /**
     * The agency takes the concern up, optionally naming the consultation it recorded (which the user must be able to
     * read, and which must be about the concern's household when the concern names one).
     */
    @Transactional
    public ConcernView takeUp(UUID id, int seenVersion, @Nullable UUID consultationId, @Nullable String note) {
        ConcernView concern = find(id);
        access.authorize(PersonalDataAction.WRITE, agencyScope(concern), "take up concern");
        if (concern.status() != ConcernStatus.NEW) {
            throw new RuleViolation(null, "concern.error.takenUp");
        }
        if (consultationId != null) {
            ConsultationView consultation;
            try {
                consultation = consultations.get(consultationId);
            } catch (NotFoundException | AccessDeniedException unknown) {
                throw new RuleViolation("consultation", "concern.error.consultation");
            }
            if (concern.householdId() != null && !concern.householdId().equals(consultation.householdId())) {
                throw new RuleViolation("consultation", "concern.error.consultationHousehold");
            }
        }
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("""
                        update watch_concern set status = 'TAKEN_UP', taken_up_at = ?, taken_up_by = ?,
                            taken_up_note = ?, consultation_id = ?, updated_at = ?, updated_by = ?, version = version + 1
                        where municipality_id = ? and id = ? and version = ?
                        """)
                .params(Arrays.asList(
                        now,
                        CurrentActor.username(),
                        blankToNull(note),
                        consultationId,
                        now,
                        CurrentActor.username(),
                        tenancy.municipalityId(),
                        id,
                        seenVersion))
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("concern changed");
        }
        audit.record(new AuditEntry(
                AuditAction.UPDATE,
                CONCERN,
                id,
                "take up concern",
                Map.of(
                        "status",
                        ConcernStatus.TAKEN_UP.name(),
                        "consultation",
                        String.valueOf(consultationId != null))));
        return find(id);
    }

    @Override
    @Transactional
    public ConcernView linkHousehold(UUID id, UUID householdId) {
        ConcernView concern = find(id);
        access.authorize(PersonalDataAction.WRITE, agencyScope(concern), "concern household");
        if (householdId.equals(concern.householdId())) {
            return concern;
        }
        if (concern.householdId() != null) {
            throw new RuleViolation(null, "concern.error.hasHousehold");
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        update watch_concern set household_id = ?, updated_at = ?, updated_by = ?,
                            version = version + 1
                        where municipality_id = ? and id = ? and household_id is null
                        """)
                .params(householdId, now, CurrentActor.username(), tenancy.municipalityId(), id)
                .update();
        audit.record(
                new AuditEntry(AuditAction.UPDATE, CONCERN, id, "concern household", Map.of("household", "linked")));
        return find(id);
    }

    /**
     * Where the current volunteer's concerns go unless they choose otherwise: the agency that asked them to watch
     * (the request's, or their newest active request's), else the first 地域包括支援センター.
     */
    @Transactional(readOnly = true)
    public Optional<UUID> defaultAgency(@Nullable UUID requestId) {
        if (requestId != null) {
            Optional<WatchRequestView> request = watches.myActiveRequest(requestId);
            if (request.isPresent()) {
                return Optional.of(request.get().requestedByAgencyId());
            }
        }
        List<UUID> mine = watches.myActiveRequestIds();
        if (!mine.isEmpty()) {
            return Optional.of(watches.find(mine.getLast()).requestedByAgencyId());
        }
        return directory.agencies().stream()
                .filter(AgencyView::active)
                .filter(a -> a.kind() == AgencyKind.COMMUNITY_COMPREHENSIVE_SUPPORT_CENTER)
                .map(AgencyView::id)
                .findFirst();
    }

    private ConcernView find(UUID id) {
        return jdbc.sql(SELECT + " and c.id = :id")
                .param("m", tenancy.municipalityId())
                .param("id", id)
                .query(ConcernService::row)
                .optional()
                .orElseThrow(() -> new NotFoundException(CONCERN, id));
    }

    static RecordScope raiserScope(ConcernView c) {
        return RecordScope.members(CONCERN, c.id(), c.toAgencyId(), Set.of(c.raisedByAccountId()), false);
    }

    static RecordScope agencyScope(ConcernView c) {
        return RecordScope.ownedBy(CONCERN, c.id(), c.toAgencyId());
    }

    private static final String SELECT = """
            select c.*, a.display_name raised_by_name
            from watch_concern c join staff_account a on a.municipality_id = c.municipality_id and a.id = c.raised_by_account_id
            where c.municipality_id = :m""";

    private static ConcernView row(ResultSet rs, int i) throws SQLException {
        Timestamp takenUp = rs.getTimestamp("taken_up_at");
        return new ConcernView(
                rs.getObject("id", UUID.class),
                rs.getObject("raised_by_account_id", UUID.class),
                rs.getString("raised_by_name"),
                rs.getObject("request_id", UUID.class),
                rs.getObject("household_id", UUID.class),
                rs.getString("about_who"),
                rs.getString("location"),
                rs.getString("noticed"),
                ConcernUrgency.valueOf(rs.getString("urgency")),
                rs.getObject("to_agency_id", UUID.class),
                ConcernStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                takenUp == null ? null : takenUp.toInstant(),
                rs.getString("taken_up_by"),
                rs.getString("taken_up_note"),
                rs.getObject("consultation_id", UUID.class),
                rs.getInt("version"));
    }

    private static Actor actor() {
        return CurrentActor.get().orElseThrow(() -> new AccessDeniedException("not authenticated"));
    }
}
