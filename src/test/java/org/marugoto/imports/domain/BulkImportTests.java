package org.marugoto.imports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.audit.AuditEventView;
import org.marugoto.people.BulkMember;
import org.marugoto.people.BulkRegistrationApi;
import org.marugoto.people.MemberView;
import org.marugoto.people.MembershipCommand;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PersonCommand;
import org.marugoto.people.Relationship;
import org.marugoto.people.Sex;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bulk path of the person import (decision 0035) against the path it replaced, one {@link PeopleApi#register} per
 * row: for the same file in the same database, the same persons with the same normalised keys, the same households
 * and memberships, the same linkage pairs, and an audit trail in which every imported person's creation is found
 * (one import row instead of one row per person). A failure in the middle of a batch leaves nothing; importing a file
 * again changes nothing.
 */
@MarugotoTest
class BulkImportTests {

    @Autowired
    PersonImport imports;

    @Autowired
    PeopleApi people;

    @Autowired
    BulkRegistrationApi bulk;

    @Autowired
    AuditApi audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void coordinator() {
        CurrentActor.actAs(users.loadUserByUsername("coordinator"));
    }

    static final String HEADER = "世帯番号,宛名番号,氏,名,氏カナ,名カナ,性別,生年月日,続柄,住所,地域コード,電話番号\r\n";

    /** A household imported before (its key is known), then a file that adds to it, with likely duplicates. */
    static String file(String k) {
        return HEADER
                + "H" + k + "-1,P" + k + "-1,照合,一郎,ショウゴウ,イチロウ,男,昭和30年5月1日,世帯主,美月野市南台2-1-1,S1-1,090-1111-2222\r\n"
                + "H" + k + "-1,P" + k + "-2,照合,花子,ショウゴウ,ハナコ,女,昭和32年7月7日,妻,美月野市南台2-1-1,S1-1,\r\n"
                + "H" + k + "-1,P" + k + "-3,照合,太郎,ショウゴウ,タロウ,男,1985-04-01,長男,美月野市南台2-1-1,S1-1,\r\n"
                + "H" + k + "-2,P" + k + "-4,照合,一郎,ショウゴウ,イチロウ,男,1955-05-01,本人,美月野市北町1-2,,090-1111-2222\r\n"
                + "H" + k + "-3,P" + k + "-5,照合,花子,ショウゴウ,ハナコ,女,1957-07-08,本人,,,\r\n"
                + "H" + k + "-4,P" + k + "-6,髙橋,𠮷男,タカハシ,ヨシオ,男,1980-02-03,本人,,,090-1234-5678\r\n"
                + "H" + k + "-0,P" + k + "-7,照合,春子,ショウゴウ,ハルコ,女,1930-03-03,母,,,\r\n";
    }

    UUID preview(String name, String csv) {
        PersonImport.Preview preview = imports.preview(name, csv.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.errors()).isEmpty();
        return java.util.Objects.requireNonNull(preview.token());
    }

    <T> T rolledBack(Supplier<T> work) {
        TransactionTemplate t = new TransactionTemplate(transactions);
        return java.util.Objects.requireNonNull(t.execute(status -> {
            T result = work.get();
            status.setRollbackOnly();
            return result;
        }));
    }

    @Test
    void theBulkPathStoresWhatRegisteringEachPersonStores() {
        String k = UUID.randomUUID().toString().substring(0, 8);
        imports.commit(
                preview("before.csv", HEADER + "H" + k + "-0,P" + k + "-0,照合,勇,ショウゴウ,イサム,男,1928-01-01,世帯主,,,\r\n"));
        UUID existingHousehold = jdbc.sql("select record_id from imported_record where external_key = ?")
                .param("H" + k + "-0")
                .query(UUID.class)
                .single();
        UUID token = preview("persons.csv", file(k));
        List<PersonImport.Line> lines = imports.stagedLines(token);
        assertThat(lines).hasSize(7);

        // the path before: one registration per row, as the import's commit did
        Snapshot single = rolledBack(() -> {
            Map<String, UUID> persons = new LinkedHashMap<>();
            Map<UUID, String> households = new HashMap<>();
            households.put(existingHousehold, "H" + k + "-0");
            Map<String, UUID> byKey = new HashMap<>();
            byKey.put("H" + k + "-0", existingHousehold);
            for (PersonImport.Line l : lines) {
                MemberView m = people.register(
                        l.person(),
                        new MembershipCommand(byKey.get(l.householdKey()), null, l.relationship(), true, null));
                byKey.putIfAbsent(l.householdKey(), m.householdId());
                households.put(m.householdId(), l.householdKey());
                persons.put(l.personKey(), m.person().id());
            }
            return snapshot(persons, households);
        });
        // the bulk path
        Snapshot bulkPath = rolledBack(() -> {
            PersonImport.Result result = imports.commit(token);
            assertThat(result.created()).isEqualTo(7);
            assertThat(result.households()).isEqualTo(4);
            Map<String, UUID> persons = new LinkedHashMap<>();
            Map<UUID, String> households = new HashMap<>();
            jdbc.sql("select kind, external_key, record_id from imported_record where external_key like ?")
                    .param("_" + k + "-%")
                    .query(rs -> {
                        if (rs.getString("kind").equals("PERSON")) {
                            if (!rs.getString("external_key").endsWith("-0")) {
                                persons.put(rs.getString("external_key"), rs.getObject("record_id", UUID.class));
                            }
                        } else {
                            households.put(rs.getObject("record_id", UUID.class), rs.getString("external_key"));
                        }
                    });
            // one audit row for the import, naming the file and what it created; none per person
            assertThat(jdbc.sql("""
                            select details from audit_event where record_type = 'import' and record_id = ?
                            """)
                            .param(result.importId())
                            .query(String.class)
                            .list())
                    .singleElement()
                    .asString()
                    .contains("persons.csv")
                    .contains("created=7");
            assertThat(jdbc.sql("""
                            select count(*) from audit_event where record_type = 'person' and action = 'CREATE'
                              and record_id = any(?)
                            """)
                            .param(persons.values().toArray(UUID[]::new))
                            .query(Long.class)
                            .single())
                    .isZero();
            return snapshot(persons, households);
        });

        assertThat(single.persons()).hasSize(7);
        assertThat(bulkPath.persons()).isEqualTo(single.persons());
        assertThat(bulkPath.memberships()).isEqualTo(single.memberships());
        assertThat(bulkPath.households()).isEqualTo(single.households());
        assertThat(single.links()).as("the file has likely duplicates").isNotEmpty();
        assertThat(bulkPath.links()).isEqualTo(single.links());
        // in both, an auditor asking about any imported person finds who created it and when
        assertThat(bulkPath.created()).isEqualTo(single.created()).containsOnly(true);
    }

    /** What the paths are compared on: ids and times replaced by the file's keys. */
    record Snapshot(
            Map<String, String> persons,
            Map<String, String> memberships,
            Map<String, String> households,
            TreeSet<String> links,
            List<Boolean> created) {}

    Snapshot snapshot(Map<String, UUID> persons, Map<UUID, String> households) {
        Map<UUID, String> label = new HashMap<>();
        persons.forEach((key, id) -> label.put(id, key));
        Map<String, String> personRows = new TreeMap<>();
        Map<String, String> memberRows = new TreeMap<>();
        List<Boolean> created = new ArrayList<>();
        for (Map.Entry<String, UUID> p : persons.entrySet()) {
            Map<String, Object> row = new TreeMap<>(jdbc.sql("select * from person where id = ?")
                    .param(p.getValue())
                    .query()
                    .singleRow());
            for (String volatileColumn : List.of("id", "created_at", "updated_at", "visible_agencies")) {
                row.remove(volatileColumn);
            }
            row.put(
                    "visible_agencies",
                    new TreeSet<>(jdbc.sql("select unnest(visible_agencies)::text from person where id = ?")
                            .param(p.getValue())
                            .query(String.class)
                            .list()));
            personRows.put(p.getKey(), row.toString());
            memberRows.put(
                    p.getKey(),
                    jdbc.sql("""
                                    select household_id, relationship, lives_together, member_from, member_to, end_reason,
                                        version, created_by
                                    from household_member where person_id = ?
                                    """)
                            .param(p.getValue())
                            .query((rs, i) -> households.get(rs.getObject("household_id", UUID.class)) + " "
                                    + rs.getString("relationship") + " " + rs.getBoolean("lives_together") + " "
                                    + rs.getObject("member_from") + " " + rs.getObject("member_to") + " "
                                    + rs.getString("end_reason") + " " + rs.getInt("version") + " "
                                    + rs.getString("created_by"))
                            .list()
                            .toString());
            created.add(audit.about(p.getValue(), 50).stream()
                    .anyMatch((AuditEventView e) ->
                            e.action() == AuditAction.CREATE && "coordinator".equals(e.actorUsername())));
        }
        Map<String, String> householdRows = new TreeMap<>();
        households.forEach((id, key) -> householdRows.put(
                key,
                jdbc.sql("""
                                select name, address, address_key, area_id, owner_agency_id, created_by, version
                                from household where id = ?
                                """).param(id).query().singleRow().toString()
                        + jdbc.sql("""
                                        select agency_id, reason, consent_id, ends_at from household_agency
                                        where household_id = ? order by agency_id
                                        """).param(id).query().listOfRows()));
        TreeSet<String> links = new TreeSet<>();
        jdbc.sql("""
                        select person_a, person_b, weight, probability, decision, reasons, status
                        from person_link_candidate where person_a = any(?) or person_b = any(?)
                        """)
                .params(persons.values().toArray(UUID[]::new), persons.values().toArray(UUID[]::new))
                .query(rs -> {
                    UUID a = rs.getObject("person_a", UUID.class);
                    UUID b = rs.getObject("person_b", UUID.class);
                    String la = label.getOrDefault(a, a.toString());
                    String lb = label.getOrDefault(b, b.toString());
                    String[] pair = {la, lb};
                    Arrays.sort(pair);
                    // the weight is left out: the name frequencies are counted at each save one by one, and once
                    // after the whole file in bulk (decision 0035), so a name the file brings twice weighs a little
                    // differently; the pairs, decisions and reasons are the same
                    links.add(pair[0] + "~" + pair[1] + " " + rs.getString("decision") + " " + rs.getString("reasons")
                            + " " + rs.getString("status"));
                });
        return new Snapshot(personRows, memberRows, householdRows, links, created);
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    static PersonCommand person(String given, String givenKana, int day, String phone) {
        return new PersonCommand(
                "一括",
                given,
                "イッカツ",
                givenKana,
                null,
                Sex.FEMALE,
                java.time.LocalDate.of(1960, 1, 1).plusDays(day),
                "美月野市東町3-4",
                null,
                null,
                phone,
                null,
                null,
                null,
                null);
    }

    @Test
    void aFailureInTheMiddleOfABatchLeavesNothing() {
        String k = UUID.randomUUID().toString().substring(0, 8);
        List<String> tables = List.of(
                "person", "household", "household_member", "household_agency", "person_link_candidate", "audit_event");
        Map<String, Long> before = new LinkedHashMap<>();
        tables.forEach(t -> before.put(t, count(t)));
        List<BulkMember> members = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            // the 1,201st member (in the second batch of statements, after the first was written) has no phone
            // number that can be read
            members.add(new BulkMember(
                    k + "-" + (i / 3),
                    null,
                    person("花子" + i, "ハナコ", i, i == 1200 ? "でんわ" : null),
                    i % 3 == 0 ? Relationship.SELF : Relationship.CHILD));
        }
        assertThatThrownBy(() -> bulk.registerAll(
                        members, new AuditEntry(AuditAction.CREATE, "import", UUID.randomUUID(), "test", Map.of())))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.messageKey()).isEqualTo("validation.phone"));
        Map<String, Long> after = new LinkedHashMap<>();
        tables.forEach(t -> after.put(t, count(t)));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void importingTheSameFileAgainChangesNothing() {
        String k = UUID.randomUUID().toString().substring(0, 8);
        imports.commit(
                preview("before.csv", HEADER + "H" + k + "-0,P" + k + "-0,照合,勇,ショウゴウ,イサム,男,1928-01-01,世帯主,,,\r\n"));
        PersonImport.Result first = imports.commit(preview("persons.csv", file(k)));
        assertThat(first.created()).isEqualTo(7);
        List<String> tables = List.of(
                "person",
                "household",
                "household_member",
                "household_agency",
                "imported_record",
                "person_link_candidate");
        Map<String, Long> before = new LinkedHashMap<>();
        tables.forEach(t -> before.put(t, count(t)));
        List<String> links = jdbc.sql(
                        "select id || ' ' || found_at || ' ' || probability from person_link_candidate order by id")
                .query(String.class)
                .list();

        PersonImport.Preview again = imports.preview("persons.csv", file(k).getBytes(StandardCharsets.UTF_8));
        assertThat(again.newPersons()).isZero();
        assertThat(again.unchanged()).isEqualTo(7);
        PersonImport.Result second = imports.commit(java.util.Objects.requireNonNull(again.token()));
        assertThat(second.created()).isZero();
        assertThat(second.unchanged()).isEqualTo(7);

        Map<String, Long> after = new LinkedHashMap<>();
        tables.forEach(t -> after.put(t, count(t)));
        assertThat(after).isEqualTo(before);
        assertThat(jdbc.sql("select id || ' ' || found_at || ' ' || probability from person_link_candidate order by id")
                        .query(String.class)
                        .list())
                .isEqualTo(links);
    }
}
