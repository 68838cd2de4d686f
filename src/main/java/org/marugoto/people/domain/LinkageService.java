package org.marugoto.people.domain;

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
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.people.ApproximateBirth;
import org.marugoto.people.PersonCommand;
import org.marugoto.people.linkage.ApproxDate;
import org.marugoto.people.linkage.Candidate;
import org.marugoto.people.linkage.Decision;
import org.marugoto.people.linkage.LinkRecord;
import org.marugoto.people.linkage.LinkageEngine;
import org.marugoto.people.linkage.Model;
import org.marugoto.people.linkage.NameFrequencies;
import org.marugoto.people.linkage.Reason;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.Tenancy;
import org.marugoto.shared.text.JapaneseText;
import org.marugoto.shared.text.PhoneNumbers;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Record linkage (名寄せ) over the municipality's person records (decision 0029): candidate links found by the
 * engine as persons are saved or in a batch run, a review queue that only the municipality's coordinators work, and
 * confirmed links that join records into one identity without copying or changing any of them. Nothing is merged
 * automatically. What an agency may see of a linked person still follows the existing rules: a link opens nothing.
 */
@Service
public class LinkageService {

    static final String CANDIDATE = "person_link_candidate";
    static final String IDENTITY = "person_identity_link";
    private static final String COORDINATOR = "MUNICIPAL_COORDINATOR";
    static final int BLOCK_LIMIT = 2000;

    static final String RECORD_COLUMNS = """
            p.id, p.owner_agency_id, p.family_name, p.given_name, p.family_name_kana, p.given_name_kana,
            p.former_names, p.sex, p.birth_date, p.birth_year, p.birth_month, p.birth_estimated, p.phone, p.address, p.protected,
            (select m.household_id from household_member m where m.municipality_id = p.municipality_id
               and m.person_id = p.id and m.member_to is null order by m.created_at desc limit 1) as household_id
            """;

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AuditApi audit;
    private final Clock clock;

    LinkageService(JdbcClient jdbc, Tenancy tenancy, AuditApi audit, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.audit = audit;
        this.clock = clock;
    }

    /** One pair in the coordinator's queue: the two records, the minimum needed to decide, and why. */
    public record QueueItem(
            UUID id,
            Side a,
            Side b,
            double probability,
            Decision decision,
            List<Reason> reasons,
            String status,
            int version,
            @Nullable Request request) {}

    /** Who asked the coordinator to confirm the pair (decision 0038), when and why. */
    public record Request(
            String username,
            @Nullable UUID agencyId,
            java.time.Instant at,
            @Nullable String reason) {}

    /** One side of a pair as the coordinator sees it: name, reading, date of birth, sex and the agency, no contact. */
    public record Side(
            UUID personId,
            UUID agencyId,
            String name,
            String reading,
            @Nullable LocalDate birthDate,
            String sex,
            boolean protectedPerson,
            @Nullable ApproximateBirth approximateBirth) {}

    // ---- finding candidates -------------------------------------------------------------------------------------

    /**
     * The persons already recorded (at any agency) that may be the person described, strongest first: what the
     * registration form's duplicate check and the "may exist elsewhere" notice use. Reads no personal data for the
     * user (the caller shows only what the user may see).
     */
    @Transactional(readOnly = true)
    public List<Candidate> candidatesFor(PersonCommand person, @Nullable UUID self) {
        LinkRecord probe = new LinkRecord(
                self == null ? new UUID(0, 0) : self,
                null,
                person.familyName(),
                person.givenName(),
                org.marugoto.shared.text.Texts.blankToNull(person.familyNameKana()),
                person.givenNameKana(),
                person.formerNames(),
                person.sex().name(),
                approx(person.birthDate(), person.approximateBirth()),
                person.phone(),
                person.address(),
                null,
                false);
        return LinkageEngine.compare(probe, block(person, self), Model.defaults(), frequencies(person, probe));
    }

