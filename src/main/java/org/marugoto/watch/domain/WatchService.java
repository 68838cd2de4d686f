package org.marugoto.watch.domain;

import static org.marugoto.shared.text.Texts.blankToNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.marugoto.access.AccessApi;
import org.marugoto.access.Colleagues;
import org.marugoto.access.PersonalDataAction;
import org.marugoto.access.RecordScope;
import org.marugoto.access.WatchedHouseholds;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.consent.ConsentApi;
import org.marugoto.consent.ConsentPurpose;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.HouseholdView;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.Japan;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.marugoto.watch.AskToWatch;
import org.marugoto.watch.WatchBasis;
import org.marugoto.watch.WatchRequestView;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Watch requests (見守り依頼). A professional who may change the household asks a named volunteer; the request is
 * active until it is ended or its last day (Japan time) has passed, and only while it is active does the access module
 * let the volunteer read the household (see {@link #watches}). The volunteer's own view is narrow by construction:
 * {@link WatchedHousehold} holds names, ages, the maskable address, the request and the shared notes.
 */
@Service
public class WatchService implements WatchedHouseholds {

    static final String REQUEST = "watch-request";
    static final String NOTE = "watch-note";

    private static final String ACTIVE = """
            r.ended_at is null and (r.valid_until is null or r.valid_until >= :today)""";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AccessApi access;
    private final AuditApi audit;
    private final PeopleApi people;
    private final Colleagues colleagues;
    private final DirectoryApi directory;
    private final Clock clock;

    // lazy: the access module asks this service (WatchedHouseholds), and the consent module asks the access module
    private final ConsentApi consents;

    WatchService(
            JdbcClient jdbc,
            Tenancy tenancy,
            AccessApi access,
            AuditApi audit,
            PeopleApi people,
            Colleagues colleagues,
            DirectoryApi directory,
            Clock clock,
            @Lazy ConsentApi consents) {
        this.consents = consents;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.access = access;
        this.audit = audit;
        this.people = people;
        this.colleagues = colleagues;
        this.directory = directory;
        this.clock = clock;
    }

    // ---- the access module asks ------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public boolean watches(UUID volunteerAccountId, UUID householdId, Instant at) {
        return jdbc.sql("select count(*) from watch_request r where r.municipality_id = :m"
                                + " and r.volunteer_account_id = :volunteer and r.household_id = :household"
                                + " and (r.ended_at is null or r.ended_at > :at)"
                                + " and (r.valid_until is null or r.valid_until >= :today)")
                        .param("m", tenancy.municipalityId())
                        .param("volunteer", volunteerAccountId)
                        .param("household", householdId)
                        .param("at", Timestamp.from(at))
                        .param("today", LocalDate.ofInstant(at, Japan.ZONE))
                        .query(Long.class)
                        .single()
                > 0;
    }

    // ---- the professionals -----------------------------------------------------------------------------------

    /**
     * Whether a consent record of the household, valid today, names the volunteer's agency (民生委員・児童委員協議会)
     * for visits and contact ({@link ConsentPurpose#OUTREACH}) or for sharing the household's information
     * ({@link ConsentPurpose#INFORMATION_SHARING}).
     */
    private boolean consentedTo(UUID householdId, Colleagues.Colleague volunteer) {
        return consents.validConsentOfHousehold(householdId, volunteer.agencyId(), ConsentPurpose.OUTREACH)
                        .isPresent()
                || consents.validConsentOfHousehold(
                                householdId, volunteer.agencyId(), ConsentPurpose.INFORMATION_SHARING)
                        .isPresent();
    }

    @Transactional
    public WatchRequestView ask(UUID householdId, AskToWatch command) {
        access.authorize(PersonalDataAction.WRITE, people.householdScope(householdId), "ask to watch");
        Actor actor = actor();
        Colleagues.Colleague volunteer = colleagues
                .volunteer(command.volunteerAccountId())
                .orElseThrow(() -> new RuleViolation("volunteerId", "watch.error.volunteer"));
        if (command.basis() == WatchBasis.CONSENT && !consentedTo(householdId, volunteer)) {
            // "based on the household's consent" needs a consent record that covers it; else the volunteer would see
            // names, ages and the address on a consent nobody recorded
            throw new RuleViolation("basis", "watch.error.noConsent");
        }
        if (command.watchFor().isBlank()) {
            throw new RuleViolation("watchFor", "watch.error.watchFor");
        }
        if (command.frequency().isBlank()) {
            throw new RuleViolation("frequency", "watch.error.frequency");
        }
        if (command.validUntil() != null && command.validUntil().isBefore(today())) {
            throw new RuleViolation("validUntil", "watch.error.validUntil");
        }
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into watch_request (municipality_id, id, household_id, volunteer_account_id,
                            requested_by_agency_id, watch_for, frequency, valid_until, basis, basis_note,
                            created_at, created_by, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(Arrays.asList(
                        tenancy.municipalityId(),
                        id,
                        householdId,
                        command.volunteerAccountId(),
                        actor.agencyId(),
                        command.watchFor().strip(),
                        command.frequency().strip(),
                        command.validUntil(),
                        command.basis().name(),
                        blankToNull(command.basisNote()),
                        now,
                        actor.username(),
                        now,
                        actor.username()))
                .update();
        audit.record(new AuditEntry(
                AuditAction.CREATE,
                REQUEST,
                id,
                "ask to watch",
                Map.of(
                        "household",
                        householdId.toString(),
                        "basis",
                        command.basis().name())));
        if (command.sharedNote() != null && !command.sharedNote().isBlank()) {
            insertNote(id, command.sharedNote());
        }
        return find(id);
    }

    /** Ends the request now: the volunteer's access to the household ends with it. */
    @Transactional
    public WatchRequestView end(UUID requestId, int seenVersion) {
        WatchRequestView request = find(requestId);
        access.authorize(PersonalDataAction.WRITE, people.householdScope(request.householdId()), "end watch request");
        if (request.endedAt() != null) {
            throw new RuleViolation(null, "watch.error.ended");
        }
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("""
                        update watch_request set ended_at = ?, ended_by = ?, updated_at = ?, updated_by = ?,
                            version = version + 1
                        where municipality_id = ? and id = ? and version = ?
                        """)
                .params(
                        now,
                        CurrentActor.username(),
                        now,
                        CurrentActor.username(),
                        tenancy.municipalityId(),
                        requestId,
                        seenVersion)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("watch request changed");
        }
        audit.record(new AuditEntry(AuditAction.UPDATE, REQUEST, requestId, "end watch request", Map.of("ended", "")));
        return find(requestId);
    }

    /** Shares a note with the volunteer of an active request. */
    @Transactional
    public void share(UUID requestId, String text) {
        WatchRequestView request = find(requestId);
        access.authorize(
                PersonalDataAction.WRITE, people.householdScope(request.householdId()), "share with volunteer");
        if (!request.active()) {
            throw new RuleViolation("text", "watch.error.ended");
        }
        if (text.isBlank()) {
            throw new RuleViolation("text", "watch.error.note");
        }
        insertNote(requestId, text);
    }

    private void insertNote(UUID requestId, String text) {
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into watch_note (municipality_id, id, request_id, text, created_at, created_by,
                            updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        tenancy.municipalityId(),
                        id,
                        requestId,
                        text.strip(),
                        now,
                        CurrentActor.username(),
                        now,
                        CurrentActor.username())
                .update();
        audit.record(new AuditEntry(
                AuditAction.CREATE, NOTE, id, "share with volunteer", Map.of("request", requestId.toString())));
    }

    /** Every request about the household, newest first, for those who may read the household. */
    @Transactional
    public List<WatchRequestView> forHousehold(UUID householdId) {
        access.authorize(PersonalDataAction.READ, people.householdScope(householdId), "watch requests");
        return jdbc
                .sql(SELECT + " and r.household_id = :household order by r.created_at desc")
                .param("m", tenancy.municipalityId())
                .param("household", householdId)
                .param("today", today())
                .query(this::row)
                .list()
                .stream()
                .map(this::withNotes)
                .toList();
    }

    @Transactional(readOnly = true)
    public WatchRequestView find(UUID requestId) {
        return jdbc.sql(SELECT + " and r.id = :id")
                .param("m", tenancy.municipalityId())
                .param("id", requestId)
                .param("today", today())
                .query(this::row)
                .optional()
                .map(this::withNotes)
                .orElseThrow(() -> new NotFoundException(REQUEST, requestId));
    }

    // ---- the volunteer -----------------------------------------------------------------------------------------

    /** The current volunteer's active requests, oldest first (the request ids only; nothing is read yet). */
    @Transactional(readOnly = true)
    public List<UUID> myActiveRequestIds() {
        return jdbc.sql("select r.id from watch_request r where r.municipality_id = :m"
                        + " and r.volunteer_account_id = :volunteer and " + ACTIVE + " order by r.created_at")
                .param("m", tenancy.municipalityId())
                .param("volunteer", actor().accountId())
                .param("today", today())
                .query(UUID.class)
                .list();
    }

    /** The households the current volunteer watches now, each read and audited. */
    @Transactional
    public List<WatchedHousehold> myWatches() {
        return myActiveRequestIds().stream().map(this::myWatch).toList();
    }

    /**
     * One watched household as the volunteer sees it. The request must name them (audited read of the request); the
     * household is read through the people module, which the access module allows only while the request is active.
     */
    @Transactional
    public WatchedHousehold myWatch(UUID requestId) {
        WatchRequestView request = find(requestId);
        access.authorize(PersonalDataAction.READ, scopeForVolunteer(request), "watch");
        if (!request.active()) {
            throw new AccessDeniedException("the watch request has ended");
        }
        HouseholdView household = people.household(request.householdId(), "watch");
        LocalDate today = today();
        List<WatchedHousehold.Resident> residents = people.members(request.householdId()).stream()
                .filter(MemberView::current)
                .map(m -> new WatchedHousehold.Resident(
                        m.person().fullName(), m.person().ageOn(today)))
                .toList();
        String askedBy = directory
                .agency(request.requestedByAgencyId())
                .map(a -> a.name())
                .orElse("");
        return new WatchedHousehold(
                request.id(),
                household.id(),
                household.name(),
                household.masked() ? null : household.address(),
                household.masked(),
                residents,
                request.watchFor(),
                request.frequency(),
                request.validUntil(),
                askedBy,
                request.notes());
    }

    /** The active request naming the current volunteer about the household, if any. */
    @Transactional(readOnly = true)
    public Optional<WatchRequestView> myActiveRequest(UUID requestId) {
        Actor actor = actor();
        return jdbc.sql(SELECT + " and r.id = :id and r.volunteer_account_id = :volunteer and " + ACTIVE)
                .param("m", tenancy.municipalityId())
                .param("id", requestId)
                .param("volunteer", actor.accountId())
                .param("today", today())
                .query(this::row)
                .optional();
    }

    static RecordScope scopeForVolunteer(WatchRequestView request) {
        return RecordScope.members(
                REQUEST,
                request.id(),
                request.requestedByAgencyId(),
                java.util.Set.of(request.volunteerAccountId()),
                false);
    }

    // ---- rows --------------------------------------------------------------------------------------------------

    private static final String SELECT = """
            select r.*, a.display_name volunteer_name,
                   (r.ended_at is null and (r.valid_until is null or r.valid_until >= :today)) active
            from watch_request r join staff_account a on a.municipality_id = r.municipality_id and a.id = r.volunteer_account_id
            where r.municipality_id = :m""";

    private WatchRequestView row(ResultSet rs, int i) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        java.sql.Date until = rs.getDate("valid_until");
        return new WatchRequestView(
                rs.getObject("id", UUID.class),
                rs.getObject("household_id", UUID.class),
                rs.getObject("volunteer_account_id", UUID.class),
                rs.getString("volunteer_name"),
                rs.getObject("requested_by_agency_id", UUID.class),
                rs.getString("watch_for"),
                rs.getString("frequency"),
                until == null ? null : until.toLocalDate(),
                org.marugoto.watch.WatchBasis.valueOf(rs.getString("basis")),
                rs.getString("basis_note"),
                ended == null ? null : ended.toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                rs.getInt("version"),
                rs.getBoolean("active"),
                List.of());
    }

    private WatchRequestView withNotes(WatchRequestView r) {
        List<WatchRequestView.SharedNote> notes = new ArrayList<>(jdbc.sql("""
                        select text, created_at from watch_note where municipality_id = ? and request_id = ?
                        order by created_at""")
                .params(tenancy.municipalityId(), r.id())
                .query((rs, i) -> new WatchRequestView.SharedNote(
                        rs.getString("text"), rs.getTimestamp("created_at").toInstant()))
                .list());
        return new WatchRequestView(
                r.id(),
                r.householdId(),
                r.volunteerAccountId(),
                r.volunteerName(),
                r.requestedByAgencyId(),
                r.watchFor(),
                r.frequency(),
                r.validUntil(),
                r.basis(),
                r.basisNote(),
                r.endedAt(),
                r.createdAt(),
                r.createdBy(),
                r.version(),
                r.active(),
                List.copyOf(notes));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Japan.ZONE);
    }

    private static Actor actor() {
        return CurrentActor.get().orElseThrow(() -> new AccessDeniedException("not authenticated"));
    }
}
