package org.marugoto.directory.domain;

import java.util.List;
import java.util.UUID;
import org.marugoto.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the issue code list (table {@code issue_code}, kept by the consultation module) for the directory. Reading
 * the table keeps the directory free of a dependency on the consultation module, which itself depends on the
 * directory; services refer to codes, which the table guarantees to exist with a foreign key.
 */
@Component
class IssueCatalog {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    IssueCatalog(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    /** Every code, active or retired, in the list's order. */
    List<IssueName> all() {
        return jdbc.sql("""
                        select id, code, name_ja, name_en, active from issue_code
                        where municipality_id = ? order by sort_order, code
                        """)
                .param(tenancy.municipalityId())
                .query((rs, i) -> new IssueName(
                        rs.getObject("id", UUID.class),
                        rs.getString("code"),
                        rs.getString("name_ja"),
                        rs.getString("name_en"),
                        rs.getBoolean("active")))
                .list();
    }
}
