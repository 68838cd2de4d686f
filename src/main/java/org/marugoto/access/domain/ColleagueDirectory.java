package org.marugoto.access.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.marugoto.access.Colleagues;
import org.marugoto.access.Role;
import org.marugoto.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ColleagueDirectory implements Colleagues {

    private static final String SELECT = """
            select a.id, a.username, a.display_name, a.agency_id,
                   (select string_agg(r.role, ',') from staff_role r where r.municipality_id = a.municipality_id and r.account_id = a.id) roles
            from staff_account a
            where a.municipality_id = :municipality and a.enabled
              and exists (select 1 from staff_role r where r.municipality_id = a.municipality_id and r.account_id = a.id
                          and r.role in ('MUNICIPAL_COORDINATOR', 'AGENCY_SUPERVISOR', 'CASEWORKER'))
            """;

    private static final String VOLUNTEERS = """
            select a.id, a.username, a.display_name, a.agency_id,
                   (select string_agg(r.role, ',') from staff_role r where r.municipality_id = a.municipality_id and r.account_id = a.id) roles
            from staff_account a
            where a.municipality_id = :municipality and a.enabled
              and exists (select 1 from staff_role r where r.municipality_id = a.municipality_id and r.account_id = a.id and r.role = 'VOLUNTEER')
            """;

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    ColleagueDirectory(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Colleague> professionals() {
        return jdbc.sql(SELECT + " order by a.agency_id, a.display_name_kana, a.username")
                .param("municipality", tenancy.municipalityId())
                .query((rs, i) -> colleague(rs))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Colleague> colleague(UUID accountId) {
        return jdbc.sql(SELECT + " and a.id = :id")
                .param("municipality", tenancy.municipalityId())
                .param("id", accountId)
                .query((rs, i) -> colleague(rs))
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Colleague> volunteers() {
        return jdbc.sql(VOLUNTEERS + " order by a.display_name_kana, a.username")
                .param("municipality", tenancy.municipalityId())
                .query((rs, i) -> colleague(rs))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Colleague> volunteer(UUID accountId) {
        return jdbc.sql(VOLUNTEERS + " and a.id = :id")
                .param("municipality", tenancy.municipalityId())
                .param("id", accountId)
                .query((rs, i) -> colleague(rs))
                .optional();
    }

    private static Colleague colleague(java.sql.ResultSet rs) throws java.sql.SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : rs.getString("roles").split(",")) {
            roles.add(Role.valueOf(role));
        }
        return new Colleague(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getObject("agency_id", UUID.class),
                roles);
    }
}
