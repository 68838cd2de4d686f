package org.marugoto.consultation.domain;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.marugoto.consultation.ConsultationStatistics;
import org.marugoto.shared.CountScope;
import org.marugoto.shared.Japan;
import org.marugoto.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts only, by issue code: nothing that names a person leaves this class. */
@Component
class ConsultationStatisticsQuery implements ConsultationStatistics {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final ConsultationSummary summary;

    ConsultationStatisticsQuery(JdbcClient jdbc, Tenancy tenancy, ConsultationSummary summary) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.summary = summary;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Long> consultationsByIssue(Collection<UUID> areaIds, LocalDate from, LocalDate to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (areaIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        select i.issue_code, count(distinct c.id) n
                        from consultation c
                        join household h on h.municipality_id = c.municipality_id and h.id = c.household_id
                        join consultation_issue i on i.municipality_id = c.municipality_id and i.consultation_id = c.id
                        where c.municipality_id = :m and h.area_id in (:areas) and %s
                          and c.received_at >= :from and c.received_at < :to
                        group by i.issue_code order by n desc, i.issue_code
                        """.formatted(CountScope.NOT_PROTECTED))
                .param("m", tenancy.municipalityId())
                .param("areas", areaIds)
                .param("from", Timestamp.from(from.atStartOfDay(Japan.ZONE).toInstant()))
                .param(
                        "to",
                        Timestamp.from(to.plusDays(1).atStartOfDay(Japan.ZONE).toInstant()))
                .query((rs, i) -> counts.put(rs.getString("issue_code"), rs.getLong("n")))
                .list();
        return counts;
    }

    @Override
    @Transactional(readOnly = true)
    public long consultations(Collection<UUID> areaIds, LocalDate from, LocalDate to) {
        if (areaIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        select count(*) from consultation c
                        join household h on h.municipality_id = c.municipality_id and h.id = c.household_id
                        where c.municipality_id = :m and h.area_id in (:areas) and %s
                          and c.received_at >= :from and c.received_at < :to
                        """.formatted(CountScope.NOT_PROTECTED))
                .param("m", tenancy.municipalityId())
                .param("areas", areaIds)
                .param("from", Timestamp.from(from.atStartOfDay(Japan.ZONE).toInstant()))
                .param(
                        "to",
                        Timestamp.from(to.plusDays(1).atStartOfDay(Japan.ZONE).toInstant()))
                .query(Long.class)
                .single();
    }

    /**
     * Read from the summary (decision 0034), brought up to date first: equal to {@link #consultationsByFromRecords}.
     */
    @Override
    @Transactional(readOnly = true)
    public Map<String, Long> consultationsBy(By by, CountScope scope, LocalDate from, LocalDate to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<UUID> areaIds = scope.areaIds();
        if (areaIds != null && areaIds.isEmpty()) {
            return counts;
        }
        summary.refresh();
        summaryScope(jdbc.sql("""
                                select key k, sum(n) n from consultation_count
                                where municipality_id = :m and dimension = :dimension
                                  and scope_kind = :kind and scope_id in (:ids)
                                  and day >= :from and day <= :to
                                group by key order by n desc, key
                                """), scope)
                .param("m", tenancy.municipalityId())
                .param("dimension", by.name())
                .param("from", from)
                .param("to", to)
                .query((rs, i) -> counts.put(rs.getString("k"), rs.getLong("n")))
                .list();
        return counts;
    }

    /** Binds the scope of a summary row: the city (the municipality's id), an agency, or areas. */
    private JdbcClient.StatementSpec summaryScope(JdbcClient.StatementSpec statement, CountScope scope) {
        List<UUID> areaIds = scope.areaIds();
        UUID agencyId = scope.agencyId();
        if (areaIds != null) {
            return statement.param("kind", "A").param("ids", areaIds);
        }
        if (agencyId != null) {
            return statement.param("kind", "G").param("ids", List.of(agencyId));
        }
        return statement.param("kind", "C").param("ids", List.of(tenancy.municipalityId()));
    }

    /** {@link #consultationsBy} counted from the records (the summary's definition; the tests compare the two). */
    @Transactional(readOnly = true)
    Map<String, Long> consultationsByFromRecords(By by, CountScope scope, LocalDate from, LocalDate to) {
        String ageGroup = """
                consultation_age_group(p.id, (c.received_at at time zone 'Asia/Tokyo')::date, p.birth_date,
                                       p.birth_year, p.birth_month, p.birth_estimated)""";
        String key =
                switch (by) {
                    case ISSUE -> "i.issue_code";
                    case CHANNEL -> "c.channel";
                    case AGENCY -> "c.agency_id::text";
                    case AREA -> "coalesce(h.area_id::text, '')";
                    case CONSULTER_TYPE -> "c.consulter_type";
                    case FIRST_RESPONSE -> "c.first_response";
                    case SEX -> "coalesce(p.sex, 'NONE')";
                    case AGE_GROUP, AGE_GROUP_ESTIMATED -> ageGroup;
                };
        String issueJoin =
                switch (by) {
                    case ISSUE ->
                        "join consultation_issue i on i.municipality_id = c.municipality_id and i.consultation_id = c.id";
                    case SEX, AGE_GROUP, AGE_GROUP_ESTIMATED -> """
                            left join consultation_person cp
                                on cp.municipality_id = c.municipality_id and cp.consultation_id = c.id
                            left join person p on p.municipality_id = cp.municipality_id and p.id = cp.person_id""";
                    default -> "";
                };
        Map<String, Long> counts = new LinkedHashMap<>();
        scope.bind(jdbc.sql(consultationsBySql(by, key, issueJoin, scope)))
                .param("m", tenancy.municipalityId())
                .param("from", CountScope.start(from))
                .param("to", CountScope.end(to))
                .query((rs, i) -> counts.put(rs.getString("k"), rs.getLong("n")))
                .list();
        return counts;
    }

