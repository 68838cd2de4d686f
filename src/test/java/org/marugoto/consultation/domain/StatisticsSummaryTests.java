package org.marugoto.consultation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.consultation.ConsultationStatistics.By;
import org.marugoto.consultation.ConsultationStatistics.HouseholdIssues;
import org.marugoto.shared.CountScope;
import org.marugoto.shared.Japan;
import org.marugoto.shared.Tenancy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statistics summary (decision 0034) counts exactly what the records count: varied generated consultations (some
 * with no issue, no person, several persons; households without an area and with a protected member), then every kind
 * of later write (consultations moved to another day, household, agency or channel, deleted; issue codes added,
 * changed and removed; persons' sex and date of birth changed, persons named and unnamed; households moved to another
 * area; persons protected and unprotected, a protected person joining a household; approximate dates of birth given,
 * changed and replaced), and after each round every report by every key (also the age groups counted from approximate
 * dates), for every month, quarter and fiscal year, parts of them from their first day (the running fiscal year), ranges
 * that are none of them, and the scopes city, each agency, each area and all areas, is compared with the same count
 * from the records.
 */
@MarugotoTest
class StatisticsSummaryTests {

    static final String BY = "sumtab-test";
    static final LocalDate START = LocalDate.of(2003, 4, 1);
    static final int DAYS = 730;

    @Autowired
    ConsultationStatisticsQuery statistics;

    @Autowired
    ConsultationSummary summary;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tenancy tenancy;

    final Random random = new Random(17);
    final List<UUID> households = new ArrayList<>();
    final List<UUID> persons = new ArrayList<>();
    final List<UUID> consultations = new ArrayList<>();
    List<UUID> areas = List.of();
    List<UUID> agencies = List.of();
    List<String> codes = List.of();

    static final List<String> CHANNELS = List.of("VISIT", "PHONE", "HOME_VISIT", "MAIL");
    static final List<String> CONSULTERS = List.of("SELF", "FAMILY", "NEIGHBOUR", "AGENCY");
    static final List<String> RESPONSES = List.of("ANSWERED_AT_COUNTER", "REFERRED", "OUTREACH_NEEDED");

    UUID m() {
        return tenancy.municipalityId();
    }

