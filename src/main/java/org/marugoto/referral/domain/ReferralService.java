package org.marugoto.referral.domain;

import static org.marugoto.shared.text.Texts.blankToNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.AccessApi;
import org.marugoto.access.PersonalDataAction;
import org.marugoto.access.RecordScope;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.consent.ConsentApi;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.Urgency;
import org.marugoto.directory.AgencyView;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.referral.ReferralApi;
import org.marugoto.referral.ReferralChanged;
import org.marugoto.referral.ReferralEventKind;
import org.marugoto.referral.ReferralEventView;
import org.marugoto.referral.ReferralOutcome;
import org.marugoto.referral.ReferralStatus;
import org.marugoto.referral.ReferralView;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.FormSubmissions;
import org.marugoto.shared.Ids;
import org.marugoto.shared.Japan;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals and their legal state changes. The receiving agency answers (accept, decline with a reason and a
 * suggestion, ask for more information), works and completes; the sender can withdraw, answers questions and
 * confirms the follow-up. Every change is checked against the state and version the user saw: of two people acting at
 * once, one wins and the other is told.
 */
@Service
@EnableConfigurationProperties(ReferralProperties.class)
public class ReferralService implements ReferralApi {

    static final String REFERRAL = "referral";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AccessApi access;
    private final AuditApi audit;
    private final PeopleApi people;
    private final DirectoryApi directory;
    private final ConsentApi consents;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final FormSubmissions submissions;

