package org.marugoto.casework.domain;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.marugoto.casework.CaseStatistics;
import org.marugoto.shared.CountScope;
import org.marugoto.shared.Japan;
import org.marugoto.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts only, by issue code: nothing that names a person or a case leaves this class. */
@Component
class CaseStatisticsQuery implements CaseStatistics {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    CaseStatisticsQuery(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Long> casesByIssue(Collection<UUID> areaIds, LocalDate from, LocalDate to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (areaIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        select issue, count(distinct s.id) n
                        from support_case s
                        join household h on h.municipality_id = s.municipality_id and h.id = s.household_id
                        cross join lateral unnest(s.issue_codes) issue
                        where s.municipality_id = :m and h.area_id in (:areas) and %s
                          and s.opened_at < :to and (s.closed_at is null or s.closed_at >= :from)
                        group by issue order by n desc, issue
                        """.formatted(CountScope.NOT_PROTECTED))
                .param("m", tenancy.municipalityId())
                .param("areas", areaIds)
                .param("from", Timestamp.from(from.atStartOfDay(Japan.ZONE).toInstant()))
                .param(
                        "to",
                        Timestamp.from(to.plusDays(1).atStartOfDay(Japan.ZONE).toInstant()))
                .query((rs, i) -> counts.put(rs.getString("issue"), rs.getLong("n")))
                .list();
        return counts;
    }

    @Override
    @Transactional(readOnly = true)
    public CaseFlow caseFlow(CountScope scope, LocalDate from, LocalDate to) {
        Map<String, Long> events = new LinkedHashMap<>();
        scope.bind(jdbc.sql("""
                                select e.kind, count(*) n
                                from support_case_event e
                                join support_case s on s.id = e.case_id
                                join household h on h.municipality_id = s.municipality_id and h.id = s.household_id
                                where s.municipality_id = :m and %s and e.kind in ('OPENED', 'CLOSED', 'REOPENED')
                                  and e.at >= :from and e.at < :to
                                group by e.kind
                                """.formatted(scope.where("s.lead_agency_id"))))
                .param("m", tenancy.municipalityId())
                .param("from", CountScope.start(from))
                .param("to", CountScope.end(to))
                .query((rs, i) -> events.put(rs.getString("kind"), rs.getLong("n")))
                .list();
        Map<String, Long> open = new LinkedHashMap<>();
        for (String status : java.util.List.of("ASSESSMENT", "PLANNING", "SUPPORT", "MONITORING")) {
            open.put(status, 0L);
        }
        scope.bind(jdbc.sql("""
                                select s.status, count(*) n
                                from support_case s
                                join household h on h.municipality_id = s.municipality_id and h.id = s.household_id
                                where s.municipality_id = :m and %s and s.status <> 'CLOSED' and s.opened_at < :to
                                group by s.status
                                """.formatted(scope.where("s.lead_agency_id"))))
                .param("m", tenancy.municipalityId())
                .param("to", CountScope.end(to))
                .query((rs, i) -> open.put(rs.getString("status"), rs.getLong("n")))
                .list();
        return new CaseFlow(
                events.getOrDefault("OPENED", 0L),
                events.getOrDefault("CLOSED", 0L),
                events.getOrDefault("REOPENED", 0L),
                open);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Meetings> meetingsByKind(CountScope scope, LocalDate from, LocalDate to) {
        Map<String, Meetings> meetings = new LinkedHashMap<>();
        meetings.put("JUSHO", new Meetings(0, 0));
        meetings.put("SHIEN", new Meetings(0, 0));
        scope.bind(jdbc.sql("""
                                select k.kind,
                                       count(*) filter (where k.status = 'HELD'
                                           and k.held_at >= :from and k.held_at < :to) held,
                                       count(*) filter (where k.status <> 'HELD'
                                           and k.scheduled_at >= :from and k.scheduled_at < :to) not_held
                                from case_conference k
                                join support_case s on s.id = k.case_id
                                join household h on h.municipality_id = s.municipality_id and h.id = s.household_id
                                where s.municipality_id = :m and %s
                                group by k.kind
                                """.formatted(scope.where("s.lead_agency_id"))))
                .param("m", tenancy.municipalityId())
                .param("from", CountScope.start(from))
                .param("to", CountScope.end(to))
                .query((rs, i) ->
                        meetings.put(rs.getString("kind"), new Meetings(rs.getLong("held"), rs.getLong("not_held"))))
                .list();
        return meetings;
    }

    @Override
    @Transactional(readOnly = true)
    public CaseDurations caseDurations(CountScope scope, LocalDate from, LocalDate to) {
        Map<String, Long> closed = new LinkedHashMap<>();
        Map<String, Long> open = new LinkedHashMap<>();
        DURATION_BUCKETS.forEach(b -> {
            closed.put(b, 0L);
            open.put(b, 0L);
        });
        long[] reopened = new long[1];
        scope.bind(jdbc.sql("""
                                with s as (
                                    select s.id,
                                           s.closed_at is not null and s.closed_at >= :from and s.closed_at < :to closed,
                                           s.opened_at < :to and (s.closed_at is null or s.closed_at >= :to) open,
                                           (extract(year from age(coalesce(case when s.closed_at < :to then s.closed_at end, :to),
                                                s.opened_at)) * 12
                                            + extract(month from age(coalesce(case when s.closed_at < :to then s.closed_at end, :to),
                                                s.opened_at)))::int months,
                                           exists (select 1 from support_case_event e where e.municipality_id = s.municipality_id and e.case_id = s.id
                                                   and e.kind = 'REOPENED') reopened
                                    from support_case s
                                    join household h on h.municipality_id = s.municipality_id and h.id = s.household_id
                                    where s.municipality_id = :m and %s and s.opened_at < :to
                                      and (s.closed_at is null or s.closed_at >= :from)),
                                b as (
                                    select *, case when months < 3 then '0-2' when months < 6 then '3-5'
                                                   when months < 12 then '6-11' when months < 24 then '12-23'
                                                   else '24-' end bucket
                                    from s)
                                select 'closed' kind, bucket, count(*) n from b where closed group by bucket
                                union all select 'open', bucket, count(*) from b where open group by bucket
                                union all select 'reopened', '', count(*) from b where closed and reopened
                                """.formatted(scope.where("s.lead_agency_id"))))
                .param("m", tenancy.municipalityId())
                .param("from", CountScope.start(from))
                .param("to", CountScope.end(to))
                .query((rs, i) -> {
                    long n = rs.getLong("n");
                    switch (rs.getString("kind")) {
                        case "closed" -> closed.put(rs.getString("bucket"), n);
                        case "open" -> open.put(rs.getString("bucket"), n);
                        default -> reopened[0] = n;
                    }
                    return n;
                })
                .list();
        return new CaseDurations(closed, open, reopened[0]);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Long> openCasesByWorker(UUID agencyId) {
        Map<UUID, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select s.lead_account_id, count(*) n from support_case s
                        where s.municipality_id = :m and s.lead_agency_id = :agency and s.status <> 'CLOSED'
                        group by s.lead_account_id order by n desc, s.lead_account_id
                        """)
                .param("m", tenancy.municipalityId())
                .param("agency", agencyId)
                .query((rs, i) -> counts.put(rs.getObject("lead_account_id", UUID.class), rs.getLong("n")))
                .list();
        return counts;
    }
}