    @Test
    void theSummaryCountsWhatTheRecordsCountThroughEveryKindOfWrite() {
        areas = jdbc.sql("select id from area where municipality_id = :m order by code")
                .param("m", m())
                .query(UUID.class)
                .list();
        agencies = jdbc.sql("select id from agency where municipality_id = :m order by id limit 4")
                .param("m", m())
                .query(UUID.class)
                .list();
        codes = jdbc.sql("select code from issue_code where municipality_id = :m order by code limit 6")
                .param("m", m())
                .query(String.class)
                .list();
        assertThat(areas).hasSizeGreaterThan(2);
        assertThat(agencies).hasSizeGreaterThan(1);
        assertThat(codes).hasSizeGreaterThan(3);

        for (int h = 0; h < 30; h++) {
            UUID household = household(h % 10 == 9 ? null : areas.get(h % areas.size()));
            int members = 1 + random.nextInt(3);
            for (int p = 0; p < members; p++) {
                persons.add(member(household, h * 10 + p));
            }
        }
        jdbc.sql("update person set protected = true where municipality_id = :m and id = :id")
                .param("m", m())
                .param("id", persons.get(3))
                .update();
        for (int c = 0; c < 300; c++) {
            consultation();
        }
        compareEverything("generated");

        // consultations moved to another day, household, agency or channel
        for (int i = 0; i < 25; i++) {
            UUID c = pick(consultations);
            switch (i % 4) {
                case 0 ->
                    update("update consultation set received_at = :v where municipality_id = :m and id = :id", c, at());
                case 1 ->
                    update(
                            "update consultation set household_id = :v where municipality_id = :m and id = :id",
                            c,
                            pick(households));
                case 2 ->
                    update(
                            "update consultation set agency_id = :v where municipality_id = :m and id = :id",
                            c,
                            pick(agencies));
                default ->
                    update(
                            "update consultation set channel = :v, first_response = 'REFERRED' where municipality_id = :m and id = :id",
                            c,
                            pick(CHANNELS));
            }
        }
        // issue codes added, changed, removed
        for (int i = 0; i < 25; i++) {
            UUID c = pick(consultations);
            switch (i % 3) {
                case 0 ->
                    jdbc.sql("delete from consultation_issue where municipality_id = :m and consultation_id = :id")
                            .param("m", m())
                            .param("id", c)
                            .update();
                case 1 ->
                    jdbc.sql("""
                                update consultation_issue set issue_code = :v
                                where municipality_id = :m and consultation_id = :id
                                  and not exists (select 1 from consultation_issue o where o.municipality_id = :m
                                                  and o.consultation_id = :id and o.issue_code = :v)
                                """)
                            .param("m", m())
                            .param("id", c)
                            .param("v", pick(codes))
                            .update();
                default -> issue(c, pick(codes), false);
            }
        }
        compareEverything("consultations and issues edited");

        // consultations deleted, persons named and unnamed
        for (int i = 0; i < 20; i++) {
            UUID c = consultations.remove(random.nextInt(consultations.size()));
            for (String table : List.of("consultation_issue", "consultation_person")) {
                jdbc.sql("delete from " + table + " where municipality_id = :m and consultation_id = :id")
                        .param("m", m())
                        .param("id", c)
                        .update();
            }
            jdbc.sql("delete from consultation where municipality_id = :m and id = :id")
                    .param("m", m())
                    .param("id", c)
                    .update();
        }
        for (int i = 0; i < 10; i++) {
            jdbc.sql("delete from consultation_person where municipality_id = :m and consultation_id = :id")
                    .param("m", m())
                    .param("id", pick(consultations))
                    .update();
            named(pick(consultations), pick(persons));
        }
        compareEverything("consultations deleted, persons named");

        // persons' sex and birth, households' areas, protection on and off, a protected person joining a household
        for (int i = 0; i < 15; i++) {
            update(
                    "update person set sex = :v where municipality_id = :m and id = :id",
                    pick(persons),
                    pick(List.of("MALE", "FEMALE", "OTHER")));
            update(
                    "update person set birth_date = :v, birth_year = null, birth_month = null, birth_estimated = false"
                            + " where municipality_id = :m and id = :id",
                    pick(persons),
                    random.nextInt(4) == 0
                            ? null
                            : LocalDate.of(1925 + random.nextInt(95), 1 + random.nextInt(12), 1 + random.nextInt(28)));
        }
        // approximate dates of birth: given, changed (year, month, estimated), replaced by an exact date and back
        for (int i = 0; i < 16; i++) {
            UUID person = pick(persons);
            Integer year = 1925 + random.nextInt(85);
            jdbc.sql(
                            switch (i % 4) {
                                case 0 ->
                                    "update person set birth_date = null, birth_year = :y, birth_month = :mo,"
                                            + " birth_estimated = false where municipality_id = :m and id = :id";
                                case 1 ->
                                    "update person set birth_date = null, birth_year = :y, birth_month = null,"
                                            + " birth_estimated = true where municipality_id = :m and id = :id";
                                case 2 ->
                                    "update person set birth_month = :mo where municipality_id = :m and id = :id"
                                            + " and birth_year is not null and not birth_estimated";
                                default ->
                                    "update person set birth_year = birth_year + 1 where municipality_id = :m and id = :id"
                                            + " and birth_year is not null";
                            })
                    .param("m", m())
                    .param("id", person)
                    .param("y", year)
                    .param("mo", 1 + random.nextInt(12))
                    .update();
        }
        jdbc.sql("""
                        update person set birth_year = null, birth_month = null, birth_estimated = false,
                            birth_date = date '1960-02-29'
                        where municipality_id = :m and id = :id
                        """).param("m", m()).param("id", persons.get(1)).update();
        jdbc.sql("""
                        update person set birth_estimated = not birth_estimated, birth_month = null
                        where municipality_id = :m and birth_year is not null and id = :id
                        """).param("m", m()).param("id", persons.get(5)).update();
        for (int i = 0; i < 6; i++) {
            update(
                    "update household set area_id = :v where municipality_id = :m and id = :id",
                    pick(households),
                    i == 5 ? null : pick(areas));
        }
        update("update person set protected = :v where municipality_id = :m and id = :id", persons.get(3), false);
        update("update person set protected = :v where municipality_id = :m and id = :id", persons.get(8), true);
        UUID joiner = persons.get(8);
        jdbc.sql("""
                        insert into household_member (municipality_id, id, household_id, person_id, relationship,
                            created_at, created_by, updated_at, updated_by)
                        values (:m, :id, :household, :person, 'OTHER', now(), :by, now(), :by)
                        """)
                .param("m", m())
                .param("id", UUID.randomUUID())
                .param("household", households.get(20))
                .param("person", joiner)
                .param("by", BY)
                .update();
        compareEverything("persons and households edited");
    }

