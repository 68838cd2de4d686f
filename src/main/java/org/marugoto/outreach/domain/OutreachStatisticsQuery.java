package org.marugoto.outreach.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marugoto.outreach.OutreachStatistics;
import org.marugoto.shared.CountScope;
import org.marugoto.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts only, by stage: nothing that names a person or a record leaves this class. */
@Component
class OutreachStatisticsQuery implements OutreachStatistics {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final OutreachStages stages;

    OutreachStatisticsQuery(JdbcClient jdbc, Tenancy tenancy, OutreachStages stages) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.stages = stages;
    }

    @Override
    @Transactional(readOnly = true)
    public List<StageCount> recordsByStage(CountScope scope, LocalDate from, LocalDate to) {
        Map<String, Long> counts = new HashMap<>();
        scope.bind(jdbc.sql("""
                                select o.stage, count(*) n
                                from outreach_record o
                                join household h on h.municipality_id = o.municipality_id and h.id = o.household_id
                                where o.municipality_id = :m and %s
                                  and o.created_at < :to and (o.closed_at is null or o.closed_at >= :from)
                                group by o.stage
                                """.formatted(scope.where("o.lead_agency_id"))))
                .param("m", tenancy.municipalityId())
                .param("from", CountScope.start(from))
                .param("to", CountScope.end(to))
                .query((rs, i) -> counts.put(rs.getString("stage"), rs.getLong("n")))
                .list();
        return stages.all().stream()
                .map(s -> new StageCount(s, counts.getOrDefault(s.code(), 0L)))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Long> daysToFirstContact(CountScope scope, LocalDate from, LocalDate to) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        CONTACT_BUCKETS.forEach(b -> counts.put(b, 0L));
        scope.bind(jdbc.sql("""
                                select case when d is null then 'NONE' when d <= 7 then '0-7' when d <= 30 then '8-30'
                                            when d <= 90 then '31-90' when d <= 180 then '91-180' else '181-' end k,
                                       count(*) n
                                from (select (select min((a.attempted_at at time zone 'Asia/Tokyo')::date)
                                              from outreach_attempt a
                                              where a.municipality_id = o.municipality_id and a.outreach_id = o.id
                                                and a.outcome in ('MET', 'THROUGH_DOOR')) - o.first_concern_on d
                                      from outreach_record o
                                      join household h on h.municipality_id = o.municipality_id and h.id = o.household_id
                                      where o.municipality_id = :m and %s
                                        and o.created_at >= :from and o.created_at < :to) x
                                group by k
                                """.formatted(scope.where("o.lead_agency_id"))))
                .param("m", tenancy.municipalityId())
                .param("from", CountScope.start(from))
                .param("to", CountScope.end(to))
                .query((rs, i) -> counts.put(rs.getString("k"), rs.getLong("n")))
                .list();
        return counts;
    }

    @Override
    @Transactional(readOnly = true)
    public Waiting waiting(CountScope scope, LocalDate today) {
        return scope.bind(jdbc.sql("""
                                select count(*) open,
                                       count(*) filter (where o.next_contact_on < :today) overdue,
                                       count(*) filter (where not exists (
                                           select 1 from outreach_attempt a
                                           where a.municipality_id = o.municipality_id and a.outreach_id = o.id
                                             and a.outcome in ('MET', 'THROUGH_DOOR'))) not_reached
                                from outreach_record o
                                join household h on h.municipality_id = o.municipality_id and h.id = o.household_id
                                where o.municipality_id = :m and %s and o.closed_at is null
                                """.formatted(scope.where("o.lead_agency_id"))))
                .param("m", tenancy.municipalityId())
                .param("today", today)
                .query((rs, i) -> new Waiting(rs.getLong("open"), rs.getLong("overdue"), rs.getLong("not_reached")))
                .single();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<java.util.UUID, Long> openByWorker(java.util.UUID agencyId) {
        Map<java.util.UUID, Long> counts = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        select o.lead_account_id, count(*) n from outreach_record o
                        where o.municipality_id = :m and o.lead_agency_id = :agency and o.closed_at is null
                        group by o.lead_account_id order by n desc, o.lead_account_id
                        """)
                .param("m", tenancy.municipalityId())
                .param("agency", agencyId)
                .query((rs, i) -> counts.put(rs.getObject("lead_account_id", java.util.UUID.class), rs.getLong("n")))
                .list();
        return counts;
    }
}
