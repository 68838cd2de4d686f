package org.marugoto.casework.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.marugoto.access.Role;
import org.marugoto.shared.Actor;
import org.marugoto.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agency's caseload for its supervisor: in how many open cases each of its staff works (is an active team member,
 * lead or not). Counts of staff work, no resident's data, so not audited.
 */
@Service
public class Caseload {

    /**
     * Public for QueryPlanTests, which EXPLAINs exactly this text: it drives from the staff's active team memberships,
     * as the case list does.
     */
    public static final String CASELOAD_SQL = """
            select t.account_id, count(*) from case_team_member t
            join support_case c on c.id = t.case_id
            where t.municipality_id = :m and t.account_id = any(:accounts) and t.left_at is null
              and c.municipality_id = :m and c.status <> 'CLOSED'
            group by t.account_id
            """;

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    Caseload(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    /** Open cases of each of the given accounts (the supervisor's staff), largest first; staff without are left out. */
    @Transactional(readOnly = true)
    public Map<UUID, Long> openCasesOf(Actor supervisor, Collection<UUID> staff) {
        if (!supervisor.roleNames().contains(Role.AGENCY_SUPERVISOR.name())) {
            throw new AccessDeniedException("supervisors only");
        }
        if (staff.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Long> counts = new LinkedHashMap<>();
        jdbc.sql(CASELOAD_SQL + " order by count(*) desc")
                .param("m", tenancy.municipalityId())
                .param("accounts", staff.toArray(UUID[]::new))
                .query(rs -> {
                    counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
                });
        return counts;
    }
}
