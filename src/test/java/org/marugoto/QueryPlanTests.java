package org.marugoto;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marugoto.casework.domain.CaseService;
import org.marugoto.people.domain.PersonSearch;
import org.marugoto.shared.Tenancy;
import org.marugoto.shared.db.Database;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The hot queries read through indexes when the tables are large: no {@code Seq Scan} on a large table in their plans.
 * The tables are copied (with their indexes, {@code like ... including all}) into a schema of their own,
 * {@code query_plans}, and filled with generated rows for the demo municipality: 50,000 persons, 20,000 households,
 * 100,000 consultations, 30,000 referrals, 200,000 audit rows, 20,000 cases (one in ten open) with 60,000 team
 * memberships of 300 staff. Then ANALYZE, and {@code EXPLAIN (FORMAT JSON)} of
 * each query with {@code search_path = query_plans, public}. Nothing of it is visible to other tests (the application
 * reads the public schema); {@code enable_seqscan} is untouched. Asserts on the plan, never on time.
 */
@MarugotoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlanTests {

    static final String SCHEMA = "query_plans";

    /** The tables that grow with the municipality: a sequential scan on any of them is a finding. */
    static final Set<String> LARGE = Set.of(
            "person",
            "household",
            "household_member",
            "household_agency",
            "consultation",
            "consultation_issue",
            "consultation_person",
            "referral",
            "referral_issue",
            "referral_person",
            "audit_event",
            "audit_seal",
            "support_case",
            "support_case_person",
            "support_case_event",
            "case_team_member");

    @Autowired
    Database database;

    @Autowired
    Tenancy tenancy;

    @Autowired
    PersonSearch search;

    SingleConnectionDataSource owner;
    NamedParameterJdbcTemplate jdbc;
    UUID municipality;
    UUID agency;

    @BeforeAll
    void load() throws Exception {
        municipality = tenancy.municipalityId();
        owner = new SingleConnectionDataSource(database.ownerDataSource().getConnection(), true);
        jdbc = new NamedParameterJdbcTemplate(owner);
        Connection c = owner.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
            s.execute("create schema " + SCHEMA);
            for (String table : LARGE) {
                s.execute("create table %s.%s (like public.%s including all)".formatted(SCHEMA, table, table));
            }
            s.execute("set search_path = " + SCHEMA + ", public");
        }
        List<UUID> agencies = jdbc.queryForList(
                "select id from public.agency where municipality_id = :m order by code",
                new MapSqlParameterSource("m", municipality),
                UUID.class);
        agency = agencies.getFirst();
        MapSqlParameterSource p =
                new MapSqlParameterSource().addValue("m", municipality).addValue("ag", agencies.toArray(UUID[]::new));
        for (String sql : DATA) {
            jdbc.update(sql, p);
        }
        try (Statement s = c.createStatement()) {
            s.execute("analyze " + String.join(", ", LARGE));
        }
    }

    @AfterAll
    void drop() throws Exception {
        try (Statement s = owner.getConnection().createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
        }
        owner.destroy();
    }

    /** Deterministic ids: kind k (1 person, 2 household, 3 consultation, 4 referral, 5 staff account, 6 case), number i. */
    static final String ID = "('%s0000000-0000-4000-8000-' || lpad(to_hex(%s), 12, '0'))::uuid";

    static String id(int kind, String number) {
        return ID.formatted(kind, number);
    }

    static final String KANA = "'あかさたなはまやらわいきしちにひみりえけせてねへめれおこそとのほもよろ'";
    static final String KANJI = "'山田中川高橋佐藤鈴木伊渡辺小林加松井森本石原清水斎近藤池上野村'";
    static final String TOWNS = "'{桜台,緑町,本町,旭町,栄町,若葉,青葉台,城山,東町,西町,南町,北町,泉,港町,朝日,中央,昭和町,大和,富士見,宮下}'";

    static final List<String> DATA = List.of(
            """
            insert into person (municipality_id, id, owner_agency_id, family_name, given_name, family_name_kana,
                given_name_kana, sex, birth_date, address, phone, email, name_key, reading_key, loose_reading_key,
                former_name_keys, phone_key, address_key, created_at, created_by, updated_at, updated_by, version,
                visible_agencies, protected)
            select :m, %s, ag, fam, giv, famr, givr, case when i %% 2 = 0 then 'FEMALE' else 'MALE' end,
                date '1925-01-01' + (i * 7919) %% 36500, addr, phone, 'p' || i || '@example.jp', fam || giv,
                famr || givr, famr || givr, case when i %% 20 = 0 then '旧姓' || fam else '' end,
                replace(phone, '-', ''), addr, now(), 'plan', now(), 'plan', 0, array[ag], i %% 500 = 0
            from generate_series(1, 50000) i,
            lateral (select (:ag)[1 + i %% cardinality(:ag)] as ag,
                substr(%s, 1 + i %% 23, 1) || substr(%s, 1 + (i / 23) %% 29, 1) || substr(%s, 1 + (i / 667) %% 7, 1) as famr,
                substr(%s, 1 + (i * 7) %% 31, 1) || substr(%s, 1 + (i / 31) %% 17, 1) as givr,
                substr(%s, 1 + i %% 23, 1) || substr(%s, 1 + (i / 23) %% 27, 1) as fam,
                substr(%s, 1 + (i * 7) %% 29, 1) || substr(%s, 1 + (i / 29) %% 13, 1) as giv,
                case when i %% 3 = 0 then null else '0470-' || lpad(((i * 37) %% 100)::text, 2, '0') || '-'
                    || lpad((i %% 10000)::text, 4, '0') end as phone,
                (%s::text[])[1 + i %% 20] || (1 + i %% 9) || '-' || (1 + (i / 9) %% 30) || '-' || (1 + (i / 270) %% 20)
                    as addr) x
            """.formatted(id(1, "i"), KANA, KANA, KANA, KANA, KANA, KANJI, KANJI, KANJI, KANJI, TOWNS),
            """
            insert into household (municipality_id, id, case_number, name, address, address_key, owner_agency_id,
                created_at, created_by, updated_at, updated_by, version)
            select :m, %s, 'H2025-' || j, '世帯' || j, null, null, (:ag)[1 + j %% cardinality(:ag)],
                now(), 'plan', now(), 'plan', 0
            from generate_series(1, 20000) j
            """.formatted(id(2, "j")),
            """
            insert into household_member (municipality_id, id, household_id, person_id, relationship, lives_together,
                member_from, member_to, end_reason, created_at, created_by, updated_at, updated_by, version)
            select :m, gen_random_uuid(), %s, %s, 'SELF', true, null, null, null, now(), 'plan', now(), 'plan', 0
            from generate_series(1, 50000) i
            """.formatted(id(2, "1 + (i - 1) % 20000"), id(1, "i")),
            """
            insert into household_agency (municipality_id, id, household_id, agency_id, reason, created_at, created_by,
                updated_at, updated_by, version)
            select :m, gen_random_uuid(), h.id, h.owner_agency_id, 'OWNER', now(), 'plan', now(), 'plan', 0
            from household h
            """,
            """
            insert into consultation (municipality_id, id, household_id, agency_id, received_at, channel, consulter_type,
                urgency, consent_status, first_response, submission_token, created_at, created_by, updated_at,
                updated_by, version)
            select :m, %s, %s, (:ag)[1 + k %% cardinality(:ag)], now() - make_interval(mins => k), 'PHONE', 'SELF',
                'NORMAL', 'GIVEN', 'INFORMATION_GIVEN', gen_random_uuid(), now(), 'plan', now(), 'plan', 0
            from generate_series(1, 100000) k
            """.formatted(id(3, "k"), id(2, "1 + k % 20000")),
            """
            insert into consultation_issue (municipality_id, consultation_id, issue_code, main)
            select :m, %s, 'CARE', true from generate_series(1, 100000) k
            """.formatted(id(3, "k")),
            """
            insert into consultation_person (municipality_id, consultation_id, person_id)
            select :m, %s, %s from generate_series(1, 100000) k
            """.formatted(id(3, "k"), id(1, "1 + k % 50000")),
            """
            insert into referral (municipality_id, id, reference_number, household_id, from_agency_id, to_agency_id,
                status, urgency, summary, consent_status, desired_response_date, last_activity_at, created_at,
                created_by, updated_at, updated_by, version)
            select :m, %s, 'R' || r, %s, (:ag)[1 + r %% cardinality(:ag)], (:ag)[1 + (r %% cardinality(:ag) + 1 + r %% (cardinality(:ag) - 1)) %% cardinality(:ag)],
                case when r %% 4 = 0 then 'COMPLETED' else 'SENT' end, 'NORMAL', 'つなぎ', 'GIVEN',
                current_date + 7, now(), now() - make_interval(mins => r), 'plan', now(), 'plan', 0
            from generate_series(1, 30000) r
            """.formatted(id(4, "r"), id(2, "1 + r % 20000")),
            """
            insert into referral_issue (municipality_id, referral_id, issue_code)
            select :m, %s, 'CARE' from generate_series(1, 30000) r
            """.formatted(id(4, "r")),
            """
            insert into referral_person (municipality_id, referral_id, person_id)
            select :m, %s, %s from generate_series(1, 30000) r
            """.formatted(id(4, "r"), id(1, "1 + r % 50000")),
            """
            insert into audit_event (municipality_id, id, occurred_at, actor_username, actor_account_id,
                actor_agency_id, action, record_type, record_id, purpose, details, seq)
            select :m, gen_random_uuid(), now() - make_interval(secs => 200000 - e), 'caseworker', null,
                (:ag)[1 + e %% cardinality(:ag)], 'READ', 'household', %s, 'household page', '', e
            from generate_series(1, 200000) e
            """.formatted(id(2, "1 + e % 20000")),
            """
            insert into audit_seal (municipality_id, position, event_seq, hash, sealed_at)
            select :m, e, e, repeat('0', 64), now() from generate_series(1, 199000) e
            """,
            """
            insert into support_case (municipality_id, id, case_number, household_id, origin, status, lead_account_id,
                lead_agency_id, summary, consent_status, opened_at, closed_at, created_at, created_by, updated_at,
                updated_by, version)
            select :m, %s, 'C' || c, %s, 'DIRECT', case when c %% 10 = 0 then 'SUPPORT' else 'CLOSED' end, %s,
                (:ag)[1 + c %% cardinality(:ag)], '支援', 'GIVEN', now() - make_interval(hours => c),
                case when c %% 10 = 0 then null else now() end, now(), 'plan', now(), 'plan', 0
            from generate_series(1, 20000) c
            """.formatted(id(6, "c"), id(2, "1 + c % 20000"), id(5, "c % 300")),
            """
            insert into support_case_person (municipality_id, case_id, person_id)
            select :m, %s, %s from generate_series(1, 20000) c, generate_series(0, 1) k
            """.formatted(id(6, "c"), id(1, "1 + (c * 2 + k) % 50000")),
            """
            insert into case_team_member (municipality_id, id, case_id, account_id, member_name, agency_id, role,
                joined_at, joined_by, left_at, left_by, version)
            select :m, gen_random_uuid(), %s, %s, '職員', (:ag)[1 + c %% cardinality(:ag)],
                case when k = 0 then 'LEAD' else 'MEMBER' end, now(), 'plan',
                case when k = 2 and c %% 4 = 0 then now() end, case when k = 2 and c %% 4 = 0 then 'plan' end, 0
            from generate_series(1, 20000) c, generate_series(0, 2) k
            """.formatted(id(6, "c"), id(5, "(c + k * 101) % 300")),
            """
            insert into support_case_event (municipality_id, id, case_id, kind, at, actor_username, actor_name)
            select :m, gen_random_uuid(), %s, 'STATUS', now(), 'plan', '職員'
            from generate_series(1, 20000) c, generate_series(0, 2) k
            """.formatted(id(6, "c")));

    /** The sequential scans on large tables in the plan of the query with these parameters. */
    List<String> seqScans(String sql, SqlParameterSource params) {
        String plan = jdbc.queryForObject("explain (format json) " + sql, params, String.class);
        return jdbc.queryForList("""
                        select distinct r #>> '{}' from jsonb_path_query(cast(:plan as jsonb),
                            'strict $.** ? (@."Node Type" == "Seq Scan")."Relation Name"') r
                        """, new MapSqlParameterSource("plan", plan), String.class).stream()
                .filter(LARGE::contains)
                .toList();
    }

    void assertIndexed(String sql, SqlParameterSource params) throws Exception {
        assertThat(seqScans(sql, params)).as(sql).isEmpty();
    }

    // ---- person search, every kind of key ---------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(
            strings = {
                "さたな", // reading
                "さたな きし", // reading and given name
                "サタナ", // katakana
                "satana", // romaji
                "山田", // kanji name
                "山田中", // kanji, long enough for the contains and address conditions
                "S45.4.1", // wareki date
                "1970-04-01", // seireki date
                "1970", // year
                "0470-12-3456", // phone
                "桜台3-8-2", // address
                "桜台三丁目", // address with kanji numerals
                "H2025-123", // household number
                "さたな S45.4.1" // reading and date
            })
    void searchReadsThroughIndexes(String query) throws Exception {
        PersonSearch.PreparedSearch prepared = search.prepare(query, agency);
        assertIndexed(prepared.sql(), prepared.params());
        if (prepared.fallbackUseful()) {
            assertIndexed(prepared.fallbackSql(), prepared.params());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0470-12-3456", "桜台3-8-2", "p123@example.jp", "さたな", "S45.4.1"})
    void theProtectedValueCheckReadsOnlyProtectedPersons(String word) throws Exception {
        PersonSearch.ProtectedCheck check = search.protectedCheck(word);
        assertIndexed(check.sql(), check.params());
    }

    // ---- household page (the statements of PeopleService, ConsultationService and ReferralService) ------------

    MapSqlParameterSource household() {
        return new MapSqlParameterSource()
                .addValue("m", municipality)
                .addValue(
                        "household",
                        jdbc.queryForObject("select " + id(2, "1234"), new MapSqlParameterSource(), UUID.class))
                .addValue("agency", agency)
                .addValue("now", java.sql.Timestamp.from(java.time.Instant.now()));
    }

    @Test
    void householdPageReadsThroughIndexes() throws Exception {
        MapSqlParameterSource p = household();
        assertIndexed("select * from household where municipality_id = :m and id = :household", p);
        assertIndexed("""
                select agency_id from household_agency where municipality_id = :m and household_id = :household
                  and (ends_at is null or ends_at > :now)
                """, p);
        assertIndexed("""
                select m.id as member_id, p.* from household_member m
                join person p on p.municipality_id = m.municipality_id and p.id = m.person_id
                where m.municipality_id = :m and m.household_id = :household
                order by m.member_to nulls first, p.birth_date nulls last
                """, p);
        assertIndexed("""
                select * from consultation where municipality_id = :m and household_id = :household
                order by received_at desc
                """, p);
        UUID[] consultations = jdbc.queryForList(
                        "select id from consultation where household_id = :household", p, UUID.class)
                .toArray(UUID[]::new);
        p.addValue("ids", consultations);
        assertIndexed("""
                select consultation_id, issue_code, main from consultation_issue
                where municipality_id = :m and consultation_id = any(:ids)
                """, p);
        assertIndexed("""
                select consultation_id, person_id from consultation_person
                where municipality_id = :m and consultation_id = any(:ids)
                """, p);
        assertIndexed("""
                select * from referral where municipality_id = :m
                  and household_id = :household and (from_agency_id = :agency or to_agency_id = :agency)
                order by created_at desc limit 500
                """, p);
    }

    // ---- referrals ------------------------------------------------------------------------------------------

    @Test
    void referralInboxAndSentListsReadThroughIndexes() throws Exception {
        MapSqlParameterSource p = household();
        for (String condition : List.of("to_agency_id = :agency", "from_agency_id = :agency")) {
            assertIndexed(
                    "select * from referral where municipality_id = :m and %s order by created_at desc limit 500"
                            .formatted(condition),
                    p);
        }
        UUID[] referrals = jdbc.queryForList(
                        "select id from referral where to_agency_id = :agency order by created_at desc limit 500",
                        p,
                        UUID.class)
                .toArray(UUID[]::new);
        p.addValue("ids", referrals);
        assertIndexed(
                "select referral_id, issue_code from referral_issue where municipality_id = :m and referral_id = any(:ids)",
                p);
        assertIndexed(
                "select referral_id, person_id from referral_person where municipality_id = :m and referral_id = any(:ids)",
                p);
    }

    @Test
    void referralListPagesAndTheirCountsReadThroughIndexes() throws Exception {
        MapSqlParameterSource p = household()
                .addValue("state", "SENT")
                .addValue("limit", org.marugoto.referral.domain.ReferralService.PAGE_SIZE)
                .addValue("offset", 40L);
        for (String side : List.of("to_agency_id = :agency", "from_agency_id = :agency")) {
            for (String condition : List.of(side, side + " and status = :state")) {
                assertIndexed(org.marugoto.referral.domain.ReferralService.listCountSql(condition), p);
                for (var order : org.marugoto.referral.domain.ReferralService.ListOrder.values()) {
                    assertIndexed(org.marugoto.referral.domain.ReferralService.listPageSql(condition, order), p);
                }
            }
        }
    }

    @Test
    void householdNamesForAListReadThroughIndexes() throws Exception {
        MapSqlParameterSource p = household();
        p.addValue(
                "ids",
                jdbc.queryForList(
                                "select household_id from referral where to_agency_id = :agency limit 20",
                                p,
                                UUID.class)
                        .toArray(UUID[]::new));
        assertIndexed(org.marugoto.people.domain.PeopleService.HOUSEHOLD_NAMES_SQL, p);
    }

    // ---- casework ---------------------------------------------------------------------------------------------

    @Test
    void theCaseloadOfAnAgencysStaffReadsThroughIndexes() throws Exception {
        MapSqlParameterSource p = caseParams();
        p.addValue(
                "accounts",
                jdbc.queryForList(
                                "select distinct account_id from case_team_member limit 20",
                                new MapSqlParameterSource(),
                                UUID.class)
                        .toArray(UUID[]::new));
        assertIndexed(org.marugoto.casework.domain.Caseload.CASELOAD_SQL, p);
    }

    MapSqlParameterSource caseParams() {
        return household()
                .addValue(
                        "account", jdbc.queryForObject("select " + id(5, "7"), new MapSqlParameterSource(), UUID.class))
                .addValue(
                        "case",
                        jdbc.queryForObject("select " + id(6, "1230"), new MapSqlParameterSource(), UUID.class));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void caseListReadsThroughIndexes(boolean all) throws Exception {
        assertIndexed(CaseService.caseListSql(all), caseParams());
    }

    @Test
    void casePageReadsThroughIndexes() throws Exception {
        MapSqlParameterSource p = caseParams();
        // CaseService.find, activeAccounts, team, history and forHousehold
        assertIndexed("""
                select c.*, array(select person_id from support_case_person p
                                  where p.municipality_id = c.municipality_id and p.case_id = c.id) persons
                from support_case c where c.municipality_id = :m and c.id = :case
                """, p);
        assertIndexed("select account_id from case_team_member where case_id = :case and left_at is null", p);
        assertIndexed(
                "select * from case_team_member where case_id = :case order by left_at nulls first, role, joined_at",
                p);
        assertIndexed("select * from support_case_event where case_id = :case order by at, id", p);
        assertIndexed("""
                select c.*, array(select person_id from support_case_person p
                                  where p.municipality_id = c.municipality_id and p.case_id = c.id) persons
                from support_case c where c.municipality_id = :m and c.household_id = :household
                order by c.opened_at desc
                """, p);
    }

    // ---- audit ----------------------------------------------------------------------------------------------

    @Test
    void auditAppendInvestigationAndSealReadThroughIndexes() throws Exception {
        MapSqlParameterSource p = household()
                .addValue(
                        "person",
                        jdbc.queryForObject("select " + id(1, "777"), new MapSqlParameterSource(), UUID.class))
                .addValue("floor", 199000 - 100_000)
                .addValue("limit", 50);
        // the append: an insert with no read of the table
        assertIndexed("""
                insert into audit_event (municipality_id, id, occurred_at, actor_username, action, record_type,
                    record_id, purpose, details, seq)
                values (:m, gen_random_uuid(), :now, 'x', 'READ', 'household', :household, 'household page', '', 0)
                """, p);
        // a breach report: the consultations about a person, then who saw the records
        assertIndexed(
                "select consultation_id from consultation_person where municipality_id = :m and person_id = :person",
                p);
        assertIndexed("""
                select * from audit_event where municipality_id = :m and record_id in (:household, :person)
                order by occurred_at desc, id desc limit :limit
                """, p);
        // the sealer: the last seal, and the candidates after the bounded window
        assertIndexed(
                "select position, hash from audit_seal where municipality_id = :m order by position desc limit 1", p);
        assertIndexed("select coalesce(max(event_seq), 0) from audit_seal where municipality_id = :m", p);
        assertIndexed("""
                select e.* from audit_event e
                where e.seq > :floor and e.municipality_id = :m and e.occurred_at <= :now
                  and not exists (select 1 from audit_seal s where s.event_seq = e.seq and s.event_seq > :floor)
                order by e.seq
                limit 5000
                """, p);
    }
}