    @Test
    void aRangeFromTheFirstDayOfAPeriodUpToAnyDayOfItHasHouseholdSpans() {
        assertThat(ConsultationSummary.periodCode(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31)))
                .contains("FY2026");
        assertThat(ConsultationSummary.periodCode(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 12, 5)))
                .contains("FY2026");
        assertThat(ConsultationSummary.periodCode(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)))
                .contains("Q2026-1");
        assertThat(ConsultationSummary.periodCode(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30)))
                .contains("M2026-04");
        assertThat(ConsultationSummary.periodCode(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 10)))
                .contains("Q2026-4");
        assertThat(ConsultationSummary.periodCode(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 5)))
                .contains("M2026-12");
        assertThat(ConsultationSummary.periodCode(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 7, 31)))
                .isEmpty(); // May is no quarter's first month, and the range outlasts May
        assertThat(ConsultationSummary.periodCode(LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 30)))
                .isEmpty();
        assertThat(ConsultationSummary.periodCode(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 4, 1)))
                .isEmpty();
        assertThat(ConsultationSummary.periodCode(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 3, 31)))
                .isEmpty();
    }

    /** Every report, period and scope: the summary equals the records. */
    void compareEverything(String round) {
        assertThat(summary.refresh()).as("%s: notes folded in", round).isPositive();
        List<LocalDate[]> periods = new ArrayList<>();
        for (int fy = 2003; fy <= 2004; fy++) {
            LocalDate start = LocalDate.of(fy, 4, 1);
            periods.add(new LocalDate[] {start, start.plusYears(1).minusDays(1)});
            for (int q = 0; q < 4; q++) {
                periods.add(new LocalDate[] {
                    start.plusMonths(3L * q), start.plusMonths(3L * q + 3).minusDays(1)
                });
            }
            for (int mo = fy == 2003 ? 0 : 9; mo < 12; mo++) { // every month of the first year, three of the second
                periods.add(new LocalDate[] {
                    start.plusMonths(mo), start.plusMonths(mo + 1).minusDays(1)
                });
            }
        }
        periods.add(new LocalDate[] {LocalDate.of(2003, 5, 10), LocalDate.of(2004, 2, 3)});
        periods.add(new LocalDate[] {LocalDate.of(2003, 6, 1), LocalDate.of(2003, 7, 31)});
        periods.add(new LocalDate[] {LocalDate.of(2003, 4, 1), LocalDate.of(2004, 5, 31)});
        // parts of periods from their first day (the running fiscal year up to "today", a month or quarter not over):
        // the households come from the summary for these too
        List<LocalDate[]> running = List.of(
                new LocalDate[] {LocalDate.of(2003, 4, 1), LocalDate.of(2003, 12, 5)},
                new LocalDate[] {LocalDate.of(2004, 4, 1), LocalDate.of(2005, 3, 30)},
                new LocalDate[] {LocalDate.of(2004, 4, 1), LocalDate.of(2004, 4, 1)},
                new LocalDate[] {LocalDate.of(2003, 4, 1), LocalDate.of(2003, 4, 20)},
                new LocalDate[] {LocalDate.of(2003, 7, 1), LocalDate.of(2003, 8, 15)},
                new LocalDate[] {LocalDate.of(2004, 1, 1), LocalDate.of(2004, 3, 30)},
                new LocalDate[] {LocalDate.of(2004, 10, 1), LocalDate.of(2004, 10, 31)});
        periods.addAll(running);
        List<CountScope> scopes = new ArrayList<>();
        scopes.add(CountScope.city());
        scopes.add(CountScope.areas(areas));
        scopes.add(CountScope.areas(List.of()));
        areas.forEach(a -> scopes.add(CountScope.areas(List.of(a))));
        agencies.forEach(a -> scopes.add(CountScope.agency(a)));
        long nonEmpty = 0;
        for (LocalDate[] p : periods) {
            for (CountScope scope : scopes) {
                for (By by : By.values()) {
                    Map<String, Long> fromRecords = statistics.consultationsByFromRecords(by, scope, p[0], p[1]);
                    assertThat(statistics.consultationsBy(by, scope, p[0], p[1]))
                            .as("%s: %s %s %s–%s", round, by, scope, p[0], p[1])
                            .containsExactlyEntriesOf(fromRecords);
                    nonEmpty += fromRecords.isEmpty() ? 0 : 1;
                }
                HouseholdIssues fromRecords = statistics.householdsWithIssuesFromRecords(scope, p[0], p[1]);
                assertThat(statistics.householdsWithIssues(scope, p[0], p[1]))
                        .as("%s: households with several issues %s %s–%s", round, scope, p[0], p[1])
                        .isEqualTo(fromRecords);
                if (running.contains(p)) {
                    assertThat(statistics.householdsWithIssuesFromSummary(scope, p[0], p[1]))
                            .as("%s: running part %s–%s read from the summary", round, p[0], p[1])
                            .contains(fromRecords);
                }
            }
        }
        assertThat(nonEmpty).as("%s: reports with counts", round).isGreaterThan(500);
        Map<String, Long> estimated = statistics.consultationsByFromRecords(
                By.AGE_GROUP_ESTIMATED, CountScope.city(), START, START.plusDays(DAYS));
        assertThat(estimated.keySet())
                .as("%s: age groups counted from approximate dates of birth", round)
                .hasSizeGreaterThan(1);
        HouseholdIssues year = statistics.householdsWithIssues(
                CountScope.city(), START, START.plusYears(1).minusDays(1));
        assertThat(year.withSeveralIssues())
                .as("some households with several issues")
                .isPositive();
        assertThat(year.households()).isGreaterThan(year.withSeveralIssues());
    }

    UUID household(@Nullable UUID area) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into household (municipality_id, id, case_number, name, area_id, owner_agency_id,
                            created_at, created_by, updated_at, updated_by)
                        values (:m, :id, :case, :name, :area, :agency, now(), :by, now(), :by)
                        """)
                .param("m", m())
                .param("id", id)
                .param("case", "ST" + households.size())
                .param("name", "集計試験" + households.size() + "家")
                .param("area", area)
                .param("agency", agencies.getFirst())
                .param("by", BY)
                .update();
        households.add(id);
        return id;
    }

    UUID member(UUID household, int n) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into person (municipality_id, id, owner_agency_id, family_name, family_name_kana, sex,
                            birth_date, birth_year, birth_month, birth_estimated, name_key, reading_key,
                            loose_reading_key, created_at, created_by, updated_at, updated_by)
                        values (:m, :id, :agency, '集計', 'シュウケイ', :sex, :birth, :year, :month, :estimated,
                            :key, :key, :key, now(), :by, now(), :by)
                        """)
                .param("m", m())
                .param("id", id)
                .param("agency", agencies.getFirst())
                .param("sex", n % 3 == 0 ? "FEMALE" : "MALE")
                // every seventh without a date of birth; of the rest, every fourth with an approximate one (a year and
                // month, a year, a year estimated from an age), born around the age-group boundaries of 2003–2005
                .param(
                        "birth",
                        n % 7 == 0 || n % 4 == 1 ? null : LocalDate.of(1930 + (n * 13) % 90, 1 + n % 12, 1 + n % 28))
                .param("year", n % 7 != 0 && n % 4 == 1 ? approximateYear(n) : null)
                .param("month", n % 7 != 0 && n % 4 == 1 && n % 3 == 0 ? 1 + n % 12 : null)
                .param("estimated", n % 7 != 0 && n % 4 == 1 && n % 3 == 1)
                .param("key", "集計" + n)
                .param("by", BY)
                .update();
        jdbc.sql("""
                        insert into household_member (municipality_id, id, household_id, person_id, relationship,
                            created_at, created_by, updated_at, updated_by)
                        values (:m, :id, :household, :person, 'SELF', now(), :by, now(), :by)
                        """)
                .param("m", m())
                .param("id", UUID.randomUUID())
                .param("household", household)
                .param("person", id)
                .param("by", BY)
                .update();
        return id;
    }

    /** A year of birth that puts a person near an age-group boundary (18, 40, 65, 75) in 2003–2005. */
    static int approximateYear(int n) {
        int[] boundaries = {18, 40, 65, 75};
        return 2004 - boundaries[n % boundaries.length] + (n % 3) - 1;
    }

    void consultation() {
        UUID id = UUID.randomUUID();
        UUID household = pick(households);
        jdbc.sql("""
                        insert into consultation (municipality_id, id, household_id, agency_id, received_at, channel,
                            consulter_type, urgency, consent_status, first_response, submission_token,
                            created_at, created_by, updated_at, updated_by)
                        values (:m, :id, :household, :agency, :at, :channel, :consulter, 'NORMAL', 'GIVEN', :response,
                            :token, now(), :by, now(), :by)
                        """)
                .param("m", m())
                .param("id", id)
                .param("household", household)
                .param("agency", pick(agencies))
                .param("at", at())
                .param("channel", pick(CHANNELS))
                .param("consulter", pick(CONSULTERS))
                .param("response", pick(RESPONSES))
                .param("token", UUID.randomUUID())
                .param("by", BY)
                .update();
        consultations.add(id);
        int issues = random.nextInt(4); // 0 to 3
        List<String> chosen = new ArrayList<>(codes);
        java.util.Collections.shuffle(chosen, random);
        for (int i = 0; i < issues; i++) {
            issue(id, chosen.get(i), i == 0);
        }
        int named = random.nextInt(3); // 0 to 2 persons, any persons (also of another household)
        for (int i = 0; i < named; i++) {
            named(id, pick(persons));
        }
    }

    void issue(UUID consultation, String code, boolean main) {
        jdbc.sql("""
                        insert into consultation_issue (municipality_id, consultation_id, issue_code, main)
                        values (:m, :id, :code, :main) on conflict do nothing
                        """)
                .param("m", m())
                .param("id", consultation)
                .param("code", code)
                .param("main", main)
                .update();
    }

    void named(UUID consultation, UUID person) {
        jdbc.sql("""
                        insert into consultation_person (municipality_id, consultation_id, person_id)
                        values (:m, :id, :person) on conflict do nothing
                        """)
                .param("m", m())
                .param("id", consultation)
                .param("person", person)
                .update();
    }

    /** A time in the two fiscal years, some of them just before or after midnight Japan time (the day boundary). */
    Timestamp at() {
        LocalDate day = START.plusDays(random.nextInt(DAYS));
        LocalTime time =
                switch (random.nextInt(4)) {
                    case 0 -> LocalTime.of(23, 59, 30);
                    case 1 -> LocalTime.of(0, 0, 10);
                    default -> LocalTime.of(9 + random.nextInt(8), random.nextInt(60));
                };
        return Timestamp.from(day.atTime(time).atZone(Japan.ZONE).toInstant());
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    void update(String sql, UUID id, @Nullable Object value) {
        jdbc.sql(sql).param("m", m()).param("id", id).param("v", value).update();
    }

    @AfterEach
    void removeTheGeneratedRecords() {
        for (String sql : List.of(
                "delete from consultation_issue where municipality_id = :m and consultation_id in"
                        + " (select id from consultation where municipality_id = :m and created_by = :by)",
                "delete from consultation_person where municipality_id = :m and consultation_id in"
                        + " (select id from consultation where municipality_id = :m and created_by = :by)",
                "delete from consultation where municipality_id = :m and created_by = :by",
                "delete from household_member where municipality_id = :m and created_by = :by",
                "delete from person where municipality_id = :m and created_by = :by",
                "delete from household where municipality_id = :m and created_by = :by")) {
            jdbc.sql(sql).param("m", m()).param("by", BY).update();
        }
        summary.refresh();
    }
}
