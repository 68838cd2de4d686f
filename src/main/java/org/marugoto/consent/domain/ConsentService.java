package org.marugoto.consent.domain;

import static org.marugoto.shared.text.Texts.blankToNull;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.AccessApi;
import org.marugoto.access.PersonalDataAction;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.consent.ConsentApi;
import org.marugoto.consent.ConsentGiver;
import org.marugoto.consent.ConsentMethod;
import org.marugoto.consent.ConsentPurpose;
import org.marugoto.consent.ConsentState;
import org.marugoto.consent.ConsentView;
import org.marugoto.consent.ConsentWithdrawal;
import org.marugoto.consent.RecordConsent;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.Japan;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent records and what follows from them. A consent is valid from the day it was given through its "valid until"
 * day (Japan time) unless withdrawn; a withdrawal takes effect when it is recorded, whatever day the person said it.
 */
@Service
public class ConsentService implements ConsentApi {

    static final String CONSENT = "consent";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AccessApi access;
    private final AuditApi audit;
    private final PeopleApi people;
    private final DirectoryApi directory;
    private final Clock clock;

    ConsentService(
            JdbcClient jdbc,
            Tenancy tenancy,
            AccessApi access,
            AuditApi audit,
            PeopleApi people,
            DirectoryApi directory,
            Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.access = access;
        this.audit = audit;
        this.people = people;
        this.directory = directory;
        this.clock = clock;
    }

    // ---- recording -------------------------------------------------------------------------------------------

    @Override
    @Transactional
    public ConsentView record(RecordConsent command) {
        access.authorize(PersonalDataAction.WRITE, people.householdScope(command.householdId()), "record consent");
        check(command);
        UUID id = insert(command);
        audit.record(new AuditEntry(
                AuditAction.CREATE,
                CONSENT,
                id,
                "consent",
                Map.of(
                        "household", command.householdId().toString(),
                        "purposes", names(command.purposes()),
                        "agencies", String.valueOf(command.agencyIds().size()))));
        if (command.purposes().contains(ConsentPurpose.INFORMATION_SHARING)) {
            ConsentView consent = find(id);
            if (consent.valid()) {
                for (UUID agency : consent.agencyIds()) {
                    people.shareUnderConsent(
                            consent.householdId(), agency, id, endsAt(consent.validUntil()), "CONSENT");
                }
            }
        }
        return find(id);
    }

    private void check(RecordConsent command) {
        LocalDate today = today();
        if (command.personIds().isEmpty()) {
            throw new RuleViolation("personIds", "consent.error.persons");
        }
        Set<UUID> members = people.members(command.householdId()).stream()
                .map(m -> m.person().id())
                .collect(Collectors.toSet());
        if (!members.containsAll(command.personIds())) {
            throw new RuleViolation("personIds", "consent.error.notMember");
        }
        if (command.givenBy() == ConsentGiver.REPRESENTATIVE
                && (blank(command.representativeName()) || blank(command.representativeRelation()))) {
            throw new RuleViolation("representativeName", "consent.error.representative");
        }
        if (command.agencyIds().isEmpty()
                || command.agencyIds().stream()
                        .anyMatch(a -> directory.agency(a).isEmpty())) {
            throw new RuleViolation("agencyIds", "consent.error.agencies");
        }
        if (command.purposes().isEmpty()) {
            throw new RuleViolation("purposes", "consent.error.purposes");
        }
        if (command.method() == ConsentMethod.VERBAL_WITH_WITNESS && blank(command.witness())) {
            throw new RuleViolation("witness", "consent.error.witness");
        }
        if (command.givenOn().isAfter(today)) {
            throw new RuleViolation("givenOn", "validation.date.future");
        }
        if (command.validUntil() != null && command.validUntil().isBefore(command.givenOn())) {
            throw new RuleViolation("validUntil", "consent.error.untilBeforeGiven");
        }
        if (command.validUntil() != null && command.validUntil().isBefore(today)) {
            throw new RuleViolation("validUntil", "consent.error.untilPast");
        }
    }

