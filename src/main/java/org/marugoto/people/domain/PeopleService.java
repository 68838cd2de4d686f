package org.marugoto.people.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.AccessApi;
import org.marugoto.access.PersonalDataAction;
import org.marugoto.access.RecordScope;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.people.ApproximateBirth;
import org.marugoto.people.HouseholdView;
import org.marugoto.people.MemberView;
import org.marugoto.people.MembershipCommand;
import org.marugoto.people.MembershipEnd;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PersonCommand;
import org.marugoto.people.PersonView;
import org.marugoto.people.Relationship;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.FormSubmissions;
import org.marugoto.shared.Ids;
import org.marugoto.shared.Japan;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.marugoto.shared.text.Addresses;
import org.marugoto.shared.text.JapaneseText;
import org.marugoto.shared.text.PhoneNumbers;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Persons, households and memberships. Every read goes through the access decision point and is audited; every
 * change checks the version the user saw.
 */
@Service
public class PeopleService implements PeopleApi {

    static final String PERSON = "person";
    static final String HOUSEHOLD = "household";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AccessApi access;
    private final AuditApi audit;
    private final Clock clock;
    private final PersonRows rows;

    private final PersonSearch search;
    private final FormSubmissions submissions;
    private final LinkageService linkage;

    PeopleService(
            JdbcClient jdbc,
            Tenancy tenancy,
            AccessApi access,
            AuditApi audit,
            Clock clock,
            PersonRows rows,
            PersonSearch search,
            FormSubmissions submissions,
            LinkageService linkage) {
        this.linkage = linkage;
        this.search = search;
        this.submissions = submissions;
        this.jdbc = jdbc;
        this.rows = rows;
        this.tenancy = tenancy;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Inserts a person: the parameters of {@link #personParams} plus m, id, owner, now and by. */
    static final String INSERT_PERSON = """
            insert into person (municipality_id, id, owner_agency_id, family_name, given_name, family_name_kana,
                given_name_kana, former_names, sex, birth_date, birth_year, birth_month, birth_estimated, address, area_id, living_situation, phone, email,
                nationality, preferred_language, note, name_key, reading_key, loose_reading_key,
                former_name_keys, phone_key, address_key, created_at, created_by, updated_at, updated_by, version)
            values (:m, :id, :owner, :familyName, :givenName, :familyNameKana, :givenNameKana, :formerNames, :sex,
                :birthDate, :birthYear, :birthMonth, :birthEstimated, :address, :areaId, :livingSituation, :phone, :email, :nationality,
                :preferredLanguage, :note, :nameKey, :readingKey, :looseReadingKey, :formerNameKeys,
                :phoneKey, :addressKey, :now, :by, :now, :by, 0)
            """;

    // ---- registering and changing -------------------------------------------------------------------------

    /**
     * Registers a person and their membership of a household (a new one, or an existing one the user may change).
     * Duplicates are the caller's to show beforehand ({@link #duplicates}); nothing is merged here.
     */
    @Override
    @Transactional
    public MemberView register(PersonCommand person, MembershipCommand membership) {
        checkPerson(person);
        UUID agencyId = CurrentActor.get().orElseThrow().agencyId();
        UUID householdId = membership.householdId();
        if (householdId == null) {
            String name = membership.newHouseholdName() == null
                            || membership.newHouseholdName().isBlank()
                    ? person.familyName() + "家"
                    : membership.newHouseholdName().strip();
            householdId = createHousehold(name, person.address(), person.areaId(), agencyId);
        } else {
            access.authorize(PersonalDataAction.WRITE, householdScope(householdId), "register member");
        }
        UUID personId = Ids.newId();
        java.time.Instant now = now();
        jdbc.sql(INSERT_PERSON)
                .paramSource(personParams(person)
                        .addValue("m", tenancy.municipalityId())
                        .addValue("id", personId)
                        .addValue("owner", agencyId)
                        .addValue("now", Timestamp.from(now))
                        .addValue("by", CurrentActor.username()))
                .update();
        UUID memberId = addMembership(householdId, personId, membership);
        audit.record(AuditEntry.of(AuditAction.CREATE, PERSON, personId).withPurpose("register"));
        // linked as saved: probable matches go to the coordinators' review queue, nothing is merged
        linkage.linkPerson(personId);
        return member(memberId);
    }

    /**
     * Registers from the registration form, once per form token: a second submit of the same form (in sequence or in
     * parallel) answers with the first registration. Unless the user confirmed that the person is new, the duplicate
     * check runs in this transaction, after a lock on the family name's reading, so that two registrations of the
     * same person at once cannot both pass it: the second sees the first and is stopped ({@link PossibleDuplicates}).
     */
    @Transactional
    public MemberView registerOnce(
            UUID submissionToken, PersonCommand person, MembershipCommand membership, boolean checkDuplicates) {
        java.util.Optional<UUID> earlier = submissions.claim(submissionToken, PERSON);
        if (earlier.isPresent()) {
            return member(earlier.get());
        }
        if (checkDuplicates) {
            jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
                    .param("person-registration:"
                            + (person.familyNameKana().isBlank()
                                    ? JapaneseText.nameKey(person.familyName())
                                    : JapaneseText.looseReadingKey(person.familyNameKana())))
                    .query(rs -> {});
            access.authorizeSearch(PERSON, "duplicates of " + person.familyNameKana(), "register");
            List<org.marugoto.people.linkage.Candidate> candidates = linkage.candidatesFor(person, null);
            List<SearchHit> duplicates = visible(candidates);
            List<UUID> elsewhere = List.copyOf(linkage.elsewhere(candidates));
            if (!duplicates.isEmpty() || !elsewhere.isEmpty()) {
                throw new PossibleDuplicates(duplicates, elsewhere);
            }
        }
        MemberView member = register(person, membership);
        submissions.complete(submissionToken, member.id());
        return member;
    }

    /**
     * The persons the user's agency may see that the linkage engine rates as probably or possibly the person being
     * registered, with the engine's reasons: fewer and better warnings than the search conditions alone (a shared
     * phone or address is no duplicate; members of one household and parent and child with one name are none).
     */
    public List<SearchHit> duplicates(PersonCommand person) {
        access.authorizeSearch(PERSON, "duplicates of " + person.familyNameKana(), "register");
        return visible(linkage.candidatesFor(person, null));
    }

    /** The candidates the user's agency may see, as search hits with the reasons it may read (at most 10). */
    private List<SearchHit> visible(List<org.marugoto.people.linkage.Candidate> candidates) {
        org.marugoto.shared.Actor actor = CurrentActor.get().orElseThrow();
        List<SearchHit> hits = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (org.marugoto.people.linkage.Candidate c : candidates) {
            if (!seen.add(c.b()) || !access.mayAccess(actor, PersonalDataAction.READ, personScope(c.b()))) {
                continue;
            }
            PersonView found = findPerson(c.b());
            List<String> reasons = c.reasons().stream()
                    .filter(r -> !(found.masked() && r.aboutContact()))
                    .map(org.marugoto.people.linkage.Reason::messageKey)
                    .toList();
            hits.add(new SearchHit(found, householdsOf(c.b()), (int) Math.round(c.probability() * 100), reasons));
            if (hits.size() == 10) {
                break;
            }
        }
        return hits;
    }

    /** Adds a person already recorded to a household (e.g. a grandparent who moves in). */
    @Transactional
    public MemberView addExistingPerson(UUID householdId, UUID personId, MembershipCommand membership) {
        access.authorize(PersonalDataAction.WRITE, householdScope(householdId), "add member");
        access.authorize(PersonalDataAction.READ, personScope(personId), "add member");
        boolean already = jdbc.sql("""
                        select count(*) from household_member
                        where municipality_id = ? and household_id = ? and person_id = ? and member_to is null
                        """)
                        .params(tenancy.municipalityId(), householdId, personId)
                        .query(Long.class)
                        .single()
                > 0;
        if (already) {
            throw new RuleViolation(null, "household.error.alreadyMember");
        }
        return member(addMembership(householdId, personId, membership));
    }

    private UUID addMembership(UUID householdId, UUID personId, MembershipCommand membership) {
        UUID memberId = Ids.newId();
        Timestamp now = Timestamp.from(now());
        jdbc.sql("""
                        insert into household_member (municipality_id, id, household_id, person_id, relationship,
                            lives_together, member_from, created_at, created_by, updated_at, updated_by, version)
                        values (:m, :id, :household, :person, :relationship, :together, :from, :now, :by, :now, :by, 0)
                        """)
                .param("m", tenancy.municipalityId())
                .param("id", memberId)
                .param("household", householdId)
                .param("person", personId)
                .param("relationship", membership.relationship().name())
                .param("together", membership.livesTogether())
                .param("from", membership.memberFrom())
                .param("now", now)
                .param("by", CurrentActor.username())
                .update();
        return memberId;
    }

    private UUID createHousehold(String name, @Nullable String address, @Nullable UUID areaId, UUID agencyId) {
        UUID id = Ids.newId();
        long number = jdbc.sql("select nextval('household_case_number_seq')")
                .query(Long.class)
                .single();
        String caseNumber = "H%d-%05d".formatted(Japan.today(clock).getYear(), number);
        Timestamp now = Timestamp.from(now());
        jdbc.sql("""
                        insert into household (municipality_id, id, case_number, name, address, address_key, area_id,
                            owner_agency_id, created_at, created_by, updated_at, updated_by, version)
                        values (:m, :id, :caseNumber, :name, :address, :addressKey, :area, :owner, :now, :by, :now, :by, 0)
                        """)
                .param("m", tenancy.municipalityId())
                .param("id", id)
                .param("caseNumber", caseNumber)
                .param("name", name)
                .param("address", address)
                .param("addressKey", address == null ? null : Addresses.key(address))
                .param("area", areaId)
                .param("owner", agencyId)
                .param("now", now)
                .param("by", CurrentActor.username())
                .update();
        insertInvolvement(id, agencyId, "REGISTERED");
        audit.record(AuditEntry.of(AuditAction.CREATE, HOUSEHOLD, id).withPurpose("register"));
        return id;
    }

    @Transactional
    public PersonView update(UUID personId, int seenVersion, PersonCommand person) {
        checkPerson(person);
        access.authorize(PersonalDataAction.WRITE, personScope(personId), "update");
        int changed = jdbc.sql("""
                        update person set family_name = :familyName, given_name = :givenName,
                            family_name_kana = :familyNameKana, given_name_kana = :givenNameKana,
                            former_names = :formerNames, sex = :sex, birth_date = :birthDate,
                            birth_year = :birthYear, birth_month = :birthMonth, birth_estimated = :birthEstimated,
                            living_situation = :livingSituation,
                            nationality = :nationality, preferred_language = :preferredLanguage,
                            name_key = :nameKey, reading_key = :readingKey, loose_reading_key = :looseReadingKey,
                            former_name_keys = :formerNameKeys,
                            -- a protected person's screen never shows these, so left blank they keep what is stored
                            address = case when protected and cast(:address as varchar) is null then address else :address end,
                            address_key = case when protected and cast(:address as varchar) is null then address_key else :addressKey end,
                            area_id = case when protected and cast(:areaId as uuid) is null then area_id else :areaId end,
                            phone = case when protected and cast(:phone as varchar) is null then phone else :phone end,
                            phone_key = case when protected and cast(:phone as varchar) is null then phone_key else :phoneKey end,
                            email = case when protected and cast(:email as varchar) is null then email else :email end,
                            note = case when protected and cast(:note as text) is null then note else :note end,
                            updated_at = :now, updated_by = :by, version = version + 1
                        where municipality_id = :m and id = :id and version = :version
                        """)
                .paramSource(personParams(person)
                        .addValue("m", tenancy.municipalityId())
                        .addValue("id", personId)
                        .addValue("version", seenVersion)
                        .addValue("now", Timestamp.from(now()))
                        .addValue("by", CurrentActor.username()))
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("person " + personId + " was changed by someone else");
        }
        // re-linked as saved, as at registration: a changed name or date may find (or lose) a probable match
        linkage.linkPerson(personId);
        return findPerson(personId);
    }

    /** Ends a membership (moved out, died, ...). The row stays, so the household keeps its history. */
    @Override
    @Transactional
    public MemberView endMembership(UUID memberId, int seenVersion, LocalDate endedOn, MembershipEnd reason) {
        MemberView member = member(memberId);
        access.authorize(PersonalDataAction.WRITE, householdScope(member.householdId()), "end membership");
        if (!member.current()) {
            throw new RuleViolation(null, "household.error.alreadyEnded");
        }
        if (endedOn.isAfter(Japan.today(clock))) {
            throw new RuleViolation("endedOn", "validation.date.future");
        }
        if (member.memberFrom() != null && endedOn.isBefore(member.memberFrom())) {
            throw new RuleViolation("endedOn", "household.error.endBeforeStart");
        }
        int changed = jdbc.sql("""
                        update household_member set member_to = :to, end_reason = :reason, lives_together = false,
                            updated_at = :now, updated_by = :by, version = version + 1
                        where municipality_id = :m and id = :id and version = :version
                        """)
                .param("to", endedOn)
                .param("reason", reason.name())
                .param("now", Timestamp.from(now()))
                .param("by", CurrentActor.username())
                .param("m", tenancy.municipalityId())
                .param("id", memberId)
                .param("version", seenVersion)
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("membership " + memberId + " was changed by someone else");
        }
        if (reason == MembershipEnd.DIED) {
            jdbc.sql("""
                            update person set deceased_on = :on, updated_at = :now, updated_by = :by, version = version + 1
                            where municipality_id = :m and id = :id
                            """)
                    .param("on", endedOn)
                    .param("now", Timestamp.from(now()))
                    .param("by", CurrentActor.username())
                    .param("m", tenancy.municipalityId())
                    .param("id", member.person().id())
                    .update();
        }
        return member(memberId);
    }

