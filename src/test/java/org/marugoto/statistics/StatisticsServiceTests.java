package org.marugoto.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.area.AreaApi;
import org.marugoto.consultation.ConsultationApi;
import org.marugoto.consultation.domain.ConsultationService;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.statistics.domain.Period;
import org.marugoto.statistics.domain.Report;
import org.marugoto.statistics.domain.ScopeChoice;
import org.marugoto.statistics.domain.StatisticsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The reports count the records exactly: consultations recorded through the real services in a month of their own
 * (see {@link StatisticsFixtures}), the whole city and an area (small counts hidden); the demo city's cases,
 * referrals and meetings agree with the records; periods and their labels; who may choose which scope.
 */
@MarugotoTest
class StatisticsServiceTests {

    static final Locale JA = Locale.JAPANESE;

    @Autowired
    StatisticsService statistics;

    @Autowired
    UserDetailsService users;

    @Autowired
    PeopleApi people;

    @Autowired
    ConsultationService consultations;

    @Autowired
    ConsultationApi consultationApi;

    @Autowired
    AreaApi areas;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void record() {
        StatisticsFixtures.record(users, people, consultations, areas);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    Actor as(String username) {
        PeopleFixtures.actAs(users, username);
        return CurrentActor.get().orElseThrow();
    }

    static Map<String, String> firstColumn(Report report) {
        return report.rows().stream()
                .collect(Collectors.toMap(
                        Report.Row::label,
                        r -> r.cells().get(0).text("5未満"),
                        (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    Report report(String key, Period period, ScopeChoice scope) {
        return statistics.report(key, period, scope, JA).orElseThrow();
    }

    String issue(String code) {
        return consultationApi.issueCodesByCode().get(code).nameJa();
    }

    @Test
    void theCityCountsAreExactlyTheRecordsOfThePeriod() {
        Actor coordinator = as("coordinator");
        Period june = Period.parse(StatisticsFixtures.PERIOD).orElseThrow();
        ScopeChoice city = statistics.scope(coordinator, "city", JA);
        assertThat(firstColumn(report("consultations-issue", june, city)))
                .containsExactly(
                        Map.entry(issue("CARE"), "6"),
                        Map.entry(issue("HEALTH"), "1"),
                        Map.entry(issue("INCOME"), "1"));
        assertThat(firstColumn(report("consultations-channel", june, city)))
                .containsExactly(Map.entry("来所", "6"), Map.entry("電話", "1"));
        assertThat(firstColumn(report("consultations-agency", june, city)).values())
                .containsExactly("7");
        // by area: always with small counts hidden; the six households (seven consultations) are in 南台小学校区
        assertThat(firstColumn(report("consultations-area", june, city))).containsExactly(Map.entry("南台小学校区", "7"));
        assertThat(firstColumn(report("households-issues", june, city)))
                .containsExactly(
                        Map.entry("相談のあった世帯", "6"),
                        Map.entry("うち複数の課題を抱える世帯", "1"),
                        Map.entry("複数の課題を抱える世帯の割合（％）", "16.7"));
        // the fiscal year holds the month; the month before holds nothing
        assertThat(firstColumn(report("consultations-channel", Period.fiscalYear(2010), city)))
                .containsExactly(Map.entry("来所", "6"), Map.entry("電話", "1"));
        assertThat(report("consultations-issue", Period.month(2010, 5), city).rows())
                .isEmpty();
    }

    @Test
    void anAreaIncludesTheAreasUnderItAndHidesCountsBelowFive() {
        Actor planner = as("planner");
        Period june = Period.parse(StatisticsFixtures.PERIOD).orElseThrow();
        String s1 = "area:" + areas.findByCode("S1").orElseThrow().id();
        ScopeChoice area = statistics.scope(planner, s1, JA);
        assertThat(area.byArea()).isTrue();
        Report issues = report("consultations-issue", june, area);
        assertThat(issues.suppressed()).isTrue();
        assertThat(firstColumn(issues))
                .containsExactly(
                        Map.entry(issue("CARE"), "6"),
                        Map.entry(issue("HEALTH"), "5未満"),
                        Map.entry(issue("INCOME"), "5未満"));
        // a hidden count carries no value at all, so that no download can reveal it
        assertThat(issues.rows().get(1).cells().get(0).value()).isNull();
        assertThat(firstColumn(report("households-issues", june, area)))
                .containsExactly(
                        Map.entry("相談のあった世帯", "6"),
                        Map.entry("うち複数の課題を抱える世帯", "5未満"),
                        Map.entry("複数の課題を抱える世帯の割合（％）", "5未満"));
        // another area: nothing
        String w1 = "area:" + areas.findByCode("W1").orElseThrow().id();
        assertThat(report("consultations-issue", june, statistics.scope(planner, w1, JA))
                        .rows())
                .isEmpty();
    }

    @Test
    void theDemoCitysCasesReferralsAndMeetingsAgreeWithTheRecords() {
        Actor coordinator = as("coordinator");
        Period year = statistics.period(null);
        assertThat(year.kind()).isEqualTo(Period.Kind.FISCAL_YEAR);
        ScopeChoice city = statistics.scope(coordinator, null, JA);
        java.sql.Timestamp from = java.sql.Timestamp.from(
                year.from().atStartOfDay(org.marugoto.shared.Japan.ZONE).toInstant());
        java.sql.Timestamp to = java.sql.Timestamp.from(year.to()
                .plusDays(1)
                .atStartOfDay(org.marugoto.shared.Japan.ZONE)
                .toInstant());
        long opened = jdbc.sql("select count(*) from support_case_event where kind = 'OPENED' and at >= ? and at < ?")
                .params(from, to)
                .query(Long.class)
                .single();
        assertThat(firstColumn(report("cases", year, city))).containsEntry("開始した事例", Long.toString(opened));
        long sent = jdbc.sql("select count(*) from referral where created_at >= ? and created_at < ?")
                .params(from, to)
                .query(Long.class)
                .single();
        long reported = report("referrals", year, city).rows().stream()
                .mapToLong(r -> Math.round(r.cells().get(0).value()))
                .sum();
        assertThat(reported).isEqualTo(sent);
        long held = jdbc.sql("select count(*) from case_conference where kind = 'JUSHO' and status = 'HELD'"
                        + " and held_at >= ? and held_at < ?")
                .params(from, to)
                .query(Long.class)
                .single();
        assertThat(report("meetings", year, city).rows().get(0).cells().get(0).text("5未満"))
                .isEqualTo(Long.toString(held));
        long outreach = jdbc.sql("select count(*) from outreach_record where created_at < ?"
                        + " and (closed_at is null or closed_at >= ?)")
                .params(to, from)
                .query(Long.class)
                .single();
        assertThat(report("outreach", year, city).rows().stream()
                        .mapToLong(r -> Math.round(r.cells().get(0).value()))
                        .sum())
                .isEqualTo(outreach);
    }

    @Test
    void consultationsCountByWhoConsultedFirstResponseSexAndAgeGroup() {
        Actor coordinator = as("coordinator");
        Period june = Period.parse(StatisticsFixtures.PERIOD).orElseThrow();
        ScopeChoice city = statistics.scope(coordinator, "city", JA);
        assertThat(firstColumn(report("consultations-consulter", june, city))).containsExactly(Map.entry("本人", "7"));
        assertThat(firstColumn(report("consultations-response", june, city)))
                .containsExactly(Map.entry("窓口で対応した", "7"));
        assertThat(firstColumn(report("consultations-sex", june, city))).containsExactly(Map.entry("女性", "7"));
        // born in January 1950: 60 in June 2010
        assertThat(firstColumn(report("consultations-age", june, city))).containsExactly(Map.entry("40〜64歳", "7"));
        // the same by area: seven is not small
        String s1 = "area:" + areas.findByCode("S1").orElseThrow().id();
        assertThat(firstColumn(report("consultations-age", june, statistics.scope(coordinator, s1, JA))))
                .containsExactly(Map.entry("40〜64歳", "7"));
    }

    @Test
    void theDurationReportsCountEveryRecordOfThePeriodOnce() {
        Actor coordinator = as("coordinator");
        Period year = statistics.period(null);
        ScopeChoice city = statistics.scope(coordinator, null, JA);
        java.sql.Timestamp from = java.sql.Timestamp.from(
                year.from().atStartOfDay(org.marugoto.shared.Japan.ZONE).toInstant());
        java.sql.Timestamp to = java.sql.Timestamp.from(year.to()
                .plusDays(1)
                .atStartOfDay(org.marugoto.shared.Japan.ZONE)
                .toInstant());
        long sent = jdbc.sql("select count(*) from referral where created_at >= ? and created_at < ?")
                .params(from, to)
                .query(Long.class)
                .single();
        for (String key : List.of("referrals-answer", "referrals-complete")) {
            long counted = report(key, year, city).rows().stream()
                    .filter(Report.Row::charted)
                    .mapToLong(r -> Math.round(r.cells().get(0).value()))
                    .sum();
            assertThat(counted).as(key).isEqualTo(sent);
        }
        long overdue = jdbc.sql("select count(*) from referral where created_at >= ? and created_at < ?"
                        + " and overdue_since is not null")
                .params(from, to)
                .query(Long.class)
                .single();
        assertThat(firstColumn(report("referrals-answer", year, city))).containsEntry("期限超過", Long.toString(overdue));
        long closed = jdbc.sql("select count(*) from support_case where closed_at >= ? and closed_at < ?")
                .params(from, to)
                .query(Long.class)
                .single();
        long open = jdbc.sql(
                        "select count(*) from support_case where opened_at < ? and (closed_at is null or closed_at >= ?)")
                .params(to, to)
                .query(Long.class)
                .single();
        Report durations = report("case-durations", year, city);
        assertThat(durations.rows().stream()
                        .filter(Report.Row::charted)
                        .mapToLong(r -> Math.round(r.cells().get(0).value()))
                        .sum())
                .isEqualTo(closed);
        assertThat(durations.rows().stream()
                        .filter(Report.Row::charted)
                        .mapToLong(r -> Math.round(r.cells().get(1).value()))
                        .sum())
                .isEqualTo(open);
        long begun = jdbc.sql("select count(*) from outreach_record where created_at >= ? and created_at < ?")
                .params(from, to)
                .query(Long.class)
                .single();
        assertThat(report("outreach-contact", year, city).rows().stream()
                        .mapToLong(r -> Math.round(r.cells().get(0).value()))
                        .sum())
                .isEqualTo(begun);
        long raised = jdbc.sql("select count(*) from watch_concern where created_at >= ? and created_at < ?")
                .params(from, to)
                .query(Long.class)
                .single();
        assertThat(report("concerns", year, city).rows().stream()
                        .mapToLong(r -> Math.round(r.cells().get(0).value()))
                        .sum())
                .isEqualTo(raised);
    }

    @Autowired
    org.marugoto.referral.domain.ReferralService referralService;

    @Autowired
    org.marugoto.directory.DirectoryApi directory;

    /** The figures of one sender → receiver row of the referral report (zeros when there is no such row). */
    List<String> referralRow(Period period, ScopeChoice scope, String pair) {
        return report("referrals", period, scope).rows().stream()
                .filter(r -> r.label().equals(pair))
                .findFirst()
                .map(r -> r.cells().stream().map(c -> c.text("5未満")).toList())
                .orElse(List.of("0", "0", "0", "0", "0", "0", "—", "0"));
    }

    @Test
    void aReferralSentAndAcceptedThroughTheServicesCountsOnceForItsPair() {
        Actor caseworker = as("caseworker");
        Period year = statistics.period(null);
        ScopeChoice city = statistics.scope(caseworker, "city", JA);
        String from = directory.agencyByCode("HOKATSU-N").orElseThrow().name();
        String to = directory.agencyByCode("JIRITSU").orElseThrow().name();
        String pair = from + " → " + to;
        List<String> before = referralRow(year, city, pair);
        var self = people.register(
                new org.marugoto.people.PersonCommand(
                        "統計",
                        "次郎",
                        "とうけい",
                        "じろう",
                        null,
                        org.marugoto.people.Sex.MALE,
                        java.time.LocalDate.of(1970, 3, 3),
                        null,
                        null,
                        org.marugoto.people.LivingSituation.ALONE,
                        null,
                        null,
                        null,
                        null,
                        null),
                PeopleFixtures.newHousehold());
        var sent = referralService.send(new org.marugoto.referral.domain.SendReferral(
                self.householdId(),
                null,
                directory.agencyByCode("JIRITSU").orElseThrow().id(),
                null,
                List.of(self.person().id()),
                List.of("INCOME"),
                org.marugoto.consultation.Urgency.NORMAL,
                "統計のためのつなぎ",
                null,
                null,
                org.marugoto.consultation.ConsentStatus.NOT_ASKED,
                null,
                statistics.today().plusDays(14)));
        List<String> waiting = referralRow(year, city, pair);
        assertThat(Long.parseLong(waiting.get(0))).isEqualTo(Long.parseLong(before.get(0)) + 1);
        assertThat(Long.parseLong(waiting.get(5))).isEqualTo(Long.parseLong(before.get(5)) + 1);
        as("caseworker2");
        referralService.accept(sent.id(), sent.version());
        List<String> accepted = referralRow(year, city, pair);
        assertThat(Long.parseLong(accepted.get(0))).isEqualTo(Long.parseLong(before.get(0)) + 1);
        assertThat(Long.parseLong(accepted.get(1))).isEqualTo(Long.parseLong(before.get(1)) + 1);
        assertThat(Long.parseLong(accepted.get(5))).isEqualTo(Long.parseLong(before.get(5)));
        // answered the same day: the median is a number of days
        assertThat(accepted.get(6)).matches("\\d+\\.\\d");
        // the sending agency's scope has the row, an unrelated agency's has not
        ScopeChoice sender = statistics.scope(
                as("coordinator"),
                "agency:" + directory.agencyByCode("HOKATSU-N").orElseThrow().id(),
                JA);
        assertThat(referralRow(year, sender, pair).get(0)).isEqualTo(accepted.get(0));
        ScopeChoice other = statistics.scope(
                as("coordinator"),
                "agency:" + directory.agencyByCode("KODOMO").orElseThrow().id(),
                JA);
        assertThat(report("referrals", year, other).rows())
                .noneMatch(r -> r.label().equals(pair));
    }

    @Test
    void periodsRunFromAprilAndAreLabelledInBothCalendars() {
        Period fy = Period.parse("FY2026").orElseThrow();
        assertThat(fy.from()).isEqualTo(java.time.LocalDate.of(2026, 4, 1));
        assertThat(fy.to()).isEqualTo(java.time.LocalDate.of(2027, 3, 31));
        assertThat(fy.label(JA)).isEqualTo("令和8年度（2026年度）");
        assertThat(fy.label(Locale.ENGLISH)).isEqualTo("FY2026 (令和8年度)");
        Period q4 = Period.parse("Q2026-4").orElseThrow();
        assertThat(q4.from()).isEqualTo(java.time.LocalDate.of(2027, 1, 1));
        assertThat(q4.to()).isEqualTo(java.time.LocalDate.of(2027, 3, 31));
        assertThat(q4.label(JA)).isEqualTo("令和8年度 第4四半期（2027年1月〜3月）");
        assertThat(Period.parse("M2019-05").orElseThrow().label(JA)).isEqualTo("令和元年5月（2019年5月）");
        assertThat(Period.parse("M2019-04").orElseThrow().label(JA)).isEqualTo("平成31年4月（2019年4月）");
        assertThat(Period.parse("FY1999")).isEmpty();
        assertThat(Period.parse("M2026-13")).isEmpty();
        assertThat(Period.parse("'; drop table")).isEmpty();
        assertThat(Period.fiscalYearOf(java.time.LocalDate.of(2027, 3, 31))).isEqualTo(2026);
        assertThat(Period.choices(java.time.LocalDate.of(2026, 12, 5)))
                .extracting(Period::code)
                .startsWith("FY2026", "FY2025")
                .contains("Q2026-3", "M2026-12", "M2025-01")
                .doesNotContain("Q2026-4");
    }

    @Test
    void aSupervisorChoosesOnlyTheirOwnAgency() {
        Actor supervisor = as("supervisor");
        List<ScopeChoice> scopes = statistics.scopes(supervisor, JA);
        assertThat(scopes.stream().filter(ScopeChoice::byAgency).map(s -> s.scope()
                        .agencyId()))
                .containsExactly(supervisor.agencyId());
        UUIDs other = new UUIDs(jdbc);
        assertThatThrownBy(() -> statistics.scope(supervisor, "agency:" + other.notOf(supervisor), JA))
                .isInstanceOf(AccessDeniedException.class);
        Actor coordinator = as("coordinator");
        assertThat(statistics
                        .scope(coordinator, "agency:" + other.notOf(supervisor), JA)
                        .byAgency())
                .isTrue();
        // nonsense falls back to the city
        assertThat(statistics.scope(coordinator, "area:nonsense", JA).code()).isEqualTo("city");
    }

    record UUIDs(JdbcClient jdbc) {
        java.util.UUID notOf(Actor actor) {
            return jdbc.sql("select id from agency where id <> ? order by code limit 1")
                    .param(actor.agencyId())
                    .query(java.util.UUID.class)
                    .single();
        }
    }
}
