package org.marugoto.participation.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.marugoto.participation.MatchStep;
import org.marugoto.participation.ParticipationStatistics;
import org.marugoto.shared.CountScope;
import org.marugoto.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts only, by step: nothing that names a person or a host leaves this class. */
@Component
class ParticipationStatisticsQuery implements ParticipationStatistics {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    ParticipationStatisticsQuery(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Long> matchesByStep(CountScope scope, LocalDate from, LocalDate to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (MatchStep step : MatchStep.values()) {
            counts.put(step.name(), 0L);
        }
        scope.bind(jdbc.sql("""
                                select x.step, count(*) n
                                from participation_match x
                                join participation_profile p on p.municipality_id = x.municipality_id and p.id = x.profile_id
                                join household h on h.municipality_id = p.municipality_id and h.id = p.household_id
                                where x.municipality_id = :m and %s
                                  and x.introduced_on <= :to and (x.step <> 'ENDED' or x.step_on >= :from)
                                group by x.step
                                """.formatted(scope.where("p.lead_agency_id"))))
                .param("m", tenancy.municipalityId())
                .param("from", from)
                .param("to", to)
                .query((rs, i) -> counts.put(rs.getString("step"), rs.getLong("n")))
                .list();
        return counts;
    }
}
