package org.marugoto.people.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.marugoto.access.AccessApi;
import org.marugoto.access.PersonalDataAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.people.BulkMember;
import org.marugoto.people.BulkRegistered;
import org.marugoto.people.BulkRegistrationApi;
import org.marugoto.people.PersonCommand;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.Japan;
import org.marugoto.shared.Tenancy;
import org.marugoto.shared.text.Addresses;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers many persons at once (decision 0035): what {@link PeopleService#register} does for one, for all, in JDBC
 * batches of {@link #CHUNK} members (households, agency involvement, persons, memberships), so that the statements
 * held at a time stay bounded whatever the size of the batch; one audit row; the linkage once at the end
 * ({@link BulkLinkage}).
 */
@Service
class BulkRegistrations implements BulkRegistrationApi {

    static final int CHUNK = 1000;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BulkRegistrations.class);

    private static final String INSERT_HOUSEHOLD = """
            insert into household (municipality_id, id, case_number, name, address, address_key, area_id,
                owner_agency_id, created_at, created_by, updated_at, updated_by, version)
            values (:m, :id, :caseNumber, :name, :address, :addressKey, :area, :owner, :now, :by, :now, :by, 0)
            """;

    private static final String INSERT_INVOLVEMENT = """
            insert into household_agency (municipality_id, household_id, agency_id, reason, created_at,
                created_by, updated_at, updated_by, version)
            values (:m, :household, :agency, 'REGISTERED', :now, :by, :now, :by, 0)
            on conflict do nothing
            """;

    /** The memberships of a batch in one statement (the visibility trigger runs once per statement). */
    private static final String INSERT_MEMBERS = """
            insert into household_member (municipality_id, id, household_id, person_id, relationship,
                lives_together, member_from, created_at, created_by, updated_at, updated_by, version)
            select :m, x.id, x.household, x.person, x.relationship, true, null, :now, :by, :now, :by, 0
            from unnest(:ids, :households, :persons, :relationships) as x(id, household, person, relationship)
            """;

    private final NamedParameterJdbcTemplate named;
    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AccessApi access;
    private final AuditApi audit;
    private final Clock clock;
    private final PeopleService people;
    private final BulkLinkage linkage;

    BulkRegistrations(
            NamedParameterJdbcTemplate named,
            JdbcClient jdbc,
            Tenancy tenancy,
            AccessApi access,
            AuditApi audit,
            Clock clock,
            PeopleService people,
            BulkLinkage linkage) {
        this.named = named;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.people = people;
        this.linkage = linkage;
    }

    @Override
    @Transactional
    public BulkRegistered registerAll(List<BulkMember> members, AuditEntry auditEntry) {
        long started = System.nanoTime();
        UUID agencyId = CurrentActor.get()
                .orElseThrow(() -> new AccessDeniedException("register"))
                .agencyId();
        String by = CurrentActor.username();
        UUID m = tenancy.municipalityId();
        Timestamp now = Timestamp.from(clock.instant());
        int year = Japan.today(clock).getYear();
        // existing households: the user must be allowed to change each, as when registering one member
        Set<UUID> existing = new LinkedHashSet<>();
        members.forEach(x -> {
            if (x.householdId() != null) {
                existing.add(x.householdId());
            }
        });
        for (UUID household : existing) {
            access.authorize(PersonalDataAction.WRITE, people.householdScope(household), "register member");
        }
        Map<String, UUID> newHouseholds = new LinkedHashMap<>();
        List<UUID> personIds = new ArrayList<>(members.size());
        List<BulkLinkage.Saved> saved = new ArrayList<>(members.size());
        // the planner's statistics follow the rows written (see analyzeWhenGrown)
        long before = jdbc.sql("select count(*) from person where municipality_id = ?")
                .param(m)
                .query(Long.class)
                .single();
        // the statistics left by the last autovacuum may describe the tables as empty (estimates of one row make
        // the triggers scan the municipality's persons for every household): refreshed before the first batch too
        analyze();
        long analyzedAt = before;
        for (int from = 0; from < members.size(); from += CHUNK) {
            analyzedAt = analyzeWhenGrown(analyzedAt, before + personIds.size());
            List<BulkMember> chunk = members.subList(from, Math.min(members.size(), from + CHUNK));
            chunk.forEach(x -> people.checkPerson(x.person()));
            List<BulkMember> founders = new ArrayList<>();
            Set<String> founded = new LinkedHashSet<>();
            for (BulkMember x : chunk) {
                if (x.householdId() == null
                        && !newHouseholds.containsKey(x.householdKey())
                        && founded.add(x.householdKey())) {
                    founders.add(x);
                }
            }
            List<SqlParameterSource> households = new ArrayList<>(founders.size());
            List<SqlParameterSource> involvements = new ArrayList<>(founders.size());
            List<Long> numbers = caseNumbers(founders.size());
            for (int i = 0; i < founders.size(); i++) {
                PersonCommand p = founders.get(i).person();
                UUID id = Ids.newId();
                newHouseholds.put(founders.get(i).householdKey(), id);
                households.add(new MapSqlParameterSource()
                        .addValue("m", m)
                        .addValue("id", id)
                        .addValue("caseNumber", "H%d-%05d".formatted(year, numbers.get(i)))
                        .addValue("name", p.familyName() + "家")
                        .addValue("address", p.address())
                        .addValue("addressKey", p.address() == null ? null : Addresses.key(p.address()))
                        .addValue("area", p.areaId())
                        .addValue("owner", agencyId)
                        .addValue("now", now)
                        .addValue("by", by));
                involvements.add(new MapSqlParameterSource()
                        .addValue("m", m)
                        .addValue("household", id)
                        .addValue("agency", agencyId)
                        .addValue("now", now)
                        .addValue("by", by));
            }
            List<SqlParameterSource> persons = new ArrayList<>(chunk.size());
            List<UUID> memberIds = new ArrayList<>(chunk.size());
            List<UUID> memberHouseholds = new ArrayList<>(chunk.size());
            List<String> relationships = new ArrayList<>(chunk.size());
            for (BulkMember x : chunk) {
                UUID household = java.util.Objects.requireNonNull(
                        x.householdId() != null ? x.householdId() : newHouseholds.get(x.householdKey()));
                UUID personId = Ids.newId();
                MapSqlParameterSource params = PeopleService.personParams(x.person());
                saved.add(new BulkLinkage.Saved(
                        personId,
                        household,
                        agencyId,
                        x.person(),
                        (String) java.util.Objects.requireNonNull(params.getValue("looseReadingKey")),
                        (String) java.util.Objects.requireNonNull(params.getValue("nameKey")),
                        (String) params.getValue("phoneKey"),
                        (String) java.util.Objects.requireNonNull(params.getValue("formerNameKeys"))));
                persons.add(params.addValue("m", m)
                        .addValue("id", personId)
                        .addValue("owner", agencyId)
                        .addValue("now", now)
                        .addValue("by", by));
                memberIds.add(Ids.newId());
                memberHouseholds.add(household);
                relationships.add(x.relationship().name());
                personIds.add(personId);
            }
            // in the order of one registration: household, its agency, person, membership (the triggers that keep
            // each person's visible agencies see the same rows)
            batch(INSERT_HOUSEHOLD, households);
            batch(INSERT_INVOLVEMENT, involvements);
            batch(PeopleService.INSERT_PERSON, persons);
            List<UUID> chunkPersons = personIds.subList(personIds.size() - chunk.size(), personIds.size());
            jdbc.sql(INSERT_MEMBERS)
                    .param("m", m)
                    .param("now", now)
                    .param("by", by)
                    .param("ids", memberIds.toArray(UUID[]::new))
                    .param("households", memberHouseholds.toArray(UUID[]::new))
                    .param("persons", chunkPersons.toArray(UUID[]::new))
                    .param("relationships", relationships.toArray(String[]::new))
                    .update();
        }
        long written = System.nanoTime();
        audit.record(auditEntry);
        int pairs = linkage.link(saved);
        log.info(
                "bulk registration: {} persons, {} new households written in {} ms; linkage {} pairs in {} ms",
                personIds.size(),
                newHouseholds.size(),
                (written - started) / 1_000_000,
                pairs,
                (System.nanoTime() - written) / 1_000_000);
        return new BulkRegistered(List.copyOf(personIds), Map.copyOf(newHouseholds), pairs);
    }

    /**
     * Refreshes the planner's statistics of the tables written once the persons written since the last refresh are as
     * many as the persons there were then (so a few times per import, growing geometrically). Without it the planner
     * keeps the statistics of the tables before the transaction (autovacuum cannot see uncommitted rows) and plans the
     * foreign-key checks and the visibility triggers' look-ups by (municipality_id, id) as scans of the whole
     * municipality through another index: each membership then costs more the more rows are written (decision 0035).
     * ANALYZE inside the transaction samples its own uncommitted rows; the statistics roll back with it.
     *
     * @return the number of persons at the last refresh
     */
    private long analyzeWhenGrown(long analyzedAt, long now) {
        if (now - analyzedAt < Math.max(analyzedAt, CHUNK)) {
            return analyzedAt;
        }
        analyze();
        return now;
    }

    private void analyze() {
        jdbc.sql("select people_bulk_analyze()").query(Object.class).list();
    }

    private void batch(String sql, List<SqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            named.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new));
        }
    }

    /** The next household numbers, in order. */
    private List<Long> caseNumbers(int n) {
        if (n == 0) {
            return List.of();
        }
        return jdbc.sql("select nextval('household_case_number_seq') as n from generate_series(1, ?) order by 1")
                .param(n)
                .query(Long.class)
                .list();
    }

    /** For the linkage: the day of birth blocked on (none: never equal). */
    static LocalDate birthKey(PersonCommand p) {
        return p.birthDate() == null ? LocalDate.of(1, 1, 1) : p.birthDate();
    }
}