    /**
     * The statement of {@link #consultationsBy}. A consultation counts once under a key unless it has several persons
     * (sex, age group): then {@code count(distinct c.id)}, otherwise {@code count(*)} (an issue code is once per
     * consultation, its primary key). The household is joined only when the key or the scope needs it (the area);
     * {@code consultation.household_id} is not null and a foreign key, so leaving it out changes no count, and the rest
     * is an index-only scan of {@code consultation_statistics} (decision 0031). Package-private for the tests.
     */
    static String consultationsBySql(By by, String key, String issueJoin, CountScope scope) {
        boolean once = by != By.SEX && by != By.AGE_GROUP;
        boolean household = by == By.AREA || scope.byArea();
        if (by == By.AGE_GROUP_ESTIMATED) {
            // per consultation and age group: counted when every person who puts it there has an approximate date
            return """
                    select k, count(*) n from (
                        select c.id, %s k, bool_and(p.birth_date is null and p.birth_year is not null) estimated
                        from consultation c
                        %s
                        %s
                        where c.municipality_id = :m and %s
                          and c.received_at >= :from and c.received_at < :to
                        group by c.id, k) x
                    where estimated
                    group by k order by n desc, k
                    """.formatted(
                            key,
                            household
                                    ? "join household h on h.municipality_id = c.municipality_id and h.id = c.household_id"
                                    : "",
                            issueJoin,
                            scope.where("c.agency_id"));
        }
        return """
                select %s k, %s n
                from consultation c
                %s
                %s
                where c.municipality_id = :m and %s
                  and c.received_at >= :from and c.received_at < :to
                group by k order by n desc, k
                """.formatted(
                key,
                once ? "count(*)" : "count(distinct c.id)",
                household ? "join household h on h.municipality_id = c.municipality_id and h.id = c.household_id" : "",
                issueJoin,
                scope.where("c.agency_id"));
    }

    /**
     * From the summary for a statistics period (a month, a fiscal quarter, a fiscal year) or any part of one from its
     * first day (the running fiscal year up to today), brought up to date first; for any other range from the records.
     * Equal to {@link #householdsWithIssuesFromRecords}.
     */
    @Override
    @Transactional(readOnly = true)
    public HouseholdIssues householdsWithIssues(CountScope scope, LocalDate from, LocalDate to) {
        return householdsWithIssuesFromSummary(scope, from, to)
                .orElseGet(() -> householdsWithIssuesFromRecords(scope, from, to));
    }

    /** {@link #householdsWithIssues} from the summary, if the range starts a statistics period and ends within it. */
    @Transactional(readOnly = true)
    Optional<HouseholdIssues> householdsWithIssuesFromSummary(CountScope scope, LocalDate from, LocalDate to) {
        Optional<String> period = ConsultationSummary.periodCode(from, to);
        if (period.isEmpty()) {
            return Optional.empty();
        }
        List<UUID> areaIds = scope.areaIds();
        if (areaIds != null && areaIds.isEmpty()) {
            return Optional.of(new HouseholdIssues(0, 0));
        }
        summary.refresh();
        return Optional.of(summaryScope(jdbc.sql("""
                                select count(*) filter (where first_day <= :to) households,
                                       count(*) filter (where several_day <= :to) several
                                from consultation_household_span
                                where municipality_id = :m and period = :period
                                  and scope_kind = :kind and scope_id in (:ids)
                                """), scope)
                .param("m", tenancy.municipalityId())
                .param("period", period.get())
                .param("to", to)
                .query((rs, i) -> new HouseholdIssues(rs.getLong("households"), rs.getLong("several")))
                .single());
    }

    /** {@link #householdsWithIssues} counted from the records. */
    @Transactional(readOnly = true)
    HouseholdIssues householdsWithIssuesFromRecords(CountScope scope, LocalDate from, LocalDate to) {
        return scope.bind(jdbc.sql("""
                                select count(*) households, count(*) filter (where issues >= 2) several from (
                                    select c.household_id, count(distinct i.issue_code) issues
                                    from consultation c
                                    %s
                                    left join consultation_issue i
                                        on i.municipality_id = c.municipality_id and i.consultation_id = c.id
                                    where c.municipality_id = :m and %s
                                      and c.received_at >= :from and c.received_at < :to
                                    group by c.household_id) x
                                """.formatted(
                                scope.byArea()
                                        ? "join household h on h.municipality_id = c.municipality_id"
                                                + " and h.id = c.household_id"
                                        : "",
                                scope.where("c.agency_id"))))
                .param("m", tenancy.municipalityId())
                .param("from", CountScope.start(from))
                .param("to", CountScope.end(to))
                .query((rs, i) -> new HouseholdIssues(rs.getLong("households"), rs.getLong("several")))
                .single();
    }
}