    ReferralService(
            JdbcClient jdbc,
            Tenancy tenancy,
            AccessApi access,
            AuditApi audit,
            PeopleApi people,
            DirectoryApi directory,
            ConsentApi consents,
            ApplicationEventPublisher events,
            Clock clock,
            FormSubmissions submissions) {
        this.submissions = submissions;
        this.consents = consents;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.access = access;
        this.audit = audit;
        this.people = people;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    // ---- sending ---------------------------------------------------------------------------------------------

    @Transactional
    public ReferralView send(SendReferral command) {
        Actor actor = actor();
        access.authorize(PersonalDataAction.WRITE, people.householdScope(command.householdId()), "referral");
        if (command.submissionToken() != null) {
            // the same form again (a double click, a parallel post): the referral it sent the first time
            java.util.Optional<UUID> earlier = submissions.claim(command.submissionToken(), REFERRAL);
            if (earlier.isPresent()) {
                return find(earlier.get());
            }
        }
        AgencyView to = directory
                .agency(command.toAgencyId())
                .filter(AgencyView::active)
                .orElseThrow(() -> new RuleViolation("toAgencyId", "referral.error.toAgency"));
        if (!to.acceptsReferrals()) {
            throw new RuleViolation("toAgencyId", "referral.error.notAccepting");
        }
        if (to.id().equals(actor.agencyId())) {
            throw new RuleViolation("toAgencyId", "referral.error.toSelf");
        }
        if (command.toCounterId() != null
                && directory
                        .counter(command.toCounterId())
                        .filter(c -> c.agencyId().equals(to.id()))
                        .isEmpty()) {
            throw new RuleViolation("toCounterId", "referral.error.counter");
        }
        if (command.issueCodes().isEmpty()) {
            throw new RuleViolation("issueCodes", "referral.error.noIssue");
        }
        if (command.personIds().isEmpty()) {
            throw new RuleViolation("personIds", "referral.error.noPerson");
        }
        Set<UUID> members = new HashSet<>();
        for (MemberView m : people.members(command.householdId())) {
            if (m.current()) {
                members.add(m.person().id());
            }
        }
        if (!members.containsAll(command.personIds())) {
            throw new RuleViolation("personIds", "referral.error.notMember");
        }
        if (command.desiredResponseDate().isBefore(today())) {
            throw new RuleViolation("desiredResponseDate", "referral.error.datePast");
        }
        // consent "given" is a consent record: an existing valid one for this agency, or one recorded now
        UUID consentId = command.consentStatus() == ConsentStatus.GIVEN
                ? consents.forReferral(
                                command.householdId(), command.personIds(), to.id(), today(), command.consentScope())
                        .id()
                : null;
        UUID id = Ids.newId();
        long number = jdbc.sql("select nextval('referral_number_seq')")
                .query(Long.class)
                .single();
        String reference = "R%d-%05d".formatted(today().getYear(), number);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into referral (municipality_id, id, reference_number, household_id, consultation_id,
                            from_agency_id, to_agency_id, to_counter_id, status, urgency, summary, reason, tried,
                            consent_status, consent_scope, consent_id, desired_response_date, last_activity_at,
                            created_at, created_by, updated_at, updated_by, version)
                        values (:m, :id, :reference, :household, :consultation, :from, :to, :counter, 'SENT', :urgency,
                            :summary, :reason, :tried, :consent, :scope, :consentId, :desired, :now, :now, :by, :now, :by, 0)
                        """)
                .param("m", tenancy.municipalityId())
                .param("id", id)
                .param("reference", reference)
                .param("household", command.householdId())
                .param("consultation", command.consultationId())
                .param("from", actor.agencyId())
                .param("to", to.id())
                .param("counter", command.toCounterId())
                .param("urgency", command.urgency().name())
                .param("summary", command.summary())
                .param("reason", command.reason())
                .param("tried", command.tried())
                .param("consent", command.consentStatus().name())
                .param("scope", command.consentScope())
                .param("consentId", consentId)
                .param("desired", command.desiredResponseDate())
                .param("now", now)
                .param("by", actor.username())
                .update();
        for (String code : new LinkedHashSet<>(command.issueCodes())) {
            jdbc.sql("insert into referral_issue (municipality_id, referral_id, issue_code) values (?, ?, ?)")
                    .params(tenancy.municipalityId(), id, code)
                    .update();
        }
        for (UUID person : new LinkedHashSet<>(command.personIds())) {
            jdbc.sql("insert into referral_person (municipality_id, referral_id, person_id) values (?, ?, ?)")
                    .params(tenancy.municipalityId(), id, person)
                    .update();
        }
        record(id, actor, ReferralEventKind.SENT, null, ReferralStatus.SENT, null);
        audit.record(AuditEntry.of(AuditAction.CREATE, REFERRAL, id).withPurpose("referral"));
        events.publishEvent(new ReferralChanged(id, reference, actor.agencyId(), to.id(), ReferralEventKind.SENT));
        if (command.submissionToken() != null) {
            submissions.complete(command.submissionToken(), id);
        }
        return find(id);
    }

    // ---- state changes ---------------------------------------------------------------------------------------

    /** Which side of the referral may take an action. */
    enum Side {
        SENDER,
        RECEIVER
    }

    @Transactional
    public ReferralView accept(UUID id, int version) {
        ReferralView referral = transition(
                id, version, Side.RECEIVER, ReferralStatus.ACCEPTED, ReferralEventKind.ACCEPTED, null, Map.of());
        if (referral.consentStatus() == ConsentStatus.GIVEN) {
            if (referral.consentId() != null) {
                // the receiver sees the household for as long as the consent lasts
                consents.shareUnder(referral.consentId(), referral.toAgencyId(), "REFERRAL_ACCEPTED");
            } else {
                people.involve(referral.householdId(), referral.toAgencyId(), "REFERRAL_ACCEPTED");
            }
        }
        return referral;
    }

    @Transactional
    public ReferralView decline(UUID id, int version, String reason, @Nullable UUID suggestedAgencyId) {
        require(reason, "declineReason", "referral.error.declineReason");
        if (suggestedAgencyId != null && directory.agency(suggestedAgencyId).isEmpty()) {
            throw new RuleViolation("suggestedAgencyId", "referral.error.toAgency");
        }
        Map<String, Object> columns = new java.util.HashMap<>();
        columns.put("decline_reason", reason.strip());
        columns.put("suggested_agency_id", suggestedAgencyId);
        return transition(
                id,
                version,
                Side.RECEIVER,
                ReferralStatus.DECLINED,
                ReferralEventKind.DECLINED,
                reason.strip(),
                columns);
    }

    @Transactional
    public ReferralView requestInformation(UUID id, int version, String question) {
        require(question, "infoRequest", "referral.error.question");
        return transition(
                id,
                version,
                Side.RECEIVER,
                ReferralStatus.INFO_REQUESTED,
                ReferralEventKind.INFO_REQUESTED,
                question.strip(),
                Map.of("info_request", question.strip()));
    }

    @Transactional
    public ReferralView provideInformation(UUID id, int version, String answer) {
        require(answer, "answer", "referral.error.answer");
        ReferralView current = find(id);
        String tried = (current.tried() == null ? "" : current.tried() + "\n") + answer.strip();
        return transition(
                id,
                version,
                Side.SENDER,
                ReferralStatus.SENT,
                ReferralEventKind.INFO_PROVIDED,
                answer.strip(),
                Map.of("tried", tried));
    }

    @Transactional
    public ReferralView start(UUID id, int version) {
        return transition(
                id, version, Side.RECEIVER, ReferralStatus.IN_PROGRESS, ReferralEventKind.STARTED, null, Map.of());
    }

    @Transactional
    public ReferralView complete(UUID id, int version, ReferralOutcome outcome, @Nullable String note) {
        Map<String, Object> columns = new java.util.HashMap<>();
        columns.put("outcome", outcome.name());
        columns.put("outcome_note", blankToNull(note));
        return transition(
                id, version, Side.RECEIVER, ReferralStatus.COMPLETED, ReferralEventKind.COMPLETED, note, columns);
    }

    @Transactional
    public ReferralView withdraw(UUID id, int version, String reason) {
        require(reason, "withdrawReason", "referral.error.withdrawReason");
        return transition(
                id,
                version,
                Side.SENDER,
                ReferralStatus.WITHDRAWN,
                ReferralEventKind.WITHDRAWN,
                reason.strip(),
                Map.of());
    }

    /**
     * After a decline with a suggested agency, the sender sends the same referral (household, persons, issues,
     * summary, reasons, consent as given) to the suggested agency in one step, answering in a week; the declined one's
     * follow-up is confirmed with the new reference, so the loop of the first is closed by the second. Checked against
     * the version the sender saw: a second click finds the follow-up confirmed and sends nothing.
     */
    @Transactional
    public ReferralView resendToSuggested(UUID id, int version) {
        Actor actor = actor();
        ReferralView declined = find(id);
        checkSide(declined, actor, Side.SENDER);
        if (declined.status() != ReferralStatus.DECLINED
                || declined.suggestedAgencyId() == null
                || !declined.followUpNeeded()) {
            throw new RuleViolation(null, "referral.error.resendNotPossible");
        }
        if (declined.version() != version) {
            throw new OptimisticLockingFailureException("referral " + id + " changed");
        }
        ReferralView sent = send(new SendReferral(
                declined.householdId(),
                declined.consultationId(),
                declined.suggestedAgencyId(),
                null,
                declined.personIds(),
                declined.issueCodes(),
                declined.urgency(),
                declined.summary(),
                declined.reason(),
                declined.tried(),
                declined.consentStatus(),
                declined.consentScope(),
                today().plusDays(7)));
        confirmFollowUp(id, version, "→ " + sent.referenceNumber());
        return sent;
    }

    /** The sender confirms what happened for the person after the referral ended: the loop is closed. */
    @Transactional
    public ReferralView confirmFollowUp(UUID id, int version, String note) {
        require(note, "followUpNote", "referral.error.followUpNote");
        Actor actor = actor();
        ReferralView current = find(id);
        checkSide(current, actor, Side.SENDER);
        if (!current.followUpNeeded()) {
            throw new RuleViolation(null, "referral.error.followUpNotNeeded");
        }
        Timestamp now = Timestamp.from(clock.instant());
        int changed = jdbc.sql("""
                        update referral set follow_up_confirmed_at = :now, follow_up_note = :note, updated_at = :now,
                            updated_by = :by, version = version + 1
                        where municipality_id = :m and id = :id and version = :version
                        """)
                .param("now", now)
                .param("note", note.strip())
                .param("by", actor.username())
                .param("m", tenancy.municipalityId())
                .param("id", id)
                .param("version", version)
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("referral " + id + " changed");
        }
        record(id, actor, ReferralEventKind.FOLLOW_UP_CONFIRMED, current.status(), current.status(), note.strip());
        audit.record(AuditEntry.of(AuditAction.UPDATE, REFERRAL, id).withPurpose("follow-up"));
        return find(id);
    }

    private ReferralView transition(
            UUID id,
            int version,
            Side side,
            ReferralStatus to,
            ReferralEventKind kind,
            @Nullable String note,
            Map<String, Object> columns) {
        Actor actor = actor();
        ReferralView current = find(id);
        checkSide(current, actor, side);
        if (current.version() != version) {
            throw new OptimisticLockingFailureException("referral " + id + " changed");
        }
        if (!current.status().next().contains(to)) {
            throw new RuleViolation(
                    null, "referral.error.illegal", current.status().name(), to.name());
        }
        StringBuilder sets = new StringBuilder();
        var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource();
        for (var column : columns.entrySet()) {
            sets.append(", ").append(column.getKey()).append(" = :").append(column.getKey());
            params.addValue(column.getKey(), column.getValue());
        }
        Timestamp now = Timestamp.from(clock.instant());
        params.addValue("status", to.name());
        params.addValue("from", current.status().name());
        params.addValue("now", now);
        params.addValue("by", actor.username());
        params.addValue("m", tenancy.municipalityId());
        params.addValue("id", id);
        params.addValue("version", version);
        int changed = jdbc.sql("""
                        update referral set status = :status, last_activity_at = :now, overdue_since = null,
                            updated_at = :now, updated_by = :by, version = version + 1 %s
                        where municipality_id = :m and id = :id and version = :version and status = :from
                        """.formatted(sets)).paramSource(params).update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("referral " + id + " changed");
        }
        record(id, actor, kind, current.status(), to, note);
        audit.record(new AuditEntry(AuditAction.UPDATE, REFERRAL, id, "referral", Map.of("status", to.name())));
        events.publishEvent(
                new ReferralChanged(id, current.referenceNumber(), current.fromAgencyId(), current.toAgencyId(), kind));
        return find(id);
    }

    private static void checkSide(ReferralView referral, Actor actor, Side side) {
        UUID agency = side == Side.SENDER ? referral.fromAgencyId() : referral.toAgencyId();
        if (!agency.equals(actor.agencyId())) {
            throw new AccessDeniedException("not the " + side + " of the referral");
        }
    }

    private static void require(@Nullable String text, String field, String key) {
        if (text == null || text.isBlank()) {
            throw new RuleViolation(field, key);
        }
    }

    void record(
            UUID referralId,
            Actor actor,
            ReferralEventKind kind,
            @Nullable ReferralStatus from,
            @Nullable ReferralStatus to,
            @Nullable String note) {
        recordEvent(referralId, actor.username(), actor.agencyId(), kind, from, to, note);
    }

    void recordEvent(
            UUID referralId,
            String username,
            @Nullable UUID agencyId,
            ReferralEventKind kind,
            @Nullable ReferralStatus from,
            @Nullable ReferralStatus to,
            @Nullable String note) {
        jdbc.sql("""
                        insert into referral_event (municipality_id, id, referral_id, occurred_at, actor_username,
                            actor_agency_id, kind, from_status, to_status, note)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(Arrays.asList(
                        tenancy.municipalityId(),
                        Ids.newId(),
                        referralId,
                        Timestamp.from(clock.instant()),
                        username,
                        agencyId,
                        kind.name(),
                        from == null ? null : from.name(),
                        to == null ? null : to.name(),
                        note))
                .update();
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    /**
     * One referral for the current user, audited: the sender sees everything; the receiver sees the shared details
     * once it has accepted and only with the person's consent; a coordinator who is not a party sees the tracking
     * data without personal details.
     */
    @Transactional
    public ReferralView get(UUID id) {
        Actor actor = actor();
        ReferralView full = find(id);
        boolean sender = full.fromAgencyId().equals(actor.agencyId());
        boolean receiver = full.toAgencyId().equals(actor.agencyId());
        if (sender || receiver) {
            access.authorize(
                    PersonalDataAction.READ,
                    new RecordScope(REFERRAL, id, full.fromAgencyId(), Set.of(full.toAgencyId())),
                    sender ? "referral (sender)" : "referral (receiver)");
            return sender ? full : restrictFor(full);
        }
        if (actor.roleNames().contains("MUNICIPAL_COORDINATOR")) {
            audit.record(AuditEntry.of(AuditAction.READ, REFERRAL, id).withPurpose("oversight"));
            return withoutDetails(full);
        }
        throw new AccessDeniedException("not a party to the referral");
    }

    @Transactional(readOnly = true)
    public List<ReferralEventView> history(UUID id) {
        return jdbc.sql("""
                        select * from referral_event where municipality_id = ? and referral_id = ?
                        order by occurred_at, id
                        """)
                .params(tenancy.municipalityId(), id)
                .query((rs, i) -> new ReferralEventView(
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor_username"),
                        rs.getString("kind"),
                        status(rs.getString("from_status")),
                        status(rs.getString("to_status")),
                        rs.getString("note")))
                .list();
    }

    /** Referrals sent to the user's agency (inbox) or by it (sent), newest first, as that side sees them. */
    @Transactional
    public List<ReferralView> inbox() {
        Actor actor = actor();
        List<ReferralView> all = list("to_agency_id = :agency", actor.agencyId());
        Set<UUID> validConsents = validConsents(all);
        List<ReferralView> list =
                all.stream().map(r -> restrictFor(r, validConsents)).toList();
        audit.record(new AuditEntry(
                AuditAction.SEARCH, REFERRAL, null, "inbox", Map.of("results", String.valueOf(list.size()))));
        return list;
    }

    @Transactional
    public List<ReferralView> sent() {
        Actor actor = actor();
        List<ReferralView> list = list("from_agency_id = :agency", actor.agencyId());
        audit.record(new AuditEntry(
                AuditAction.SEARCH, REFERRAL, null, "sent", Map.of("results", String.valueOf(list.size()))));
        return list;
    }

    /** How a referral list is ordered. */
    public enum ListOrder {
        /** newest first (by the day it was sent) */
        NEWEST("created_at desc, id desc"),
        OLDEST("created_at, id"),
        /** by where it stands in the workflow: waiting for an answer first, closed last; newest first within */
        STATE("case status when 'SENT' then 0 when 'INFO_REQUESTED' then 1 when 'ACCEPTED' then 2"
                + " when 'IN_PROGRESS' then 3 when 'COMPLETED' then 4 when 'DECLINED' then 5 else 6 end,"
                + " created_at desc, id desc"),
        /** by the date an answer is wanted, earliest first */
        DUE("desired_response_date, created_at desc, id desc");

        private final String sql;

        ListOrder(String sql) {
            this.sql = sql;
        }
    }

    /** How many referrals a page of a list shows. */
    public static final int PAGE_SIZE = 20;

    /** One page of a referral list and how many referrals the whole list has. */
    public record ReferralPage(List<ReferralView> items, long total, int page) {

        public int pages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages();
        }
    }

    /**
     * One page of the referrals the user's agency received ({@code inbox}) or sent, optionally of one state, in the
     * given order, as that side sees them (the receiver without the details until it accepted under consent). Four
     * queries whatever the page holds: the page, the count, and the issue codes and persons of the page at once (and
     * the consents of the inbox page).
     */
    @Transactional
    public ReferralPage page(boolean inbox, @Nullable ReferralStatus state, ListOrder order, int page) {
        Actor actor = actor();
        int safePage = Math.max(0, page);
        String condition = (inbox ? "to_agency_id = :agency" : "from_agency_id = :agency")
                + (state == null ? "" : " and status = :state");
        var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("m", tenancy.municipalityId())
                .addValue("agency", actor.agencyId())
                .addValue("state", state == null ? null : state.name());
        long total = jdbc.sql(listCountSql(condition))
                .paramSource(params)
                .query(Long.class)
                .single();
        List<ReferralView> found = withIssuesAndPersons(jdbc.sql(listPageSql(condition, order))
                .paramSource(params.addValue("limit", PAGE_SIZE).addValue("offset", (long) safePage * PAGE_SIZE))
                .query((rs, i) -> row(rs, List.of(), List.of()))
                .list());
        List<ReferralView> items = found;
        if (inbox) {
            Set<UUID> validConsents = validConsents(found);
            items = found.stream().map(r -> restrictFor(r, validConsents)).toList();
        }
        audit.record(new AuditEntry(
                AuditAction.SEARCH,
                REFERRAL,
                null,
                inbox ? "inbox" : "sent",
                Map.of(
                        "results", String.valueOf(items.size()),
                        "state", state == null ? "" : state.name(),
                        "page", String.valueOf(safePage))));
        return new ReferralPage(items, total, safePage);
    }

    /**
     * The whole list (every page) of the referrals the user's agency received ({@code inbox}) or sent, of one state or
     * all, in the given order, exactly as {@link #page} shows it page by page (the receiver without the details until
     * it accepted under consent): for the export of the list (decision 0033). Audited as the page's search is.
     */
    @Transactional
    public List<ReferralView> whole(boolean inbox, @Nullable ReferralStatus state, ListOrder order) {
        Actor actor = actor();
        String condition = (inbox ? "to_agency_id = :agency" : "from_agency_id = :agency")
                + (state == null ? "" : " and status = :state");
        var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("m", tenancy.municipalityId())
                .addValue("agency", actor.agencyId())
                .addValue("state", state == null ? null : state.name())
                .addValue("limit", Long.MAX_VALUE)
                .addValue("offset", 0L);
        List<ReferralView> found = withIssuesAndPersons(jdbc.sql(listPageSql(condition, order))
                .paramSource(params)
                .query((rs, i) -> row(rs, List.of(), List.of()))
                .list());
        List<ReferralView> items = found;
        if (inbox) {
            Set<UUID> validConsents = validConsents(found);
            items = found.stream().map(r -> restrictFor(r, validConsents)).toList();
        }
        audit.record(new AuditEntry(
                AuditAction.SEARCH,
                REFERRAL,
                null,
                inbox ? "inbox" : "sent",
                Map.of(
                        "results",
                        String.valueOf(items.size()),
                        "state",
                        state == null ? "" : state.name(),
                        "page",
                        "all")));
        return items;
    }

    /** The SQL of a list page; public for QueryPlanTests, which EXPLAINs exactly this text. */
    public static String listPageSql(String condition, ListOrder order) {
        return "select * from referral where municipality_id = :m and %s order by %s limit :limit offset :offset"
                .formatted(condition, order.sql);
    }

    /** The SQL of a list's count; public for QueryPlanTests. */
    public static String listCountSql(String condition) {
        return "select count(*) from referral where municipality_id = :m and %s".formatted(condition);
    }

    /** Every overdue referral in the municipality, for the coordinators; tracking data only. */
    @Transactional
    public List<ReferralView> overdue() {
        Actor actor = actor();
        if (!actor.roleNames().contains("MUNICIPAL_COORDINATOR")) {
            throw new AccessDeniedException("coordinators only");
        }
        List<ReferralView> list = list("overdue_since is not null", null).stream()
                .map(ReferralService::withoutDetails)
                .toList();
        audit.record(new AuditEntry(
                AuditAction.SEARCH, REFERRAL, null, "oversight", Map.of("results", String.valueOf(list.size()))));
        return list;
    }

    /** The referrals about a household that the user's agency sent or received, for the household page. */
    @Transactional
    public List<ReferralView> forHousehold(UUID householdId) {
        Actor actor = actor();
        List<ReferralView> all = list(
                "household_id = :household and (from_agency_id = :agency or to_agency_id = :agency)",
                actor.agencyId(),
                householdId);
        Set<UUID> validConsents = validConsents(all);
        return all.stream()
                .map(r -> r.fromAgencyId().equals(actor.agencyId()) ? r : restrictFor(r, validConsents))
                .toList();
    }

    private ReferralView restrictFor(ReferralView full) {
        return restrictFor(full, full.consentId() == null ? Set.of() : validConsents(List.of(full)));
    }

    /** The consents the referrals were sent under that are valid now, asked in one query. */
    private Set<UUID> validConsents(List<ReferralView> referrals) {
        Set<UUID> ids = referrals.stream()
                .map(ReferralView::consentId)
                .filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
        return consents.validAmong(ids);
    }

    private static ReferralView restrictFor(ReferralView full, Set<UUID> validConsents) {
        boolean shared = full.consentStatus() == ConsentStatus.GIVEN
                && (full.consentId() == null || validConsents.contains(full.consentId()))
                && (full.status().active() || full.status() == ReferralStatus.COMPLETED);
        return shared ? full : withoutDetails(full);
    }

    /** What a party may see before the details are shared: no reason, nothing tried, no persons. */
    private static ReferralView withoutDetails(ReferralView r) {
        return copy(r, null, null, r.issueCodes(), List.of(), false);
    }

    private List<ReferralView> list(String condition, @Nullable UUID agency) {
        return list(condition, agency, null);
    }

    /**
     * The newest 500 referrals that meet the condition, in three queries whatever their number: the referrals, then
     * the issue codes and the persons of all of them at once ({@code referral_id = any(?)}).
     */
    private List<ReferralView> list(String condition, @Nullable UUID agency, @Nullable UUID household) {
        var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("m", tenancy.municipalityId())
                .addValue("agency", agency)
                .addValue("household", household);
        return withIssuesAndPersons(
                jdbc.sql("select * from referral where municipality_id = :m and %s order by created_at desc limit 500"
                                .formatted(condition))
                        .paramSource(params)
                        .query((rs, i) -> row(rs, List.of(), List.of()))
                        .list());
    }

    /** The referrals with their issue codes and persons, read for all of them at once (two queries). */
    private List<ReferralView> withIssuesAndPersons(List<ReferralView> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        UUID[] ids = found.stream().map(ReferralView::id).toArray(UUID[]::new);
        Map<UUID, List<String>> codes = new java.util.HashMap<>();
        jdbc.sql("""
                        select referral_id, issue_code from referral_issue
                        where municipality_id = ? and referral_id = any(?)
                        """).params(tenancy.municipalityId(), ids).query(rs -> {
            codes.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(rs.getString(2));
        });
        Map<UUID, List<UUID>> persons = new java.util.HashMap<>();
        jdbc.sql("""
                        select referral_id, person_id from referral_person
                        where municipality_id = ? and referral_id = any(?)
                        """).params(tenancy.municipalityId(), ids).query(rs -> {
            persons.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(rs.getObject(2, UUID.class));
        });
        List<ReferralView> result = new ArrayList<>(found.size());
        for (ReferralView r : found) {
            result.add(withLists(r, codes.getOrDefault(r.id(), List.of()), persons.getOrDefault(r.id(), List.of())));
        }
        return result;
    }

    /**
     * The referral without an access decision or audit: for this module's own code (services, demo loader) after it
     * has decided access itself. Other modules cannot reach it (domain is internal to the module).
     */
    public ReferralView find(UUID id) {
        List<String> codes = jdbc.sql(
                        "select issue_code from referral_issue where municipality_id = ? and referral_id = ?")
                .params(tenancy.municipalityId(), id)
                .query(String.class)
                .list();
        List<UUID> persons = jdbc.sql(
                        "select person_id from referral_person where municipality_id = ? and referral_id = ?")
                .params(tenancy.municipalityId(), id)
                .query(UUID.class)
                .list();
        return jdbc.sql("select * from referral where municipality_id = ? and id = ?")
                .params(tenancy.municipalityId(), id)
                .query((rs, i) -> row(rs, codes, persons))
                .optional()
                .orElseThrow(() -> new NotFoundException(REFERRAL, id));
    }

    private static ReferralView withLists(ReferralView r, List<String> codes, List<UUID> persons) {
        return copy(r, r.reason(), r.tried(), codes, persons, r.detailsShared());
    }

    /** The referral with the parts that differ between views replaced; everything else as it is. */
    private static ReferralView copy(
            ReferralView r,
            @Nullable String reason,
            @Nullable String tried,
            List<String> codes,
            List<UUID> persons,
            boolean detailsShared) {
        return new ReferralView(
                r.id(),
                r.referenceNumber(),
                r.householdId(),
                r.consultationId(),
                r.fromAgencyId(),
                r.toAgencyId(),
                r.toCounterId(),
                r.status(),
                r.urgency(),
                r.summary(),
                reason,
                tried,
                codes,
                persons,
                r.consentStatus(),
                r.consentScope(),
                r.consentId(),
                r.desiredResponseDate(),
                r.infoRequest(),
                r.declineReason(),
                r.suggestedAgencyId(),
                r.outcome(),
                r.outcomeNote(),
                r.sentAt(),
                r.lastActivityAt(),
                r.followUpConfirmedAt(),
                r.followUpNote(),
                r.overdueSince(),
                detailsShared,
                r.version());
    }

    private static ReferralView row(ResultSet rs, List<String> codes, List<UUID> persons) throws SQLException {
        String outcome = rs.getString("outcome");
        Timestamp followUp = rs.getTimestamp("follow_up_confirmed_at");
        Timestamp overdue = rs.getTimestamp("overdue_since");
        return new ReferralView(
                rs.getObject("id", UUID.class),
                rs.getString("reference_number"),
                rs.getObject("household_id", UUID.class),
                rs.getObject("consultation_id", UUID.class),
                rs.getObject("from_agency_id", UUID.class),
                rs.getObject("to_agency_id", UUID.class),
                rs.getObject("to_counter_id", UUID.class),
                ReferralStatus.valueOf(rs.getString("status")),
                Urgency.valueOf(rs.getString("urgency")),
                rs.getString("summary"),
                rs.getString("reason"),
                rs.getString("tried"),
                codes,
                persons,
                ConsentStatus.valueOf(rs.getString("consent_status")),
                rs.getString("consent_scope"),
                rs.getObject("consent_id", UUID.class),
                rs.getObject("desired_response_date", LocalDate.class),
                rs.getString("info_request"),
                rs.getString("decline_reason"),
                rs.getObject("suggested_agency_id", UUID.class),
                outcome == null ? null : ReferralOutcome.valueOf(outcome),
                rs.getString("outcome_note"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("last_activity_at").toInstant(),
                followUp == null ? null : followUp.toInstant(),
                rs.getString("follow_up_note"),
                overdue == null ? null : overdue.toInstant(),
                true,
                rs.getInt("version"));
    }

    private static @Nullable ReferralStatus status(@Nullable String name) {
        return name == null ? null : ReferralStatus.valueOf(name);
    }

    private Actor actor() {
        return CurrentActor.get().orElseThrow(() -> new AccessDeniedException("not authenticated"));
    }

    private LocalDate today() {
        return Japan.today(clock);
    }
}
