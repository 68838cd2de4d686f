package org.marugoto.casework.domain;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.marugoto.casework.CaseStatistics;
import org.marugoto.shared.Japan;
import org.marugoto.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts only, by issue code: nothing that names a person or a case leaves this class. */
@Component
class CaseStatisticsQuery implements CaseStatistics {

    /**
     * Households with a person under protection (支援措置, also a past member) are left out of area counts: a count
     * that changes with them could tell where they live.
     */
    static final String NOT_PROTECTED = """
            not exists (select 1 from household_member hm join person p
                on p.municipality_id = hm.municipality_id and p.id = hm.person_id
                where hm.municipality_id = h.municipality_id and hm.household_id = h.id and p.protected)""";

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
                        """.formatted(NOT_PROTECTED))
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
}
