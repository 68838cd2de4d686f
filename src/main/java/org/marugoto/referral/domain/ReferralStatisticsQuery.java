package org.marugoto.referral.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.marugoto.referral.ReferralStatistics;
import org.marugoto.shared.CountScope;
import org.marugoto.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts only, by agency pair: nothing that names a person or a referral leaves this class. */
@Component
class ReferralStatisticsQuery implements ReferralStatistics {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final java.time.Clock clock;

    ReferralStatisticsQuery(JdbcClient jdbc, Tenancy tenancy, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Flow> flows(CountScope scope, LocalDate from, LocalDate to) {
        return scope.bind(jdbc.sql("""
                                with r as (
                                    select r.id, r.from_agency_id, r.to_agency_id, r.status, r.created_at,
                                           r.overdue_since,
                                           (select min(e.occurred_at) from referral_event e
                                            where e.municipality_id = r.municipality_id and e.referral_id = r.id
                                              and e.to_status in ('ACCEPTED', 'DECLINED', 'INFO_REQUESTED')) answered_at
                                    from referral r
                                    join household h on h.municipality_id = r.municipality_id and h.id = r.household_id
                                    where r.municipality_id = :m and %s
                                      and r.created_at >= :from and r.created_at < :to)
                                select from_agency_id, to_agency_id, count(*) sent,
                                       count(*) filter (where status in ('ACCEPTED', 'IN_PROGRESS', 'COMPLETED')) accepted,
                                       count(*) filter (where status = 'COMPLETED') completed,
                                       count(*) filter (where status = 'DECLINED') declined,
                                       count(*) filter (where status = 'WITHDRAWN') withdrawn,
                                       count(*) filter (where status in ('SENT', 'INFO_REQUESTED')) waiting,
                                       count(answered_at) answered,
                                       percentile_cont(0.5) within group (
                                           order by (extract(epoch from answered_at - created_at) / 86400.0)::float8)
                                           filter (where answered_at is not null) median_days,
                                       count(*) filter (where overdue_since is not null) overdue
                                from r
                                group by from_agency_id, to_agency_id
                                order by sent desc, from_agency_id, to_agency_id
                                """.formatted(scope.where("r.from_agency_id", "r.to_agency_id"))))
                .param("m", tenancy.municipalityId())
                .param("from", CountScope.start(from))
                .param("to", CountScope.end(to))
                .query((rs, i) -> {
                    double median = rs.getDouble("median_days");
                    boolean noAnswer = rs.wasNull();
                    return new Flow(
                            rs.getObject("from_agency_id", UUID.class),
                            rs.getObject("to_agency_id", UUID.class),
                            rs.getLong("sent"),
                            rs.getLong("accepted"),
                            rs.getLong("completed"),
                            rs.getLong("declined"),
                            rs.getLong("withdrawn"),
                            rs.getLong("waiting"),
                            rs.getLong("answered"),
                            noAnswer ? null : Math.round(median * 10) / 10.0,
                            rs.getLong("overdue"));
                })
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Durations durations(CountScope scope, LocalDate from, LocalDate to) {
        java.util.Map<String, Long> answer = new java.util.LinkedHashMap<>();
        ANSWER_BUCKETS.forEach(b -> answer.put(b, 0L));
        java.util.Map<String, Long> complete = new java.util.LinkedHashMap<>();
        COMPLETE_BUCKETS.forEach(b -> complete.put(b, 0L));
        long[] overdue = new long[2];
        scope.bind(jdbc.sql("""
                                with r as (
                                    select r.status, r.overdue_since,
                                           (select min(e.occurred_at) from referral_event e
                                            where e.municipality_id = r.municipality_id and e.referral_id = r.id
                                              and e.to_status in ('ACCEPTED', 'DECLINED', 'INFO_REQUESTED'))
                                               - r.created_at to_answer,
                                           (select min(e.occurred_at) from referral_event e
                                            where e.municipality_id = r.municipality_id and e.referral_id = r.id
                                              and e.to_status = 'COMPLETED') - r.created_at to_complete
                                    from referral r
                                    join household h on h.municipality_id = r.municipality_id and h.id = r.household_id
                                    where r.municipality_id = :m and %s
                                      and r.created_at >= :from and r.created_at < :to),
                                d as (
                                    select case when to_answer is null then 'NONE'
                                                when extract(day from to_answer) < 1 then '0'
                                                when extract(day from to_answer) <= 3 then '1-3'
                                                when extract(day from to_answer) <= 7 then '4-7'
                                                when extract(day from to_answer) <= 14 then '8-14' else '15-' end a,
                                           case when to_complete is null then 'NONE'
                                                when extract(day from to_complete) <= 7 then '0-7'
                                                when extract(day from to_complete) <= 30 then '8-30'
                                                when extract(day from to_complete) <= 90 then '31-90'
                                                when extract(day from to_complete) <= 180 then '91-180'
                                                else '181-' end c,
                                           overdue_since is not null overdue,
                                           overdue_since is not null and status in ('SENT', 'INFO_REQUESTED') still
                                    from r)
                                select 'a' kind, a k, count(*) n from d group by a
                                union all select 'c', c, count(*) from d group by c
                                union all select 'o', 'overdue', count(*) filter (where overdue) from d
                                union all select 'o', 'still', count(*) filter (where still) from d
                                """.formatted(scope.where("r.from_agency_id", "r.to_agency_id"))))
                .param("m", tenancy.municipalityId())
                .param("from", CountScope.start(from))
                .param("to", CountScope.end(to))
                .query((rs, i) -> {
                    String kind = rs.getString("kind");
                    String k = rs.getString("k");
                    long n = rs.getLong("n");
                    switch (kind) {
                        case "a" -> answer.put(k, n);
                        case "c" -> complete.put(k, n);
                        default -> overdue[k.equals("overdue") ? 0 : 1] = n;
                    }
                    return n;
                })
                .list();
        return new Durations(answer, complete, overdue[0], overdue[1]);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Waiting> waitingByReceiver(CountScope scope) {
        return scope.bind(jdbc.sql("""
                                select r.to_agency_id, count(*) waiting,
                                       count(*) filter (where r.overdue_since is not null
                                                        or r.desired_response_date < :today) overdue,
                                       count(*) filter (where r.created_at < :weekAgo) older
                                from referral r
                                join household h on h.municipality_id = r.municipality_id and h.id = r.household_id
                                where r.municipality_id = :m and %s and r.status in ('SENT', 'INFO_REQUESTED')
                                group by r.to_agency_id
                                order by waiting desc, r.to_agency_id
                                """.formatted(scope.where("r.from_agency_id", "r.to_agency_id"))))
                .param("m", tenancy.municipalityId())
                .param("today", java.time.LocalDate.now(clock.withZone(org.marugoto.shared.Japan.ZONE)))
                .param("weekAgo", java.sql.Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(7))))
                .query((rs, i) -> new Waiting(
                        rs.getObject("to_agency_id", UUID.class),
                        rs.getLong("waiting"),
                        rs.getLong("overdue"),
                        rs.getLong("older")))
                .list();
    }
}