    /**
     * The frequencies of the person's names in the municipality (decision 0037), for this person only: the persons
     * whose reading or name begins with the family name or ends with the given name (four index range scans: the
     * prefix indexes of the keys and those of the reversed keys), counted exactly by the engine, and the number of
     * persons. A name shared by many weighs less when it agrees than a rare one.
     */
    private NameFrequencies frequencies(PersonCommand person, LinkRecord probe) {
        String familyKana =
                person.familyNameKana() == null || person.familyNameKana().isBlank()
                        ? person.familyName()
                        : person.familyNameKana();
        String givenKana =
                person.givenNameKana() == null || person.givenNameKana().isBlank()
                        ? person.givenName()
                        : person.givenNameKana();
        List<LinkRecord> namesakes = jdbc.sql("""
                        select p.id, p.family_name, p.given_name, p.family_name_kana, p.given_name_kana
                        from person p
                        where p.municipality_id = :m
                          and (p.loose_reading_key like :familyReading or reverse(p.loose_reading_key) like :givenReading
                               or p.name_key like :familyName or reverse(p.name_key) like :givenName)
                        """)
                .param("m", tenancy.municipalityId())
                .param("familyReading", prefix(JapaneseText.looseReadingKey(familyKana)))
                .param("givenReading", suffix(JapaneseText.looseReadingKey(givenKana)))
                .param("familyName", prefix(JapaneseText.nameKey(person.familyName())))
                .param("givenName", suffix(JapaneseText.nameKey(person.givenName())))
                .query((rs, i) -> names(rs))
                .list();
        return NameFrequencies.forProbe(probe, namesakes, population());
    }

    /** A record holding only the names (id, family_name, given_name and their readings), to count names by. */
    static LinkRecord names(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LinkRecord(
                rs.getObject("id", UUID.class),
                null,
                rs.getString("family_name"),
                rs.getString("given_name"),
                rs.getString("family_name_kana"),
                rs.getString("given_name_kana"),
                null,
                null,
                null,
                null,
                null,
                null,
                false);
    }

    /**
     * The number of persons of the municipality. From {@link #POPULATION_CACHED_FROM} persons on, it is counted
     * again only after {@link #POPULATION_TTL}: counting 90,000 rows cost about 19 ms, more than the rest of the
     * check, and a count a few minutes old is as good a denominator.
     */
    private int population() {
        UUID municipality = tenancy.municipalityId();
        long now = clock.millis();
        Population cached = populations.get(municipality);
        if (cached != null && now - cached.countedAt() < POPULATION_TTL.toMillis()) {
            return cached.persons();
        }
        long persons = jdbc.sql("select count(*) from person where municipality_id = ?")
                .params(municipality)
                .query(Long.class)
                .single();
        if (persons >= POPULATION_CACHED_FROM) {
            // a small count is cheap and changes fast relative to itself (a demo being loaded, a new city)
            populations.put(municipality, new Population((int) persons, now));
        }
        return (int) persons;
    }

    private record Population(int persons, long countedAt) {}

    private static final java.time.Duration POPULATION_TTL = java.time.Duration.ofMinutes(5);

    private static final int POPULATION_CACHED_FROM = 10_000;

    private final Map<UUID, Population> populations = new java.util.concurrent.ConcurrentHashMap<>();

    /** A LIKE pattern for keys beginning with this one; one that matches nothing for an empty key. */
    private static String prefix(String key) {
        return key.isEmpty() ? NOTHING : likeEscape(key) + "%";
    }

    /** A LIKE pattern for reversed keys ending with this one (a suffix of the key is a prefix of the reversed key). */
    private static String suffix(String key) {
        return key.isEmpty()
                ? NOTHING
                : likeEscape(new StringBuilder(key).reverse().toString()) + "%";
    }

    private static final String NOTHING = "\uffff";

