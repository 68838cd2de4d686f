package org.marugoto.consultation.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.AccessApi;
import org.marugoto.access.PersonalDataAction;
import org.marugoto.access.RecordScope;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.consultation.Channel;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.ConsultationApi;
import org.marugoto.consultation.ConsultationReferred;
import org.marugoto.consultation.ConsultationView;
import org.marugoto.consultation.ConsulterType;
import org.marugoto.consultation.FirstResponse;
import org.marugoto.consultation.IssueCodeView;
import org.marugoto.consultation.Urgency;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.Japan;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records consultations at any counter, whatever their field: the counter records and chooses where it goes; it
 * never refuses. A consultation belongs to the agency that recorded it; agencies involved with the household see it
 * when the person consented to sharing.
 */
@Service
public class ConsultationService implements ConsultationApi {

    static final String CONSULTATION = "consultation";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AccessApi access;
    private final PeopleApi people;
    private final DirectoryApi directory;
    private final IssueCodes issueCodes;
    private final AuditApi audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ConsultationService(
            JdbcClient jdbc,
            Tenancy tenancy,
            AccessApi access,
            PeopleApi people,
            DirectoryApi directory,
            IssueCodes issueCodes,
            AuditApi audit,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.access = access;
        this.people = people;
        this.directory = directory;
        this.issueCodes = issueCodes;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records a consultation. A second submit of the same form (same token) returns the first record instead of
     * creating another.
     */
    @Transactional
    public ConsultationView record(ConsultationCommand command) {
        Optional<UUID> earlier = bySubmissionToken(command.submissionToken());
        if (earlier.isPresent()) {
            return get(earlier.get());
        }
        Actor actor = CurrentActor.get().orElseThrow();
        check(command, actor);
        RecordScope household = people.householdScope(command.householdId());
        access.authorize(PersonalDataAction.WRITE, household, "intake");
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(clock.instant());
        // a parallel submit of the same form waits here for the first one's commit and then inserts nothing: it
        // answers with the first record (an exception here would have aborted the transaction: a 500)
        int inserted = jdbc.sql("""
                            insert into consultation (municipality_id, id, household_id, agency_id, counter_id, received_at,
                                channel, consulter_type, consulter_relation, urgency, own_words, wishes, consent_status,
                                consent_date, consent_scope, first_response, referred_agency_id, response_note,
                                submission_token, created_at, created_by, updated_at, updated_by, version)
                            values (:m, :id, :household, :agency, :counter, :receivedAt, :channel, :consulterType,
                                :consulterRelation, :urgency, :ownWords, :wishes, :consentStatus, :consentDate,
                                :consentScope, :firstResponse, :referred, :responseNote, :token, :now, :by, :now, :by, 0)
                            on conflict (municipality_id, submission_token) do nothing
                            """)
                .param("m", tenancy.municipalityId())
                .param("id", id)
                .param("household", command.householdId())
                .param("agency", actor.agencyId())
                .param("counter", command.counterId())
                .param("receivedAt", Timestamp.from(command.receivedAt()))
                .param("channel", command.channel().name())
                .param("consulterType", command.consulterType().name())
                .param("consulterRelation", command.consulterRelation())
                .param("urgency", command.urgency().name())
                .param("ownWords", command.ownWords())
                .param("wishes", command.wishes())
                .param("consentStatus", command.consentStatus().name())
                .param("consentDate", command.consentDate())
                .param("consentScope", command.consentScope())
                .param("firstResponse", command.firstResponse().name())
                .param("referred", command.referredAgencyId())
                .param("responseNote", command.responseNote())
                .param("token", command.submissionToken())
                .param("now", now)
                .param("by", actor.username())
                .update();
        if (inserted == 0) {
            return get(bySubmissionToken(command.submissionToken()).orElseThrow());
        }
        String main = command.mainIssueCode() != null
                ? command.mainIssueCode()
                : command.issueCodes().getFirst();
        for (String code : new LinkedHashMap<String, Boolean>(toMap(command.issueCodes())).keySet()) {
            jdbc.sql("""
                            insert into consultation_issue (municipality_id, consultation_id, issue_code, main)
                            values (?, ?, ?, ?)
                            """)
                    .params(tenancy.municipalityId(), id, code, code.equals(main))
                    .update();
        }
        for (UUID person : new HashSet<>(command.personIds())) {
            jdbc.sql("insert into consultation_person (municipality_id, consultation_id, person_id) values (?, ?, ?)")
                    .params(tenancy.municipalityId(), id, person)
                    .update();
        }
        people.involve(command.householdId(), actor.agencyId(), "CONSULTATION");
        audit.record(AuditEntry.of(AuditAction.CREATE, CONSULTATION, id).withPurpose("intake"));
        if (command.firstResponse() == FirstResponse.REFERRED && command.referredAgencyId() != null) {
            // a real referral, created by the referral module in this transaction: it reaches the agency's inbox,
            // and the agency sees the household under the consent only once it accepts (docs/decisions/0019)
            events.publishEvent(new ConsultationReferred(
                    id,
                    command.householdId(),
                    command.referredAgencyId(),
                    List.copyOf(new LinkedHashSet<>(command.personIds())),
                    List.copyOf(new LinkedHashSet<>(command.issueCodes())),
                    command.urgency(),
                    referralSummary(command),
                    command.wishes(),
                    command.consentStatus(),
                    command.consentDate(),
                    command.consentScope()));
        }
        return find(id);
    }

    /** What the referral says it is about: the counter's note, else the person's own words, else the issues. */
    private String referralSummary(ConsultationCommand command) {
        String text = command.responseNote() != null && !command.responseNote().isBlank()
                ? command.responseNote()
                : command.ownWords() != null && !command.ownWords().isBlank()
                        ? command.ownWords()
                        : String.join("、", issueNames(command.issueCodes()));
        text = text.strip();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private List<String> issueNames(List<String> codes) {
        Map<String, IssueCodeView> all = issueCodesByCode();
        return codes.stream()
                .map(code -> all.containsKey(code) ? all.get(code).nameJa() : code)
                .toList();
    }

    private static Map<String, Boolean> toMap(List<String> codes) {
        Map<String, Boolean> map = new LinkedHashMap<>();
        codes.forEach(code -> map.put(code, true));
        return map;
    }

    private void check(ConsultationCommand command, Actor actor) {
        if (command.receivedAt().isAfter(clock.instant().plus(Duration.ofMinutes(5)))) {
            throw new RuleViolation("receivedAt", "validation.date.future");
        }
        if (command.issueCodes().isEmpty()) {
            throw new RuleViolation("issueCodes", "consultation.error.noIssue");
        }
        Set<String> known = new HashSet<>();
        issueCodes.active().forEach(code -> known.add(code.code()));
        if (!known.containsAll(command.issueCodes())) {
            throw new RuleViolation("issueCodes", "consultation.error.unknownIssue");
        }
        if (command.mainIssueCode() != null && !command.issueCodes().contains(command.mainIssueCode())) {
            throw new RuleViolation("mainIssueCode", "consultation.error.mainNotChosen");
        }
        if (command.personIds().isEmpty()) {
            throw new RuleViolation("personIds", "consultation.error.noPerson");
        }
        Set<UUID> members = new HashSet<>();
        for (MemberView member : people.members(command.householdId())) {
            if (member.current()) {
                members.add(member.person().id());
            }
        }
        if (!members.containsAll(command.personIds())) {
            throw new RuleViolation("personIds", "consultation.error.notMember");
        }
        if (command.counterId() != null
                && directory
                        .counter(command.counterId())
                        .filter(c -> c.agencyId().equals(actor.agencyId()))
                        .isEmpty()) {
            throw new RuleViolation("counterId", "consultation.error.counter");
        }
        if (command.firstResponse() == FirstResponse.REFERRED) {
            if (command.referredAgencyId() == null) {
                throw new RuleViolation("referredAgencyId", "consultation.error.referredAgency");
            }
            if (directory.agency(command.referredAgencyId()).isEmpty()) {
                throw new RuleViolation("referredAgencyId", "consultation.error.referredAgency");
            }
        }
        if (command.consentStatus() != ConsentStatus.NOT_ASKED && command.consentDate() == null) {
            throw new RuleViolation("consentDate", "consultation.error.consentDate");
        }
        if (command.consentDate() != null && command.consentDate().isAfter(Japan.today(clock))) {
            throw new RuleViolation("consentDate", "validation.date.future");
        }
    }

    private Optional<UUID> bySubmissionToken(UUID token) {
        return jdbc.sql("select id from consultation where municipality_id = ? and submission_token = ?")
                .params(tenancy.municipalityId(), token)
                .query(UUID.class)
                .optional();
    }

    @Override
    @Transactional
    public ConsultationView get(UUID id) {
        ConsultationView consultation = find(id);
        access.authorize(
                PersonalDataAction.READ,
                scope(id, consultation.agencyId(), consultation.householdId(), consultation.consentStatus()),
                "read consultation");
        return consultation;
    }

    /** The consultations about a household that the household page shows first: the newest this many. */
    public static final int HOUSEHOLD_PAGE = 50;

    /** The consultations about a household: the newest {@link #HOUSEHOLD_PAGE} the user may see, and the counts. */
    @Transactional
    public HouseholdConsultations forHousehold(UUID householdId) {
        return forHousehold(householdId, HOUSEHOLD_PAGE);
    }

    /**
     * The consultations about a household: the newest {@code limit} of those the user may see, how many more they
     * may see, and how many others exist. A fixed number of queries however long the history: the consultations, then
     * the issue codes and persons of those shown, all at once. Each one shown is authorized (and so audited).
     */
    @Transactional
    public HouseholdConsultations forHousehold(UUID householdId, int limit) {
        Actor actor = CurrentActor.get().orElseThrow();
        Set<UUID> involved = people.householdScope(householdId).sharedWithAgencyIds();
        List<ConsultationView> rows = jdbc.sql("""
                        select * from consultation where municipality_id = ? and household_id = ?
                        order by received_at desc
                        """)
                .params(tenancy.municipalityId(), householdId)
                .query((rs, i) -> row(rs, List.of(), null, List.of()))
                .list();
        List<ConsultationView> shown = new ArrayList<>();
        int hidden = 0;
        int more = 0;
        for (ConsultationView consultation : rows) {
            RecordScope scope =
                    scope(consultation.id(), consultation.agencyId(), involved, consultation.consentStatus());
            if (!access.mayAccess(actor, PersonalDataAction.READ, scope)) {
                hidden++;
            } else if (shown.size() < limit) {
                access.authorize(PersonalDataAction.READ, scope, "household page");
                shown.add(consultation);
            } else {
                more++;
            }
        }
        return new HouseholdConsultations(withIssuesAndPersons(shown), hidden, more);
    }

    /** What the household page shows: visible consultations and a count of those the user may not open. */
    public record HouseholdConsultations(List<ConsultationView> visible, int hidden, int more) {

        public HouseholdConsultations(List<ConsultationView> visible, int hidden) {
            this(visible, hidden, 0);
        }
    }

    /** The consultations with their issue codes and persons, read for all of them in two queries. */
    private List<ConsultationView> withIssuesAndPersons(List<ConsultationView> consultations) {
        if (consultations.isEmpty()) {
            return consultations;
        }
        UUID[] ids = consultations.stream().map(ConsultationView::id).toArray(UUID[]::new);
        Map<UUID, List<String>> codes = new java.util.HashMap<>();
        Map<UUID, String> main = new java.util.HashMap<>();
        jdbc.sql("""
                        select consultation_id, issue_code, main from consultation_issue
                        where municipality_id = ? and consultation_id = any(?)
                        """).params(tenancy.municipalityId(), ids).query(rs -> {
            UUID id = rs.getObject("consultation_id", UUID.class);
            codes.computeIfAbsent(id, k -> new ArrayList<>()).add(rs.getString("issue_code"));
            if (rs.getBoolean("main")) {
                main.put(id, rs.getString("issue_code"));
            }
        });
        Map<UUID, List<UUID>> persons = new java.util.HashMap<>();
        jdbc.sql("""
                        select consultation_id, person_id from consultation_person
                        where municipality_id = ? and consultation_id = any(?)
                        """).params(tenancy.municipalityId(), ids).query(rs -> {
            persons.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(rs.getObject(2, UUID.class));
        });
        return consultations.stream()
                .map(c -> new ConsultationView(
                        c.id(),
                        c.householdId(),
                        c.agencyId(),
                        c.counterId(),
                        c.receivedAt(),
                        c.channel(),
                        c.consulterType(),
                        c.consulterRelation(),
                        c.urgency(),
                        c.ownWords(),
                        c.wishes(),
                        c.consentStatus(),
                        c.consentDate(),
                        c.consentScope(),
                        c.firstResponse(),
                        c.referredAgencyId(),
                        c.responseNote(),
                        List.copyOf(codes.getOrDefault(c.id(), List.of())),
                        main.get(c.id()),
                        persons.getOrDefault(c.id(), List.of()),
                        c.recordedBy()))
                .toList();
    }

    private RecordScope scope(UUID id, UUID agencyId, UUID householdId, ConsentStatus consent) {
        return scope(
                id,
                agencyId,
                consent == ConsentStatus.GIVEN
                        ? people.householdScope(householdId).sharedWithAgencyIds()
                        : Set.of(),
                consent);
    }

    /** A consultation is shared with the household's involved agencies only when the person consented. */
    private static RecordScope scope(UUID id, UUID agencyId, Set<UUID> involved, ConsentStatus consent) {
        return new RecordScope(CONSULTATION, id, agencyId, consent == ConsentStatus.GIVEN ? involved : Set.of());
    }

    ConsultationView find(UUID id) {
        List<String> codes = new ArrayList<>();
        String[] main = {null};
        jdbc.sql("select issue_code, main from consultation_issue where municipality_id = ? and consultation_id = ?")
                .params(tenancy.municipalityId(), id)
                .query(rs -> {
                    codes.add(rs.getString("issue_code"));
                    if (rs.getBoolean("main")) {
                        main[0] = rs.getString("issue_code");
                    }
                });
        List<UUID> persons = jdbc.sql(
                        "select person_id from consultation_person where municipality_id = ? and consultation_id = ?")
                .params(tenancy.municipalityId(), id)
                .query(UUID.class)
                .list();
        return jdbc.sql("select * from consultation where municipality_id = ? and id = ?")
                .params(tenancy.municipalityId(), id)
                .query((rs, i) -> row(rs, codes, main[0], persons))
                .optional()
                .orElseThrow(() -> new NotFoundException(CONSULTATION, id));
    }

    private static ConsultationView row(ResultSet rs, List<String> codes, @Nullable String main, List<UUID> persons)
            throws SQLException {
        return new ConsultationView(
                rs.getObject("id", UUID.class),
                rs.getObject("household_id", UUID.class),
                rs.getObject("agency_id", UUID.class),
                rs.getObject("counter_id", UUID.class),
                rs.getTimestamp("received_at").toInstant(),
                Channel.valueOf(rs.getString("channel")),
                ConsulterType.valueOf(rs.getString("consulter_type")),
                rs.getString("consulter_relation"),
                Urgency.valueOf(rs.getString("urgency")),
                rs.getString("own_words"),
                rs.getString("wishes"),
                ConsentStatus.valueOf(rs.getString("consent_status")),
                rs.getObject("consent_date", LocalDate.class),
                rs.getString("consent_scope"),
                FirstResponse.valueOf(rs.getString("first_response")),
                rs.getObject("referred_agency_id", UUID.class),
                rs.getString("response_note"),
                List.copyOf(codes),
                main,
                persons,
                rs.getString("created_by"));
    }

    @Override
    public Map<String, IssueCodeView> issueCodesByCode() {
        Map<String, IssueCodeView> map = new LinkedHashMap<>();
        issueCodes.all().forEach(code -> map.put(code.code(), code));
        return map;
    }
}
