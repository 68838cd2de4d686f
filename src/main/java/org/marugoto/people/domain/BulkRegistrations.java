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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers many persons at once (decision 0035): what {@link PeopleService#register} does for one, for all, in
 * batches of {@link #CHUNK} members (households, agency involvement, persons, memberships: one statement each), so
 * that the statements held at a time stay bounded whatever the size of the batch; one audit row; the linkage once at
 * the end ({@link BulkLinkage}).
 */
@Service
class BulkRegistrations implements BulkRegistrationApi {

    static final int CHUNK = 1000;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BulkRegistrations.class);

    /** The new households of a batch in one statement (the columns of one registration's household). */
    private static final String INSERT_HOUSEHOLDS = """
            insert into household (municipality_id, id, case_number, name, address, address_key, area_id,
                owner_agency_id, created_at, created_by, updated_at, updated_by, version)
            select :m, x.id, x.case_number, x.name, x.address, x.address_key, x.area_id, :owner, :now, :by, :now, :by, 0
            from unnest(cast(:ids as uuid[]), cast(:caseNumbers as text[]), cast(:names as text[]),
                cast(:addresses as text[]), cast(:addressKeys as text[]), cast(:areas as uuid[]))
                as x(id, case_number, name, address, address_key, area_id)
            """;

    /** Their involvement of the user's agency, in one statement (the trigger runs once per statement). */
    private static final String INSERT_INVOLVEMENTS = """
            insert into household_agency (municipality_id, household_id, agency_id, reason, created_at,
                created_by, updated_at, updated_by, version)
            select :m, x.household, :agency, 'REGISTERED', :now, :by, :now, :by, 0
            from unnest(cast(:households as uuid[])) as x(household)
            on conflict do nothing
            """;

    /**
     * The person columns that {@link PeopleService#personParams} gives (its parameter names), with their SQL types:
     * the persons of a batch are inserted in one statement, each column an array ({@link #INSERT_PERSONS}), with the
     * very values of {@link PeopleService#INSERT_PERSON}.
     */
    private static final String[][] PERSON_COLUMNS = {
        {"familyName", "family_name", "text"},
        {"givenName", "given_name", "text"},
        {"familyNameKana", "family_name_kana", "text"},
        {"givenNameKana", "given_name_kana", "text"},
        {"formerNames", "former_names", "text"},
        {"sex", "sex", "text"},
        {"birthDate", "birth_date", "date"},
        {"birthYear", "birth_year", "int"},
        {"birthMonth", "birth_month", "int"},
        {"birthEstimated", "birth_estimated", "boolean"},
        {"address", "address", "text"},
        {"areaId", "area_id", "uuid"},
        {"livingSituation", "living_situation", "text"},
        {"phone", "phone", "text"},
        {"email", "email", "text"},
        {"nationality", "nationality", "text"},
        {"preferredLanguage", "preferred_language", "text"},
        {"note", "note", "text"},
        {"nameKey", "name_key", "text"},
        {"readingKey", "reading_key", "text"},
        {"looseReadingKey", "loose_reading_key", "text"},
        {"formerNameKeys", "former_name_keys", "text"},
        {"phoneKey", "phone_key", "text"},
        {"addressKey", "address_key", "text"}
    };

    private static final String INSERT_PERSONS = insertPersons();

    /** The memberships of a batch in one statement (the visibility trigger runs once per statement). */
    private static final String INSERT_MEMBERS = """
            insert into household_member (municipality_id, id, household_id, person_id, relationship,
                lives_together, member_from, created_at, created_by, updated_at, updated_by, version)
            select :m, x.id, x.household, x.person, x.relationship, true, null, :now, :by, :now, :by, 0
            from unnest(:ids, :households, :persons, :relationships) as x(id, household, person, relationship)
            """;

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AccessApi access;
    private final AuditApi audit;
    private final Clock clock;
    private final PeopleService people;
    private final BulkLinkage linkage;

    BulkRegistrations(
            JdbcClient jdbc,
            Tenancy tenancy,
            AccessApi access,
            AuditApi audit,
            Clock clock,
            PeopleService people,
            BulkLinkage linkage) {
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
        // every member checked and its columns computed (PeopleService.personParams, the keys of one registration)
        // before anything is written, on every core (plain functions of the member); the first member refused in the
        // order given is the one reported, as one by one. The new households get their ids here, their numbers batch
        // by batch.
        int total = members.size();
        Object[][] columns = new Object[PERSON_COLUMNS.length][total];
        String[][] keys = new String[total][];
        RuntimeException[] refused = new RuntimeException[total];
        java.util.stream.IntStream.range(0, total).parallel().forEach(i -> {
            PersonCommand p = members.get(i).person();
            try {
                people.checkPerson(p);
            } catch (RuntimeException e) {
                refused[i] = e;
                return;
            }
            MapSqlParameterSource params = PeopleService.personParams(p);
            if (params.getParameterNames().length != PERSON_COLUMNS.length) {
                refused[i] = new IllegalStateException("PeopleService.personParams and PERSON_COLUMNS differ");
                return;
            }
            for (int c = 0; c < PERSON_COLUMNS.length; c++) {
                Object value = params.getValue(PERSON_COLUMNS[c][0]);
                columns[c][i] = value instanceof LocalDate d ? d.toString() : value;
            }
            keys[i] = new String[] {
                (String) java.util.Objects.requireNonNull(params.getValue("looseReadingKey")),
                (String) java.util.Objects.requireNonNull(params.getValue("nameKey")),
                (String) params.getValue("phoneKey"),
                (String) java.util.Objects.requireNonNull(params.getValue("formerNameKeys"))
            };
        });
        boolean[] founds = new boolean[total];
        Map<String, UUID> newHouseholds = new LinkedHashMap<>();
        List<UUID> personIds = new ArrayList<>(total);
        List<BulkLinkage.Saved> saved = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            if (refused[i] != null) {
                throw refused[i];
            }
            BulkMember x = members.get(i);
            if (x.householdId() == null && !newHouseholds.containsKey(x.householdKey())) {
                newHouseholds.put(x.householdKey(), Ids.newId());
                founds[i] = true;
            }
            UUID household = java.util.Objects.requireNonNull(
                    x.householdId() != null ? x.householdId() : newHouseholds.get(x.householdKey()));
            UUID personId = Ids.newId();
            personIds.add(personId);
            String[] k = java.util.Objects.requireNonNull(keys[i]);
            saved.add(new BulkLinkage.Saved(personId, household, agencyId, x.person(), k[0], k[1], k[2], k[3]));
        }
        // the records a registration one by one would have compared with and the names' frequencies, read before
        // the batch is written (so the reads need not leave the new persons out), with every record's features
        long checked = System.nanoTime();
        BulkLinkage.Prepared linking = linkage.prepare(saved);
        long prepared = System.nanoTime();
        // the planner's statistics follow the rows written (see below)
        long before = jdbc.sql("select count(*) from person where municipality_id = ?")
                .param(m)
                .query(Long.class)
                .single();
        // the statistics left by the last autovacuum may describe the tables as empty (estimates of one row make
        // the triggers scan the municipality's persons for every household): refreshed before the first batch too
        long[] spent = new long[5];
        spent[4] = analyze();
        long analyzedAt = before;
        for (int from = 0; from < total; from += CHUNK) {
            // the planner's statistics refreshed once the persons written since the last refresh are as many as the
            // persons there were then (a few times per import, growing geometrically). Without it the planner keeps
            // the statistics of the tables before the transaction (autovacuum cannot see uncommitted rows) and plans
            // the foreign-key checks and the visibility triggers' look-ups by (municipality_id, id) as scans of the
            // whole municipality through another index (decision 0035). ANALYZE inside the transaction samples its
            // own uncommitted rows; the statistics roll back with it.
            if (before + from - analyzedAt >= Math.max(analyzedAt, CHUNK)) {
                spent[4] += analyze();
                analyzedAt = before + from;
            }
            int to = Math.min(total, from + CHUNK);
            List<BulkMember> chunk = members.subList(from, to);
            List<Integer> founders = new ArrayList<>();
            for (int i = from; i < to; i++) {
                if (founds[i]) {
                    founders.add(i);
                }
            }
            int f = founders.size();
            UUID[] householdIds = new UUID[f];
            String[] caseNumbers = new String[f];
            String[] names = new String[f];
            String[] addresses = new String[f];
            String[] addressKeys = new String[f];
            UUID[] areas = new UUID[f];
            List<Long> numbers = caseNumbers(f);
            for (int k = 0; k < f; k++) {
                BulkMember founder = members.get(founders.get(k));
                PersonCommand p = founder.person();
                householdIds[k] = newHouseholds.get(founder.householdKey());
                caseNumbers[k] = "H%d-%05d".formatted(year, numbers.get(k));
                names[k] = p.familyName() + "家";
                addresses[k] = p.address();
                addressKeys[k] = p.address() == null ? null : Addresses.key(p.address());
                areas[k] = p.areaId();
            }
            int n = chunk.size();
            UUID[] chunkPersons = personIds.subList(from, to).toArray(UUID[]::new);
            UUID[] memberIds = new UUID[n];
            UUID[] memberHouseholds = new UUID[n];
            String[] relationships = new String[n];
            for (int i = 0; i < n; i++) {
                memberIds[i] = Ids.newId();
                memberHouseholds[i] = saved.get(from + i).householdId();
                relationships[i] = chunk.get(i).relationship().name();
            }
            // in the order of one registration: households, their agency, persons, memberships (the triggers that
            // keep each person's visible agencies see the same rows); one statement each
            long t0 = System.nanoTime();
            if (f > 0) {
                jdbc.sql(INSERT_HOUSEHOLDS)
                        .param("m", m)
                        .param("owner", agencyId)
                        .param("now", now)
                        .param("by", by)
                        .param("ids", householdIds)
                        .param("caseNumbers", caseNumbers)
                        .param("names", names)
                        .param("addresses", addresses)
                        .param("addressKeys", addressKeys)
                        .param("areas", areas)
                        .update();
            }
            long t1 = System.nanoTime();
            if (f > 0) {
                jdbc.sql(INSERT_INVOLVEMENTS)
                        .param("m", m)
                        .param("agency", agencyId)
                        .param("now", now)
                        .param("by", by)
                        .param("households", householdIds)
                        .update();
            }
            long t2 = System.nanoTime();
            var persons = jdbc.sql(INSERT_PERSONS)
                    .param("m", m)
                    .param("owner", agencyId)
                    .param("now", now)
                    .param("by", by)
                    .param("ids", chunkPersons);
            for (int c = 0; c < PERSON_COLUMNS.length; c++) {
                persons = persons.param(
                        PERSON_COLUMNS[c][0],
                        typed(java.util.Arrays.copyOfRange(columns[c], from, to), PERSON_COLUMNS[c][2]));
            }
            persons.update();
            long t3 = System.nanoTime();
            jdbc.sql(INSERT_MEMBERS)
                    .param("m", m)
                    .param("now", now)
                    .param("by", by)
                    .param("ids", memberIds)
                    .param("households", memberHouseholds)
                    .param("persons", chunkPersons)
                    .param("relationships", relationships)
                    .update();
            spent[0] += t1 - t0;
            spent[1] += t2 - t1;
            spent[2] += t3 - t2;
            spent[3] += System.nanoTime() - t3;
        }
        long written = System.nanoTime();
        audit.record(auditEntry);
        int pairs = linkage.link(saved, linking);
        log.info(
                "bulk registration: {} persons, {} new households: checked and keyed in {} ms, linkage prepared in {} ms;"
                        + " written in {} ms (households {} ms, involvement {} ms, persons {} ms, memberships {} ms,"
                        + " statistics {} ms); linkage {} pairs in {} ms",
                total,
                newHouseholds.size(),
                (checked - started) / 1_000_000,
                (prepared - checked) / 1_000_000,
                (written - prepared) / 1_000_000,
                spent[0] / 1_000_000,
                spent[1] / 1_000_000,
                spent[2] / 1_000_000,
                spent[3] / 1_000_000,
                spent[4] / 1_000_000,
                pairs,
                (System.nanoTime() - written) / 1_000_000);
        return new BulkRegistered(List.copyOf(personIds), Map.copyOf(newHouseholds), pairs);
    }

    /** Returns the time taken (ns). */
    private long analyze() {
        long t = System.nanoTime();
        jdbc.sql("select people_bulk_analyze()").query(Object.class).list();
        return System.nanoTime() - t;
    }

    /** The persons of a batch in one statement: {@link PeopleService#INSERT_PERSON}'s columns, each an array. */
    private static String insertPersons() {
        StringBuilder columns = new StringBuilder();
        StringBuilder values = new StringBuilder();
        StringBuilder arrays = new StringBuilder();
        StringBuilder names = new StringBuilder();
        for (String[] c : PERSON_COLUMNS) {
            columns.append(", ").append(c[1]);
            values.append(", x.").append(c[1]);
            arrays.append(", cast(:").append(c[0]).append(" as ").append(c[2]).append("[])");
            names.append(", ").append(c[1]);
        }
        return "insert into person (municipality_id, id, owner_agency_id" + columns
                + ", created_at, created_by, updated_at, updated_by, version)"
                + " select :m, x.id, :owner" + values + ", :now, :by, :now, :by, 0"
                + " from unnest(cast(:ids as uuid[])" + arrays + ") as x(id" + names + ")";
    }

    /** A column's values as a typed array for the driver (dates as text, cast by the statement). */
    private static Object[] typed(Object[] values, String type) {
        Class<? extends Object[]> as =
                switch (type) {
                    case "uuid" -> UUID[].class;
                    case "int" -> Integer[].class;
                    case "boolean" -> Boolean[].class;
                    default -> String[].class;
                };
        return java.util.Arrays.copyOf(values, values.length, as);
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
