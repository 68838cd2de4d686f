package org.marugoto.watch.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marugoto.shared.CountScope;
import org.marugoto.shared.Tenancy;
import org.marugoto.watch.ConcernStatistics;
import org.marugoto.watch.ConcernUrgency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts only, by urgency: nothing that names a person, a volunteer or a concern leaves this class. */
@Component
class ConcernStatisticsQuery implements ConcernStatistics {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    ConcernStatisticsQuery(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    @Override
    @Transactional(readOnly = true)
    public List<UrgencyCount> concernsByUrgency(CountScope scope, LocalDate from, LocalDate to) {
        Map<String, UrgencyCount> counts = new HashMap<>();
        // a concern about a resident not known yet has no household: it counts for the city and for the agency, never
        // for an area
        scope.bind(jdbc.sql("""
                                select c.urgency, count(*) raised, count(c.taken_up_at) taken_up,
                                       count(*) filter (where c.household_id is null) about_new,
                                       percentile_cont(0.5) within group (
                                           order by (extract(epoch from c.taken_up_at - c.created_at) / 86400.0)::float8)
                                           filter (where c.taken_up_at is not null) median_days
                                from watch_concern c
                                left join household h on h.municipality_id = c.municipality_id and h.id = c.household_id
                                where c.municipality_id = :m and %s
                                  and c.created_at >= :from and c.created_at < :to
                                group by c.urgency
                                """.formatted(scope.where("c.to_agency_id"))))
                .param("m", tenancy.municipalityId())
                .param("from", CountScope.start(from))
                .param("to", CountScope.end(to))
                .query((rs, i) -> {
                    double median = rs.getDouble("median_days");
                    boolean none = rs.wasNull();
                    String urgency = rs.getString("urgency");
                    UrgencyCount count = new UrgencyCount(
                            urgency,
                            rs.getLong("raised"),
                            rs.getLong("taken_up"),
                            rs.getLong("about_new"),
                            none ? null : Math.round(median * 10) / 10.0);
                    counts.put(urgency, count);
                    return count;
                })
                .list();
        List<UrgencyCount> all = new ArrayList<>();
        for (ConcernUrgency u : ConcernUrgency.values()) {
            all.add(counts.getOrDefault(u.name(), new UrgencyCount(u.name(), 0, 0, 0, null)));
        }
        return all;
    }
}