    private UUID insert(RecordConsent command) {
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into consent (municipality_id, id, household_id, person_ids, given_by, representative_name,
                            representative_relation, agency_ids, purposes, method, witness, given_on, valid_until, note,
                            recorded_by_agency_id, created_at, created_by, updated_at, updated_by, version)
                        values (:m, :id, :household, cast(:persons as uuid[]), :givenBy, :repName, :repRelation,
                            cast(:agencies as uuid[]), cast(:purposes as varchar(40)[]), :method, :witness, :givenOn,
                            :validUntil, :note, :agency, :now, :by, :now, :by, 0)
                        """)
                .param("m", tenancy.municipalityId())
                .param("id", id)
                .param("household", command.householdId())
                .param("persons", arrayLiteral(new LinkedHashSet<>(command.personIds())))
                .param("givenBy", command.givenBy().name())
                .param(
                        "repName",
                        command.givenBy() == ConsentGiver.REPRESENTATIVE
                                ? blankToNull(command.representativeName())
                                : null)
                .param(
                        "repRelation",
                        command.givenBy() == ConsentGiver.REPRESENTATIVE
                                ? blankToNull(command.representativeRelation())
                                : null)
                .param("agencies", arrayLiteral(new LinkedHashSet<>(command.agencyIds())))
                .param(
                        "purposes",
                        arrayLiteral(command.purposes().stream().map(Enum::name).toList()))
                .param("method", command.method().name())
                .param("witness", blankToNull(command.witness()))
                .param("givenOn", command.givenOn())
                .param("validUntil", command.validUntil())
                .param("note", blankToNull(command.note()))
                .param("agency", CurrentActor.get().orElseThrow().agencyId())
                .param("now", now)
                .param("by", CurrentActor.username())
                .update();
        return id;
    }

    @Override
    @Transactional
    public ConsentView withdraw(UUID consentId, int seenVersion, ConsentWithdrawal withdrawal) {
        ConsentView consent = find(consentId);
        access.authorize(PersonalDataAction.WRITE, people.householdScope(consent.householdId()), "withdraw consent");
        if (consent.state() == ConsentState.WITHDRAWN) {
            throw new RuleViolation(null, "consent.error.alreadyWithdrawn");
        }
        if (withdrawal.withdrawnOn().isAfter(today())) {
            throw new RuleViolation("withdrawnOn", "validation.date.future");
        }
        if (withdrawal.withdrawnOn().isBefore(consent.givenOn())) {
            throw new RuleViolation("withdrawnOn", "consent.error.withdrawnBeforeGiven");
        }
        if (withdrawal.method() == ConsentMethod.CONFIRMED_AT_REFERRAL) {
            throw new RuleViolation("method", "consent.error.method");
        }
        Instant now = clock.instant();
        int changed = jdbc.sql("""
                        update consent set withdrawn_on = :on, withdrawn_at = :now, withdrawal_method = :method,
                            withdrawal_reason = :reason, withdrawn_by = :by, updated_at = :now, updated_by = :by,
                            version = version + 1
                        where municipality_id = :m and id = :id and version = :version and withdrawn_at is null
                        """)
                .param("on", withdrawal.withdrawnOn())
                .param("now", Timestamp.from(now))
                .param("method", withdrawal.method().name())
                .param("reason", blankToNull(withdrawal.reason()))
                .param("by", CurrentActor.username())
                .param("m", tenancy.municipalityId())
                .param("id", consentId)
                .param("version", seenVersion)
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("consent " + consentId + " was changed by someone else");
        }
        people.endSharingUnderConsent(consentId, now);
        audit.record(new AuditEntry(
                AuditAction.CONSENT_WITHDRAWN,
                CONSENT,
                consentId,
                "consent",
                Map.of(
                        "household",
                        consent.householdId().toString(),
                        "method",
                        withdrawal.method().name())));
        return find(consentId);
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    @Override
    @Transactional
    public List<ConsentView> forHousehold(UUID householdId) {
        access.authorize(PersonalDataAction.READ, people.householdScope(householdId), "consents");
        return jdbc.sql("""
                        select * from consent where municipality_id = ? and household_id = ?
                        order by given_on desc, created_at desc
                        """)
                .params(tenancy.municipalityId(), householdId)
                .query((rs, i) -> row(rs))
                .list();
    }

    @Override
    @Transactional
    public ConsentView get(UUID consentId) {
        ConsentView consent = find(consentId);
        access.authorize(PersonalDataAction.READ, people.householdScope(consent.householdId()), "consent");
        return consent;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ConsentView> validConsentOfHousehold(UUID householdId, UUID agencyId, ConsentPurpose purpose) {
        return valid("household_id = :subject", householdId, agencyId, purpose);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ConsentView> validConsentOfPerson(UUID personId, UUID agencyId, ConsentPurpose purpose) {
        return valid(":subject = any(person_ids)", personId, agencyId, purpose);
    }

    private Optional<ConsentView> valid(String subject, UUID subjectId, UUID agencyId, ConsentPurpose purpose) {
        LocalDate today = today();
        return jdbc.sql("""
                        select * from consent
                        where municipality_id = :m and %s and :agency = any(agency_ids) and :purpose = any(purposes)
                          and withdrawn_at is null and given_on <= :today
                          and (valid_until is null or valid_until >= :today)
                        order by given_on desc, created_at desc
                        limit 1
                        """.formatted(subject))
                .param("m", tenancy.municipalityId())
                .param("subject", subjectId)
                .param("agency", agencyId)
                .param("purpose", purpose.name())
                .param("today", today)
                .query((rs, i) -> row(rs))
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isValid(UUID consentId) {
        return find(consentId).valid();
    }

    @Override
    @Transactional(readOnly = true)
    public Set<UUID> validAmong(java.util.Collection<UUID> consentIds) {
        if (consentIds.isEmpty()) {
            return Set.of();
        }
        Set<UUID> valid = new java.util.HashSet<>();
        jdbc.sql("select * from consent where municipality_id = ? and id = any(?)")
                .params(tenancy.municipalityId(), consentIds.toArray(UUID[]::new))
                .query(rs -> {
                    ConsentView consent = row(rs);
                    if (consent.valid()) {
                        valid.add(consent.id());
                    }
                });
        return valid;
    }

    @Override
    @Transactional(readOnly = true)
    public ConsentState stateOf(UUID consentId) {
        return find(consentId).state();
    }

    @Override
    @Transactional
    public ConsentView forReferral(
            UUID householdId, List<UUID> personIds, UUID toAgencyId, LocalDate givenOn, @Nullable String note) {
        Optional<ConsentView> existing = validConsentOfHousehold(householdId, toAgencyId, ConsentPurpose.REFERRAL)
                .filter(c -> c.personIds().containsAll(personIds));
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID id = insert(new RecordConsent(
                householdId,
                personIds,
                ConsentGiver.PERSON,
                null,
                null,
                List.of(toAgencyId),
                EnumSet.of(ConsentPurpose.REFERRAL),
                ConsentMethod.CONFIRMED_AT_REFERRAL,
                null,
                givenOn.isAfter(today()) ? today() : givenOn,
                null,
                note));
        audit.record(new AuditEntry(
                AuditAction.CREATE,
                CONSENT,
                id,
                "referral",
                Map.of("household", householdId.toString(), "purposes", ConsentPurpose.REFERRAL.name())));
        return find(id);
    }

    @Override
    @Transactional
    public boolean shareUnder(UUID consentId, UUID agencyId, String reason) {
        ConsentView consent = find(consentId);
        if (!consent.valid() || !consent.agencyIds().contains(agencyId)) {
            return false;
        }
        people.shareUnderConsent(consent.householdId(), agencyId, consentId, endsAt(consent.validUntil()), reason);
        return true;
    }

    ConsentView find(UUID id) {
        return jdbc.sql("select * from consent where municipality_id = ? and id = ?")
                .params(tenancy.municipalityId(), id)
                .query((rs, i) -> row(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException(CONSENT, id));
    }

    /** The instant sharing ends for a consent valid through the given day (Japan time); null: no end date. */
    static @Nullable Instant endsAt(@Nullable LocalDate validUntil) {
        return validUntil == null
                ? null
                : validUntil.plusDays(1).atStartOfDay(Japan.ZONE).toInstant();
    }

    private LocalDate today() {
        return Japan.today(clock);
    }

    // ---- row mapping -----------------------------------------------------------------------------------------

    private ConsentView row(ResultSet rs) throws SQLException {
        LocalDate givenOn = rs.getObject("given_on", LocalDate.class);
        LocalDate validUntil = rs.getObject("valid_until", LocalDate.class);
        Timestamp withdrawnAt = rs.getTimestamp("withdrawn_at");
        LocalDate today = today();
        ConsentState state = withdrawnAt != null && !withdrawnAt.toInstant().isAfter(clock.instant())
                ? ConsentState.WITHDRAWN
                : validUntil != null && validUntil.isBefore(today) ? ConsentState.EXPIRED : ConsentState.VALID;
        String withdrawalMethod = rs.getString("withdrawal_method");
        Set<ConsentPurpose> purposes = EnumSet.noneOf(ConsentPurpose.class);
        for (String p : strings(rs.getArray("purposes"))) {
            purposes.add(ConsentPurpose.valueOf(p));
        }
        return new ConsentView(
                rs.getObject("id", UUID.class),
                rs.getObject("household_id", UUID.class),
                uuids(rs.getArray("person_ids")),
                ConsentGiver.valueOf(rs.getString("given_by")),
                rs.getString("representative_name"),
                rs.getString("representative_relation"),
                uuids(rs.getArray("agency_ids")),
                purposes,
                ConsentMethod.valueOf(rs.getString("method")),
                rs.getString("witness"),
                givenOn,
                validUntil,
                rs.getString("note"),
                rs.getObject("recorded_by_agency_id", UUID.class),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getObject("withdrawn_on", LocalDate.class),
                withdrawnAt == null ? null : withdrawnAt.toInstant(),
                withdrawalMethod == null ? null : ConsentMethod.valueOf(withdrawalMethod),
                rs.getString("withdrawal_reason"),
                rs.getString("withdrawn_by"),
                state,
                rs.getInt("version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        List<String> result = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            result.add(o.toString());
        }
        return result;
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return strings(array).stream().map(UUID::fromString).toList();
    }

    private static String arrayLiteral(java.util.Collection<?> values) {
        return values.stream().map(Object::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static String names(Set<ConsentPurpose> purposes) {
        return purposes.stream().map(Enum::name).sorted().collect(Collectors.joining("+"));
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    /** The members of a household that a consent names, for display. */
    public static List<MemberView> named(List<MemberView> members, ConsentView consent) {
        return members.stream()
                .filter(m -> consent.personIds().contains(m.person().id()))
                .toList();
    }
}
