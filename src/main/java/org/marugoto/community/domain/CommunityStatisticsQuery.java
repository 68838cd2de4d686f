package org.marugoto.community.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;
import org.marugoto.community.CommunityStatistics;
import org.marugoto.shared.CountScope;
import org.marugoto.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts only: nothing that names a person, a group or an activity leaves this class. */
@Component
class CommunityStatisticsQuery implements CommunityStatistics {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    CommunityStatisticsQuery(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    @Override
    @Transactional(readOnly = true)
    public Figures figures(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select
                          (select count(*) from community_activity_published a
                           where a.municipality_id = :m and a.status = 'OPEN') activities,
                          (select count(*) from community_group g where g.municipality_id = :m) groups,
                          (select count(*) from area_meeting am
                           where am.municipality_id = :m and am.held_on between :fromDay and :toDay) meetings,
                          (select count(*) from community_issue i
                           where i.municipality_id = :m and i.created_at >= :from and i.created_at < :to) issues,
                          (select count(*) from community_interest ci
                           where ci.municipality_id = :m and ci.created_at >= :from and ci.created_at < :to) interest
                        """)
                .param("m", tenancy.municipalityId())
                .param("fromDay", from)
                .param("toDay", to)
                .param("from", CountScope.start(from))
                .param("to", CountScope.end(to))
                .query((rs, i) -> new Figures(
                        rs.getLong("activities"),
                        rs.getLong("groups"),
                        rs.getLong("meetings"),
                        rs.getLong("issues"),
                        rs.getLong("interest")))
                .single();
    }

    @Override
    @Transactional(readOnly = true)
    public long openActivitiesIn(Collection<UUID> areaIds) {
        if (areaIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        select count(*) from community_activity_published a
                         where a.municipality_id = :m and a.status = 'OPEN' and a.area_id in (:areas)
                        """)
                .param("m", tenancy.municipalityId())
                .param("areas", areaIds)
                .query(Long.class)
                .single();
    }
}