    /** Refuses a person that the forms would refuse (reading, date of birth, phone). */
    void checkPerson(PersonCommand person) {
        // no reading at all is "not recorded" (decision 0038); a given reading alone is refused
        boolean noReading = person.familyNameKana().isBlank();
        if ((!noReading && !JapaneseText.isReading(person.familyNameKana()))
                || (person.givenNameKana() != null && (noReading || !JapaneseText.isReading(person.givenNameKana())))) {
            throw new RuleViolation("familyNameKana", "validation.kana");
        }
        if (person.birthDate() != null && person.birthDate().isAfter(Japan.today(clock))) {
            throw new RuleViolation("birthDate", "validation.date.future");
        }
        if (person.approximateBirth() != null && person.approximateBirth().isAfter(Japan.today(clock))) {
            throw new RuleViolation("birthDate", "validation.date.future");
        }
        if (person.phone() != null && PhoneNumbers.normalize(person.phone()).isEmpty()) {
            throw new RuleViolation("phone", "validation.phone");
        }
    }

    /**
     * The stored columns of a person with their normalised search and linkage keys (name, reading, loose reading,
     * former names, phone, address): the one place they are computed, for one registration or many.
     */
    static org.springframework.jdbc.core.namedparam.MapSqlParameterSource personParams(PersonCommand p) {
        String fullName = p.familyName() + (p.givenName() == null ? "" : p.givenName());
        String fullKana = p.familyNameKana() + (p.givenNameKana() == null ? "" : p.givenNameKana());
        String formerKeys = p.formerNames() == null
                ? ""
                : java.util.Arrays.stream(p.formerNames().split("[,、，\\n]"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .map(JapaneseText::nameKey)
                        .collect(Collectors.joining(" "));
        var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource();
        params.addValue("familyName", p.familyName());
        params.addValue("givenName", p.givenName());
        params.addValue("familyNameKana", p.familyNameKana());
        params.addValue("givenNameKana", p.givenNameKana());
        params.addValue("formerNames", p.formerNames());
        params.addValue("sex", p.sex().name());
        params.addValue("birthDate", p.birthDate());
        ApproximateBirth approx = p.birthDate() == null ? p.approximateBirth() : null;
        params.addValue("birthYear", approx == null ? null : approx.year());
        params.addValue("birthMonth", approx == null || approx.month() == 0 ? null : approx.month());
        params.addValue("birthEstimated", approx != null && approx.estimated());
        params.addValue("address", p.address());
        params.addValue("areaId", p.areaId());
        params.addValue(
                "livingSituation",
                p.livingSituation() == null ? null : p.livingSituation().name());
        params.addValue("phone", p.phone());
        params.addValue("email", p.email());
        params.addValue("nationality", p.nationality());
        params.addValue("preferredLanguage", p.preferredLanguage());
        params.addValue("note", p.note());
        params.addValue("nameKey", JapaneseText.nameKey(fullName));
        params.addValue("readingKey", JapaneseText.readingKey(fullKana));
        params.addValue("looseReadingKey", JapaneseText.looseReadingKey(fullKana));
        params.addValue("formerNameKeys", formerKeys);
        params.addValue(
                "phoneKey",
                p.phone() == null ? null : PhoneNumbers.normalize(p.phone()).orElse(null));
        params.addValue("addressKey", p.address() == null ? null : Addresses.key(p.address()));
        return params;
    }

    // ---- reading ------------------------------------------------------------------------------------------

    @Override
    @Transactional
    public HouseholdView household(UUID householdId, String purpose) {
        HouseholdView household = findHousehold(householdId);
        access.authorize(PersonalDataAction.READ, householdScope(householdId), purpose);
        return household;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, String> householdNames(java.util.Collection<UUID> householdIds) {
        var actor = CurrentActor.get();
        if (householdIds.isEmpty()
                || actor.isEmpty()
                || actor.get().roleNames().stream().noneMatch(PROFESSIONAL_ROLES::contains)) {
            return Map.of();
        }
        Map<UUID, String> names = new java.util.HashMap<>();
        jdbc.sql(HOUSEHOLD_NAMES_SQL)
                .param("m", tenancy.municipalityId())
                .param("ids", householdIds.stream().distinct().toArray(UUID[]::new))
                .param("agency", actor.get().agencyId())
                .param("now", Timestamp.from(now()))
                .query(rs -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("name"));
                });
        return names;
    }

    /** Public for QueryPlanTests, which EXPLAINs exactly this text. */
    public static final String HOUSEHOLD_NAMES_SQL = """
            select h.id, h.name from household h
            where h.municipality_id = :m and h.id = any(:ids)
              and (h.owner_agency_id = :agency
                   or exists (select 1 from household_agency a
                              where a.municipality_id = h.municipality_id and a.agency_id = :agency
                                and a.household_id = h.id and (a.ends_at is null or a.ends_at > :now)))
            """;

    private static final Set<String> PROFESSIONAL_ROLES =
            Set.of("CASEWORKER", "AGENCY_SUPERVISOR", "MUNICIPAL_COORDINATOR");

    @Override
    @Transactional
    public List<MemberView> members(UUID householdId) {
        access.authorize(PersonalDataAction.READ, householdScope(householdId), "members");
        return jdbc.sql("""
                        select m.id as member_id, m.household_id, m.relationship, m.lives_together, m.member_from,
                               m.member_to, m.end_reason, m.version as member_version, m.created_at as member_created_at, p.*
                        from household_member m join person p on p.municipality_id = m.municipality_id and p.id = m.person_id
                        where m.municipality_id = ? and m.household_id = ?
                        order by m.member_to nulls first, p.birth_date nulls last
                        """)
                .params(tenancy.municipalityId(), householdId)
                .query((rs, i) -> memberRow(rs))
                .list();
    }

    @Transactional
    public PersonView person(UUID personId, String purpose) {
        PersonView person = findPerson(personId);
        access.authorize(PersonalDataAction.READ, personScope(personId), purpose);
        return person;
    }

    /** The current and past households of a person (without a further audit row: the person read is audited). */
    @Transactional(readOnly = true)
    public List<HouseholdView> householdsOf(UUID personId) {
        return jdbc.sql("""
                        select distinct h.*, %s as protected from household h join household_member m
                          on m.municipality_id = h.municipality_id and m.household_id = h.id
                        where h.municipality_id = ? and m.person_id = ?
                        order by h.case_number
                        """.formatted(PersonRows.HOUSEHOLD_PROTECTED))
                .params(tenancy.municipalityId(), personId)
                .query((rs, i) -> rows.household(rs))
                .list();
    }

    MemberView member(UUID memberId) {
        return jdbc.sql("""
                        select m.id as member_id, m.household_id, m.relationship, m.lives_together, m.member_from,
                               m.member_to, m.end_reason, m.version as member_version, m.created_at as member_created_at, p.*
                        from household_member m join person p on p.municipality_id = m.municipality_id and p.id = m.person_id
                        where m.municipality_id = ? and m.id = ?
                        """)
                .params(tenancy.municipalityId(), memberId)
                .query((rs, i) -> memberRow(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("household_member", memberId));
    }

    PersonView findPerson(UUID personId) {
        return jdbc.sql("select * from person where municipality_id = ? and id = ?")
                .params(tenancy.municipalityId(), personId)
                .query((rs, i) -> rows.person(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException(PERSON, personId));
    }

    HouseholdView findHousehold(UUID householdId) {
        return jdbc.sql("select h.*, %s as protected from household h where h.municipality_id = ? and h.id = ?"
                        .formatted(PersonRows.HOUSEHOLD_PROTECTED))
                .params(tenancy.municipalityId(), householdId)
                .query((rs, i) -> rows.household(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException(HOUSEHOLD, householdId));
    }

    /** The household with this number (as typed: width and case folded), without reading it for anyone. */
    public java.util.Optional<UUID> householdIdByNumber(String caseNumber) {
        String number = java.text.Normalizer.normalize(caseNumber, java.text.Normalizer.Form.NFKC)
                .strip()
                .toUpperCase(java.util.Locale.ROOT);
        return jdbc.sql("select id from household where municipality_id = ? and case_number = ?")
                .params(tenancy.municipalityId(), number)
                .query(UUID.class)
                .optional();
    }

    /** Whether a household with this id exists, without reading it for anyone. */
    public boolean householdExists(UUID householdId) {
        return jdbc.sql("select count(*) from household where municipality_id = ? and id = ?")
                        .params(tenancy.municipalityId(), householdId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The persons who are or were members of the household: what an emergency access to it opens. */
    public Set<UUID> memberPersonIds(UUID householdId) {
        return new HashSet<>(
                jdbc.sql("select person_id from household_member where municipality_id = ? and household_id = ?")
                        .params(tenancy.municipalityId(), householdId)
                        .query(UUID.class)
                        .list());
    }

    /** The household number, for naming a record to reviewers (not personal data). */
    public String caseNumber(UUID householdId) {
        return findHousehold(householdId).caseNumber();
    }

    /** The current household of a person (the latest, if several), without reading it for anyone. */
    public java.util.Optional<UUID> currentHouseholdOf(UUID personId) {
        return jdbc.sql("select household_id from household_member where municipality_id = ? and person_id = ? "
                        + "order by member_to nulls first, created_at desc limit 1")
                .params(tenancy.municipalityId(), personId)
                .query(UUID.class)
                .optional();
    }

    // ---- access scopes ------------------------------------------------------------------------------------

    /**
     * Who may see the household now: the agency that registered it and the agencies involved with it, through their
     * own records or under a consent that has not ended (compared with the clock, so an expiry is exact).
     */
    @Override
    @Transactional(readOnly = true)
    public RecordScope householdScope(UUID householdId) {
        Map<UUID, RecordScope> remembered = PAGE_SCOPES.get();
        if (remembered != null) {
            RecordScope scope = remembered.get(householdId);
            if (scope == null) {
                scope = deriveHouseholdScope(householdId);
                remembered.put(householdId, scope);
            }
            return scope;
        }
        return deriveHouseholdScope(householdId);
    }

    /** The household scopes derived while a household page is put together: each household's once per page. */
    private static final ThreadLocal<Map<UUID, RecordScope>> PAGE_SCOPES = new ThreadLocal<>();

    /**
     * Puts the household page together: one audited view of the household ({@link AccessApi#asOneView}: one audit
     * row naming what the page shows, instead of one per consultation and section), during which the household's
     * access scope is derived once, not by every section again. The page only reads, so the scope cannot change
     * while it is put together.
     */
    public <T> T householdPage(UUID householdId, java.util.function.Supplier<T> page) {
        return access.asOneView(HOUSEHOLD, householdId, "household page", () -> {
            if (PAGE_SCOPES.get() != null) {
                return page.get();
            }
            PAGE_SCOPES.set(new java.util.HashMap<>());
            try {
                return page.get();
            } finally {
                PAGE_SCOPES.remove();
            }
        });
    }

    private RecordScope deriveHouseholdScope(UUID householdId) {
        HouseholdView household = findHousehold(householdId);
        Set<UUID> involved = new HashSet<>(jdbc.sql("""
                        select agency_id from household_agency where municipality_id = ? and household_id = ?
                          and (ends_at is null or ends_at > ?)
                        """)
                .params(tenancy.municipalityId(), householdId, Timestamp.from(now()))
                .query(UUID.class)
                .list());
        return new RecordScope(HOUSEHOLD, householdId, household.ownerAgencyId(), involved);
    }

    @Transactional(readOnly = true)
    public RecordScope personScope(UUID personId) {
        PersonView person = findPerson(personId);
        Set<UUID> involved = new HashSet<>(jdbc.sql("""
                        select distinct ha.agency_id from household_member m
                        join household_agency ha on ha.municipality_id = m.municipality_id and ha.household_id = m.household_id
                        where m.municipality_id = ? and m.person_id = ? and (ha.ends_at is null or ha.ends_at > ?)
                        """)
                .params(tenancy.municipalityId(), personId, Timestamp.from(now()))
                .query(UUID.class)
                .list());
        return new RecordScope(PERSON, personId, person.ownerAgencyId(), involved);
    }

    @Override
    @Transactional
    public void involve(UUID householdId, UUID agencyId, String reason) {
        insertInvolvement(householdId, agencyId, reason);
    }

    @Override
    @Transactional
    public void shareUnderConsent(
            UUID householdId, UUID agencyId, UUID consentId, @Nullable Instant endsAt, String reason) {
        Timestamp now = Timestamp.from(now());
        jdbc.sql("""
                        insert into household_agency (municipality_id, household_id, agency_id, reason, consent_id,
                            ends_at, visibility_current, created_at, created_by, updated_at, updated_by, version)
                        values (:m, :household, :agency, :reason, :consent, :ends, :current, :now, :by, :now, :by, 0)
                        on conflict do nothing
                        """)
                .param("m", tenancy.municipalityId())
                .param("household", householdId)
                .param("agency", agencyId)
                .param("reason", reason)
                .param("consent", consentId)
                .param("ends", endsAt == null ? null : Timestamp.from(endsAt))
                .param("current", endsAt == null)
                .param("now", now)
                .param("by", CurrentActor.username())
                .update();
        if (endsAt != null && !endsAt.isAfter(now())) {
            refreshVisibility(Set.of(householdId));
        }
    }

    @Override
    @Transactional
    public void endSharingUnderConsent(UUID consentId, Instant at) {
        Set<UUID> households = new HashSet<>(jdbc.sql("""
                        update household_agency set ends_at = :at, visibility_current = true, updated_at = :now,
                            updated_by = :by, version = version + 1
                        where municipality_id = :m and consent_id = :consent and (ends_at is null or ends_at > :at)
                        returning household_id
                        """)
                .param("at", Timestamp.from(at))
                .param("now", Timestamp.from(now()))
                .param("by", CurrentActor.username())
                .param("m", tenancy.municipalityId())
                .param("consent", consentId)
                .query(UUID.class)
                .list());
        refreshVisibility(households);
    }

    /** Recomputes which agencies may find the households' members in search, as of the clock's now. */
    void refreshVisibility(Set<UUID> householdIds) {
        if (householdIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update person p set visible_agencies = person_visible_agencies(p.id, :at)
                        where p.municipality_id = :m and p.id in (select m.person_id from household_member m
                                       where m.municipality_id = :m and m.household_id in (:households))
                        """)
                .param("at", Timestamp.from(now()))
                .param("m", tenancy.municipalityId())
                .param("households", householdIds)
                .update();
    }

    private void insertInvolvement(UUID householdId, UUID agencyId, String reason) {
        Timestamp now = Timestamp.from(now());
        jdbc.sql("""
                        insert into household_agency (municipality_id, household_id, agency_id, reason, created_at,
                            created_by, updated_at, updated_by, version)
                        values (:m, :household, :agency, :reason, :now, :by, :now, :by, 0)
                        on conflict do nothing
                        """)
                .param("m", tenancy.municipalityId())
                .param("household", householdId)
                .param("agency", agencyId)
                .param("reason", reason)
                .param("now", now)
                .param("by", CurrentActor.username())
                .update();
    }

    // ---- row mapping --------------------------------------------------------------------------------------

    private MemberView memberRow(ResultSet rs) throws SQLException {
        String end = rs.getString("end_reason");
        return new MemberView(
                rs.getObject("member_id", UUID.class),
                rs.getObject("household_id", UUID.class),
                rows.person(rs),
                Relationship.valueOf(rs.getString("relationship")),
                rs.getBoolean("lives_together"),
                rs.getObject("member_from", LocalDate.class),
                rs.getObject("member_to", LocalDate.class),
                end == null ? null : MembershipEnd.valueOf(end),
                rs.getTimestamp("member_created_at").toInstant(),
                rs.getInt("member_version"));
    }

    private java.time.Instant now() {
        return clock.instant();
    }

    /** Groups members by generation for the genogram-style view, oldest generation first. */
    public static Map<Integer, List<MemberView>> byGeneration(List<MemberView> members) {
        Map<Integer, List<MemberView>> result = new LinkedHashMap<>();
        members.stream()
                .sorted(java.util.Comparator.comparingInt(
                        (MemberView m) -> m.relationship().generation()))
                .forEach(m -> result.computeIfAbsent(m.relationship().generation(), k -> new ArrayList<>())
                        .add(m));
        return result;
    }
}
