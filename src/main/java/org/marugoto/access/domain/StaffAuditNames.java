package org.marugoto.access.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.marugoto.audit.AuditNames;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Names the actors of the audit trail: staff name and agency for each username. */
@Component
class StaffAuditNames implements AuditNames {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final DirectoryApi directory;

    StaffAuditNames(JdbcClient jdbc, Tenancy tenancy, DirectoryApi directory) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.directory = directory;
    }

    @Override
    public Map<String, String> staffByUsername() {
        Map<UUID, String> agencies = directory.agencyNames();
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select username, display_name, agency_id from staff_account where municipality_id = ?")
                .param(tenancy.municipalityId())
                .query(rs -> {
                    String agency = agencies.get(rs.getObject("agency_id", UUID.class));
                    String name = rs.getString("display_name");
                    names.put(rs.getString("username"), agency == null ? name : name + "（" + agency + "）");
                });
        return names;
    }

    @Override
    public Map<UUID, String> staffByAccountId() {
        Map<UUID, String> agencies = directory.agencyNames();
        Map<UUID, String> names = new HashMap<>();
        jdbc.sql("select id, display_name, agency_id from staff_account where municipality_id = ?")
                .param(tenancy.municipalityId())
                .query(rs -> {
                    String agency = agencies.get(rs.getObject("agency_id", UUID.class));
                    String name = rs.getString("display_name");
                    names.put(rs.getObject("id", UUID.class), agency == null ? name : name + "（" + agency + "）");
                });
        return names;
    }

    @Override
    public Set<String> usernamesMatching(String text) {
        String query = text.strip();
        return new HashSet<>(jdbc.sql("""
                        select username from staff_account
                        where municipality_id = :municipality
                          and (lower(username) = lower(:text)
                            or position(lower(:text) in lower(display_name)) > 0
                            or position(lower(:text) in lower(coalesce(display_name_kana, ''))) > 0)
                        """)
                .param("municipality", tenancy.municipalityId())
                .param("text", query)
                .query(String.class)
                .list());
    }
}