    private static String likeEscape(String key) {
        return key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The records that share a blocking key with the person: reading, name, date of birth, phone or former name. */
    private List<LinkRecord> block(PersonCommand person, @Nullable UUID self) {
        // a missing reading (読み未登録) is no key: "" would select every other record without one
        String reading = JapaneseText.looseReadingKey(
                person.familyNameKana() + (person.givenNameKana() == null ? "" : person.givenNameKana()));
        if (reading.isEmpty()) {
            reading = "-";
        }
        String name =
                JapaneseText.nameKey(person.familyName() + (person.givenName() == null ? "" : person.givenName()));
        String phone = PhoneNumbers.normalize(person.phone()).orElse("-");
        String family = likeEscape(JapaneseText.nameKey(person.familyName()));
        // the person's own former names, alone or with the given name: the name another agency recorded them under
        List<String> formerNames = new ArrayList<>();
        if (person.formerNames() != null) {
            for (String former : person.formerNames().split("[,、，\\n]")) {
                if (!former.isBlank()) {
                    formerNames.add(JapaneseText.nameKey(former.strip()));
                    formerNames.add(JapaneseText.nameKey(
                            former.strip() + (person.givenName() == null ? "" : person.givenName())));
                }
            }
        }
        return jdbc.sql("select " + RECORD_COLUMNS + """
                        from person p
                        where p.municipality_id = :m and p.id <> :self and p.deceased_on is null
                          and (p.loose_reading_key = :reading or p.name_key = :name or p.birth_date = :birth
                               or p.phone_key = :phone or p.name_key = any(:formerNames)
                               or p.former_name_keys like :former or p.former_name_keys like :laterFormer)
                        limit :limit
                        """)
                .param("m", tenancy.municipalityId())
                .param("self", self == null ? new UUID(0, 0) : self)
                .param("reading", reading)
                .param("name", name)
                .param("birth", person.birthDate() == null ? LocalDate.of(1, 1, 1) : person.birthDate())
                .param("phone", phone)
                .param("formerNames", formerNames.toArray(String[]::new))
                // the family name begins one of the former names (the keys are separated by spaces): patterns the
                // trigram index answers; "%name%" made every registration scan the whole municipality
                .param("former", family + "%")
                .param("laterFormer", "% " + family + "%")
                .param("limit", BLOCK_LIMIT)
                .query((rs, i) -> record(rs))
                .list();
    }

    /**
     * Links one person as saved: compares them with the records that share a key and stores the pairs to suggest or
     * review (a pair already decided keeps its decision). Returns the candidates found.
     */
    @Transactional
    public List<Candidate> linkPerson(UUID personId) {
        PersonCommand person = jdbc.sql("select * from person where municipality_id = ? and id = ?")
                .params(tenancy.municipalityId(), personId)
                .query((rs, i) -> command(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("person", personId));
        LinkRecord probe = jdbc.sql(
                        "select " + RECORD_COLUMNS + " from person p where p.municipality_id = ? and p.id = ?")
                .params(tenancy.municipalityId(), personId)
                .query((rs, i) -> record(rs))
                .single();
        List<Candidate> found =
                LinkageEngine.compare(probe, block(person, personId), Model.defaults(), frequencies(person, probe));
        dropStale(personId, found);
        store(found);
        return found;
    }

    /**
     * After the person was saved, the open pairs with them that the engine no longer finds are dropped, so that the
     * coordinator never decides on what the records said before (decision 0038). Pairs still found are re-scored by
     * {@link #store}, which also changes their version: a decision on the queue as it was shown is refused.
     */
    private void dropStale(UUID personId, List<Candidate> found) {
        Set<UUID> still = new HashSet<>();
        for (Candidate c : found) {
            still.add(c.a().equals(personId) ? c.b() : c.a());
        }
        List<UUID> stale = new ArrayList<>();
        jdbc.sql("""
                        select id, case when person_a = :p then person_b else person_a end as other
                        from person_link_candidate
                        where municipality_id = :m and status = 'OPEN' and (person_a = :p or person_b = :p)
                        """).param("m", tenancy.municipalityId()).param("p", personId).query(rs -> {
            if (!still.contains(rs.getObject("other", UUID.class))) {
                stale.add(rs.getObject("id", UUID.class));
            }
        });
        if (stale.isEmpty()) {
            return;
        }
        jdbc.sql("delete from person_link_candidate where municipality_id = :m and status = 'OPEN' and id in (:ids)")
                .param("m", tenancy.municipalityId())
                .param("ids", stale)
                .update();
        audit.record(AuditEntry.of(AuditAction.UPDATE, CANDIDATE, null)
                .withPurpose("stale pairs after an edit")
                .withDetails(Map.of("person", personId.toString(), "pairs", String.valueOf(stale.size()))));
    }

    /** Summary of a batch run. */
    public record BatchRun(int records, long comparedPairs, int suggested, int review, int clusters, long millis) {}

    /**
     * Links the whole population of the municipality in one run (after an import, or to re-link after a rule
     * changed): the engine estimates its model from the data, and every pair to suggest or review is stored. Only a
     * coordinator (or the system) starts it. Nothing is merged.
     */
    @Transactional
    public BatchRun linkAll() {
        requireCoordinator();
        List<LinkRecord> records = jdbc.sql("select " + RECORD_COLUMNS
                        + " from person p where p.municipality_id = ? and p.deceased_on is null")
                .params(tenancy.municipalityId())
                .query((rs, i) -> record(rs))
                .list();
        LinkageEngine.Result result = LinkageEngine.link(records, Model.defaults());
        store(result.candidates());
        int review = (int) result.candidates().stream()
                .filter(c -> c.decision() == Decision.REVIEW)
                .count();
        audit.record(AuditEntry.of(AuditAction.CREATE, CANDIDATE, null)
                .withPurpose("batch linkage")
                .withDetails(Map.of(
                        "records",
                        String.valueOf(records.size()),
                        "candidates",
                        String.valueOf(result.candidates().size()))));
        return new BatchRun(
                records.size(),
                result.comparedPairs(),
                result.candidates().size() - review,
                review,
                result.clusters().size(),
                result.millis());
    }

    private void store(List<Candidate> candidates) {
        Timestamp now = Timestamp.from(clock.instant());
        for (Candidate c : candidates) {
            UUID a = c.a().compareTo(c.b()) < 0 ? c.a() : c.b();
            UUID b = a.equals(c.a()) ? c.b() : c.a();
            jdbc.sql("""
                            insert into person_link_candidate (municipality_id, id, person_a, person_b, weight,
                                probability, decision, reasons, status, found_at, version)
                            values (:m, :id, :a, :b, :weight, :probability, :decision, :reasons, 'OPEN', :now, 0)
                            on conflict (municipality_id, person_a, person_b) do update
                              set weight = excluded.weight, probability = excluded.probability,
                                  decision = excluded.decision, reasons = excluded.reasons, found_at = excluded.found_at,
                                  version = person_link_candidate.version + 1
                              where person_link_candidate.status = 'OPEN'
                            """)
                    .param("m", tenancy.municipalityId())
                    .param("id", Ids.newId())
                    .param("a", a)
                    .param("b", b)
                    .param("weight", c.weight())
                    .param("probability", c.probability())
                    .param("decision", c.decision().name())
                    .param(
                            "reasons",
                            String.join(
                                    ",", c.reasons().stream().map(Enum::name).toList()))
                    .param("now", now)
                    .update();
        }
    }

    // ---- the coordinator's queue ----------------------------------------------------------------------------------

    /** The open pairs, most probable first (coordinators only; audited as one read of the queue). */
    @Transactional
    public List<QueueItem> queue() {
        requireCoordinator();
        List<QueueItem> items = jdbc.sql("""
                        select c.*, %s, %s from person_link_candidate c
                        join person a on a.municipality_id = c.municipality_id and a.id = c.person_a
                        join person b on b.municipality_id = c.municipality_id and b.id = c.person_b
                        where c.municipality_id = ? and c.status = 'OPEN'
                        order by c.requested_at is null, c.requested_at, c.probability desc, c.found_at limit 200
                        """.formatted(sideColumns("a"), sideColumns("b")))
                .params(tenancy.municipalityId())
                .query((rs, i) -> item(rs))
                .list();
        audit.record(AuditEntry.of(AuditAction.READ, CANDIDATE, null)
                .withPurpose("linkage review queue")
                .withDetails(Map.of("pairs", String.valueOf(items.size()))));
        return items;
    }

    /** How many pairs wait for review (coordinators' work queue). */
    @Transactional(readOnly = true)
    public long openCount() {
        return jdbc.sql("select count(*) from person_link_candidate where municipality_id = ? and status = 'OPEN'")
                .params(tenancy.municipalityId())
                .query(Long.class)
                .single();
    }

    /**
     * Confirms that the pair is one person: both records join one identity (an existing one, or a new one). Records
     * stay as they are; what each agency may see of them does not change.
     */
    @Transactional
    public void confirm(UUID candidateId, int seenVersion) {
        requireCoordinator();
        QueueItem item = decide(candidateId, seenVersion, "CONFIRMED");
        UUID identity = identityOf(item.a().personId())
                .or(() -> identityOf(item.b().personId()))
                .orElseGet(Ids::newId);
        for (UUID person : List.of(item.a().personId(), item.b().personId())) {
            java.util.Optional<UUID> current = identityOf(person);
            if (current.isPresent() && !current.get().equals(identity)) {
                // two identities become one: move every record of the other
                jdbc.sql(
                                "update person_identity_link set identity_id = ? where municipality_id = ? and identity_id = ?")
                        .params(identity, tenancy.municipalityId(), current.get())
                        .update();
            } else if (current.isEmpty()) {
                jdbc.sql("""
                                insert into person_identity_link (municipality_id, person_id, identity_id, linked_at, linked_by)
                                values (?, ?, ?, ?, ?)
                                """)
                        .params(
                                tenancy.municipalityId(),
                                person,
                                identity,
                                Timestamp.from(clock.instant()),
                                CurrentActor.username())
                        .update();
            }
        }
        audit.record(AuditEntry.of(AuditAction.UPDATE, IDENTITY, identity)
                .withPurpose("confirm link")
                .withDetails(Map.of(
                        "candidate",
                        candidateId.toString(),
                        "persons",
                        item.a().personId() + "," + item.b().personId())));
    }

    /** Decides that the pair are two people: the pair is not suggested again. */
    @Transactional
    public void reject(UUID candidateId, int seenVersion) {
        requireCoordinator();
        decide(candidateId, seenVersion, "REJECTED");
        audit.record(AuditEntry.of(AuditAction.UPDATE, CANDIDATE, candidateId).withPurpose("reject link"));
    }

    /** Takes a record out of its identity (a link confirmed in error). The record itself is untouched. */
    @Transactional
    public void unlink(UUID personId) {
        requireCoordinator();
        UUID identity = identityOf(personId).orElseThrow(() -> new NotFoundException(IDENTITY, personId));
        jdbc.sql("delete from person_identity_link where municipality_id = ? and person_id = ?")
                .params(tenancy.municipalityId(), personId)
                .update();
        // a pair confirmed with this record is open again, so that it can be decided anew
        jdbc.sql("""
                        update person_link_candidate set status = 'OPEN', decided_at = null, decided_by = null,
                            version = version + 1
                        where municipality_id = ? and status = 'CONFIRMED' and (person_a = ? or person_b = ?)
                        """).params(tenancy.municipalityId(), personId, personId).update();
        // an identity of one record is no identity
        jdbc.sql("""
                        delete from person_identity_link l where l.municipality_id = ? and l.identity_id = ?
                          and (select count(*) from person_identity_link o
                               where o.municipality_id = l.municipality_id and o.identity_id = l.identity_id) = 1
                        """).params(tenancy.municipalityId(), identity).update();
        audit.record(AuditEntry.of(AuditAction.UPDATE, IDENTITY, identity)
                .withPurpose("unlink")
                .withDetails(Map.of("person", personId.toString())));
    }

    /**
     * Unlinks from the person page: only while the record still belongs to {@code seenIdentity}, the identity the page
     * showed. A second submit, or an unlink by someone else meanwhile, finds it gone and changes nothing
     * ({@link OptimisticLockingFailureException}).
     */
    @Transactional
    public void unlink(UUID personId, UUID seenIdentity) {
        requireCoordinator();
        boolean exists = jdbc.sql("select count(*) from person where municipality_id = ? and id = ?")
                        .params(tenancy.municipalityId(), personId)
                        .query(Long.class)
                        .single()
                > 0;
        if (!exists) {
            throw new NotFoundException("person", personId);
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
                .param("person-identity:" + seenIdentity)
                .query(rs -> {});
        if (!identityOf(personId).map(seenIdentity::equals).orElse(false)) {
            throw new org.springframework.dao.OptimisticLockingFailureException(
                    "person " + personId + " is no longer in identity " + seenIdentity);
        }
        unlink(personId);
    }

    /** Whether the current user is one of the municipality's coordinators (who alone see and change links). */
    public boolean isCoordinator() {
        return CurrentActor.get()
                .map(a -> a.roleNames().contains(COORDINATOR) || CurrentActor.SYSTEM.equals(a.username()))
                .orElse(false);
    }

    /** The identity a record belongs to, if a coordinator linked it. */
    @Transactional(readOnly = true)
    public java.util.Optional<UUID> identityOf(UUID personId) {
        return jdbc.sql("select identity_id from person_identity_link where municipality_id = ? and person_id = ?")
                .params(tenancy.municipalityId(), personId)
                .query(UUID.class)
                .optional();
    }

    /** The other records linked with this one into one identity (ids only: each read is checked where it is shown). */
    @Transactional(readOnly = true)
    public Set<UUID> linkedWith(UUID personId) {
        return new HashSet<>(jdbc.sql("""
                        select o.person_id from person_identity_link l
                        join person_identity_link o on o.municipality_id = l.municipality_id and o.identity_id = l.identity_id
                        where l.municipality_id = ? and l.person_id = ? and o.person_id <> l.person_id
                        """)
                .params(tenancy.municipalityId(), personId)
                .query(UUID.class)
                .list());
    }

    /**
     * The agencies, other than the user's, that hold a record of a probable match the user's agency may not see:
     * what the "may exist elsewhere" notice names (the kind of agency only, never the content).
     */
    @Transactional(readOnly = true)
    public Set<UUID> elsewhere(List<Candidate> candidates) {
        Actor actor = CurrentActor.get().orElseThrow();
        List<UUID> ids = candidates.stream()
                .filter(c -> c.decision() == Decision.MATCH)
                .map(Candidate::b)
                .toList();
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(jdbc.sql("""
                        select distinct owner_agency_id from person
                        where municipality_id = :m and id in (:ids) and not (visible_agencies @> array[cast(:agency as uuid)])
                          and owner_agency_id <> :agency and not protected
                        """)
                .param("m", tenancy.municipalityId())
                .param("ids", ids)
                .param("agency", actor.agencyId())
                .query(UUID.class)
                .list());
    }

    /**
     * "May exist elsewhere" for a search that found no record of the user's own (decision 0038): the query read as a
     * person ({@code probe}, from {@link PersonSearch#elsewhereProbe}) is compared by the engine with the records that
     * share a key with it, at every agency of the municipality (the registration check's pre-selection, limited). The
     * kinds of agency come back only when the engine rates a record the user's agency may not see as a probable match,
     * none of the probable matches is protected (nothing at all then: that a protected person is known somewhere is
     * what protection withholds) and none is a record the user's agency sees (then the hit's own notice applies).
     * A notice shown is audited with the query as the search audits it. Returns the other agencies' ids.
     */
    @Transactional
    public Set<UUID> elsewhereForQuery(PersonCommand probe, String auditedQuery) {
        Actor actor = CurrentActor.get().orElseThrow(() -> new AccessDeniedException("not signed in"));
        List<UUID> ids = candidatesFor(probe, null).stream()
                .filter(c -> c.decision() == Decision.MATCH)
                .map(Candidate::b)
                .toList();
        if (ids.isEmpty()) {
            return Set.of();
        }
        record Other(UUID agency, boolean protectedPerson, boolean visible) {}
        List<Other> others = jdbc.sql("""
                        select owner_agency_id, protected,
                               visible_agencies @> array[cast(:agency as uuid)] or owner_agency_id = :agency as visible
                        from person
                        where municipality_id = :m and id in (:ids) and deceased_on is null
                        """)
                .param("m", tenancy.municipalityId())
                .param("ids", ids)
                .param("agency", actor.agencyId())
                .query((rs, i) -> new Other(
                        rs.getObject("owner_agency_id", UUID.class),
                        rs.getBoolean("protected"),
                        rs.getBoolean("visible")))
                .list();
        if (others.stream().anyMatch(o -> o.protectedPerson() || o.visible())) {
            return Set.of();
        }
        Set<UUID> agencies = new LinkedHashSet<>();
        others.forEach(o -> agencies.add(o.agency()));
        if (!agencies.isEmpty()) {
            audit.record(AuditEntry.of(AuditAction.SEARCH, "person", null)
                    .withPurpose("may exist elsewhere")
                    .withDetails(Map.of("query", auditedQuery, "agencies", String.valueOf(agencies.size()))));
        }
        return agencies;
    }

    // ---- "may exist elsewhere" and asking the coordinator (decision 0038) -------------------------------------------

    /**
     * A probable match, in the queue, between a record the user sees and a record of another agency the user's agency
     * may not see: the search page says only that a record may exist at that kind of agency, and offers to ask the
     * coordinator. {@code otherAgencyId} is for the kind of agency only; nothing else of the other record is here.
     */
    public record ElsewhereNotice(UUID candidateId, UUID personId, UUID otherAgencyId, boolean requested) {}

    private static final String NOTICE_PAIRS = """
            select c.id, c.person_a, c.person_b, c.requested_at, a.owner_agency_id as a_agency, b.owner_agency_id as b_agency,
                   a.visible_agencies @> array[cast(:agency as uuid)] as a_visible,
                   b.visible_agencies @> array[cast(:agency as uuid)] as b_visible
            from person_link_candidate c
            join person a on a.municipality_id = c.municipality_id and a.id = c.person_a
            join person b on b.municipality_id = c.municipality_id and b.id = c.person_b
            where c.municipality_id = :m and c.status = 'OPEN' and c.decision = 'MATCH'
              and not a.protected and not b.protected and a.deceased_on is null and b.deceased_on is null
            """;

    /**
     * The notices for persons the user found (ids of records the user's agency sees). Never about a protected person,
     * on either side: that a protected person is known at another kind of agency is itself what protection withholds.
     */
    @Transactional(readOnly = true)
    public List<ElsewhereNotice> elsewhereOf(java.util.Collection<UUID> seenPersons) {
        if (seenPersons.isEmpty()) {
            return List.of();
        }
        UUID agency = CurrentActor.get().orElseThrow().agencyId();
        return jdbc
                .sql(NOTICE_PAIRS + " and (c.person_a in (:ids) or c.person_b in (:ids)) order by c.probability desc")
                .param("m", tenancy.municipalityId())
                .param("agency", agency)
                .param("ids", seenPersons)
                .query((rs, i) -> notice(rs, agency, seenPersons))
                .list()
                .stream()
                .flatMap(java.util.Optional::stream)
                .toList();
    }

    private static java.util.Optional<ElsewhereNotice> notice(
            ResultSet rs, UUID agency, java.util.Collection<UUID> seen) throws SQLException {
        UUID a = rs.getObject("person_a", UUID.class);
        UUID b = rs.getObject("person_b", UUID.class);
        boolean aVisible = rs.getBoolean("a_visible");
        boolean bVisible = rs.getBoolean("b_visible");
        UUID aAgency = rs.getObject("a_agency", UUID.class);
        UUID bAgency = rs.getObject("b_agency", UUID.class);
        UUID id = rs.getObject("id", UUID.class);
        boolean requested = rs.getTimestamp("requested_at") != null;
        if (seen.contains(a) && aVisible && !bVisible && !bAgency.equals(agency)) {
            return java.util.Optional.of(new ElsewhereNotice(id, a, bAgency, requested));
        }
        if (seen.contains(b) && bVisible && !aVisible && !aAgency.equals(agency)) {
            return java.util.Optional.of(new ElsewhereNotice(id, b, aAgency, requested));
        }
        return java.util.Optional.empty();
    }

    /**
     * Asks the municipality's coordinator to confirm a pair the user was told about: records who asked (user and
     * agency), when and why, and the pair comes first in the queue. Only a pair the notice shows the user: one side
     * seen by the user's agency ({@code seenPerson}, whose read the caller authorized), the other not, neither
     * protected, still open. Anything else is "not found", so that asking reveals nothing. Asking again (a second
     * submit) changes nothing and returns false.
     */
    @Transactional
    public boolean request(UUID candidateId, UUID seenPerson, String reason) {
        Actor actor = CurrentActor.get().orElseThrow(() -> new AccessDeniedException("not signed in"));
        java.util.Optional<ElsewhereNotice> notice = jdbc.sql(NOTICE_PAIRS + " and c.id = :id")
                .param("m", tenancy.municipalityId())
                .param("agency", actor.agencyId())
                .param("id", candidateId)
                .query((rs, i) -> notice(rs, actor.agencyId(), Set.of(seenPerson)))
                .optional()
                .flatMap(n -> n);
        if (notice.isEmpty()) {
            throw new NotFoundException(CANDIDATE, candidateId);
        }
        String why = reason.strip();
        int changed = jdbc.sql("""
                        update person_link_candidate set requested_by = :by, requested_agency = :agency,
                            requested_at = :now, request_reason = :reason
                        where municipality_id = :m and id = :id and status = 'OPEN' and requested_at is null
                        """)
                .param("by", actor.username())
                .param("agency", actor.agencyId())
                .param("now", Timestamp.from(clock.instant()))
                .param("reason", why.isEmpty() ? null : why.substring(0, Math.min(500, why.length())))
                .param("m", tenancy.municipalityId())
                .param("id", candidateId)
                .update();
        if (changed > 0) {
            audit.record(AuditEntry.of(AuditAction.UPDATE, CANDIDATE, candidateId)
                    .withPurpose("ask coordinator")
                    .withDetails(Map.of("person", seenPerson.toString())));
        }
        return changed > 0;
    }

    /**
     * Asks the coordinator about every pair of a person just registered whose other record the notice named (the
     * registration form's "register and ask the coordinator"). Returns how many pairs were newly asked about.
     */
    @Transactional
    public int requestAll(UUID registered, String reason) {
        int asked = 0;
        for (ElsewhereNotice n : elsewhereOf(Set.of(registered))) {
            if (!n.requested() && request(n.candidateId(), registered, reason)) {
                asked++;
            }
        }
        return asked;
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private QueueItem decide(UUID candidateId, int seenVersion, String status) {
        QueueItem item = item(candidateId);
        int changed = jdbc.sql("""
                        update person_link_candidate set status = ?, decided_at = ?, decided_by = ?, version = version + 1
                        where municipality_id = ? and id = ? and version = ? and status = 'OPEN'
                        """)
                .params(
                        status,
                        Timestamp.from(clock.instant()),
                        CurrentActor.username(),
                        tenancy.municipalityId(),
                        candidateId,
                        seenVersion)
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("link candidate " + candidateId + " was decided already");
        }
        return item;
    }

    private QueueItem item(UUID candidateId) {
        return jdbc.sql("""
                        select c.*, %s, %s from person_link_candidate c
                        join person a on a.municipality_id = c.municipality_id and a.id = c.person_a
                        join person b on b.municipality_id = c.municipality_id and b.id = c.person_b
                        where c.municipality_id = ? and c.id = ?
                        """.formatted(sideColumns("a"), sideColumns("b")))
                .params(tenancy.municipalityId(), candidateId)
                .query((rs, i) -> item(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException(CANDIDATE, candidateId));
    }

    private static String sideColumns(String p) {
        return Arrays.stream(new String[] {
                    "id",
                    "owner_agency_id",
                    "family_name",
                    "given_name",
                    "family_name_kana",
                    "given_name_kana",
                    "birth_date",
                    "birth_year",
                    "birth_month",
                    "birth_estimated",
                    "sex",
                    "protected"
                })
                .map(c -> p + "." + c + " as " + p + "_" + c)
                .reduce((x, y) -> x + ", " + y)
                .orElseThrow();
    }

    private static QueueItem item(ResultSet rs) throws SQLException {
        boolean anyProtected = rs.getBoolean("a_protected") || rs.getBoolean("b_protected");
        List<Reason> reasons = new ArrayList<>();
        for (String reason : rs.getString("reasons").split(",")) {
            if (!reason.isBlank()) {
                Reason r = Reason.valueOf(reason);
                // a protected person's address or phone never becomes a reason anyone is shown
                if (!(anyProtected && r.aboutContact())) {
                    reasons.add(r);
                }
            }
        }
        return new QueueItem(
                rs.getObject("id", UUID.class),
                side(rs, "a"),
                side(rs, "b"),
                rs.getDouble("probability"),
                Decision.valueOf(rs.getString("decision")),
                List.copyOf(reasons),
                rs.getString("status"),
                rs.getInt("version"),
                rs.getTimestamp("requested_at") == null
                        ? null
                        : new Request(
                                rs.getString("requested_by"),
                                rs.getObject("requested_agency", UUID.class),
                                rs.getTimestamp("requested_at").toInstant(),
                                rs.getString("request_reason")));
    }

    private static Side side(ResultSet rs, String p) throws SQLException {
        String given = rs.getString(p + "_given_name");
        String givenKana = rs.getString(p + "_given_name_kana");
        return new Side(
                rs.getObject(p + "_id", UUID.class),
                rs.getObject(p + "_owner_agency_id", UUID.class),
                rs.getString(p + "_family_name") + (given == null ? "" : " " + given),
                rs.getString(p + "_family_name_kana") + (givenKana == null ? "" : " " + givenKana),
                rs.getObject(p + "_birth_date", LocalDate.class),
                rs.getString(p + "_sex"),
                rs.getBoolean(p + "_protected"),
                ApproximateBirth.of(
                        (Integer) rs.getObject(p + "_birth_year", Integer.class),
                        (Integer) rs.getObject(p + "_birth_month", Integer.class),
                        rs.getBoolean(p + "_birth_estimated")));
    }

    static LinkRecord record(ResultSet rs) throws SQLException {
        LocalDate birth = rs.getObject("birth_date", LocalDate.class);
        ApproximateBirth approximate = ApproximateBirth.of(
                (Integer) rs.getObject("birth_year", Integer.class),
                (Integer) rs.getObject("birth_month", Integer.class),
                rs.getBoolean("birth_estimated"));
        return new LinkRecord(
                rs.getObject("id", UUID.class),
                rs.getObject("owner_agency_id", UUID.class),
                rs.getString("family_name"),
                rs.getString("given_name"),
                org.marugoto.shared.text.Texts.blankToNull(rs.getString("family_name_kana")),
                rs.getString("given_name_kana"),
                rs.getString("former_names"),
                rs.getString("sex"),
                approx(birth, approximate),
                rs.getString("phone"),
                rs.getString("address"),
                rs.getObject("household_id", UUID.class),
                rs.getBoolean("protected"));
    }

    private static PersonCommand command(ResultSet rs) throws SQLException {
        return new PersonCommand(
                rs.getString("family_name"),
                rs.getString("given_name"),
                rs.getString("family_name_kana"),
                rs.getString("given_name_kana"),
                rs.getString("former_names"),
                org.marugoto.people.Sex.valueOf(rs.getString("sex")),
                rs.getObject("birth_date", LocalDate.class),
                rs.getString("address"),
                null,
                null,
                rs.getString("phone"),
                null,
                null,
                null,
                null,
                ApproximateBirth.of(
                        (Integer) rs.getObject("birth_year", Integer.class),
                        (Integer) rs.getObject("birth_month", Integer.class),
                        rs.getBoolean("birth_estimated")));
    }

    /** The engine's date of birth: an exact day, or a month, a year or an estimated year (weighed less). */
    static @Nullable ApproxDate approx(@Nullable LocalDate exact, @Nullable ApproximateBirth approximate) {
        if (exact != null) {
            return ApproxDate.of(exact);
        }
        if (approximate == null) {
            return null;
        }
        if (approximate.estimated()) {
            return new ApproxDate(approximate.year(), 0, 0, ApproxDate.Precision.AROUND_YEAR);
        }
        return approximate.month() == 0
                ? new ApproxDate(approximate.year(), 0, 0, ApproxDate.Precision.YEAR)
                : new ApproxDate(approximate.year(), approximate.month(), 0, ApproxDate.Precision.MONTH);
    }

    /** Refuses everyone but the municipality's coordinators (and the system). */
    public void requireCoordinator() {
        Actor actor = CurrentActor.get().orElseThrow(() -> new AccessDeniedException("not signed in"));
        if (!actor.roleNames().contains(COORDINATOR) && !CurrentActor.SYSTEM.equals(actor.username())) {
            throw new AccessDeniedException("only the municipality's coordinators link records");
        }
    }
}
