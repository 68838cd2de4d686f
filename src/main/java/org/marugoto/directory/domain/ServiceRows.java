package org.marugoto.directory.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.directory.ServiceLanguage;
import org.marugoto.directory.ServiceView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads services with their issues, areas, languages and counters in one query, rather than one query per child
 * table and service as loading the aggregates would.
 */
@Component
class ServiceRows {

    private static final String SELECT = """
            select s.*,
                array(select i.issue_code from support_service_issue i
                      join issue_code c on c.municipality_id = i.municipality_id and c.code = i.issue_code
                      where i.municipality_id = s.municipality_id and i.service_id = s.id
                      order by c.sort_order, c.code) issue_codes,
                array(select a.area_id from support_service_area a
                      join area r on r.municipality_id = a.municipality_id and r.id = a.area_id
                      where a.municipality_id = s.municipality_id and a.service_id = s.id
                      order by r.code) area_ids,
                array(select l.language from support_service_language l
                      where l.municipality_id = s.municipality_id and l.service_id = s.id) languages,
                array(select c.counter_id from support_service_counter c
                      join consultation_counter k on k.municipality_id = c.municipality_id and k.id = c.counter_id
                      where c.municipality_id = s.municipality_id and c.service_id = s.id
                      order by k.code) counter_ids
            from support_service s
            where s.municipality_id = :municipality
            """;

    private final JdbcClient jdbc;

    ServiceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ServiceView> all(UUID municipalityId) {
        return jdbc.sql(SELECT + " order by s.agency_id, s.code")
                .param("municipality", municipalityId)
                .query(ServiceRows::view)
                .list();
    }

    List<ServiceView> ofAgency(UUID municipalityId, UUID agencyId) {
        return jdbc.sql(SELECT + " and s.agency_id = :agency order by s.code")
                .param("municipality", municipalityId)
                .param("agency", agencyId)
                .query(ServiceRows::view)
                .list();
    }

    Optional<ServiceView> find(UUID municipalityId, UUID id) {
        return jdbc.sql(SELECT + " and s.id = :id")
                .param("municipality", municipalityId)
                .param("id", id)
                .query(ServiceRows::view)
                .optional();
    }

    private static ServiceView view(ResultSet rs, int row) throws SQLException {
        return new ServiceView(
                rs.getObject("id", UUID.class),
                rs.getObject("agency_id", UUID.class),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("name_kana"),
                rs.getString("description"),
                Arrays.stream(elements(rs.getArray("issue_codes")))
                        .map(String.class::cast)
                        .toList(),
                optionalInt(rs, "min_age"),
                optionalInt(rs, "max_age"),
                Arrays.stream(elements(rs.getArray("area_ids")))
                        .map(UUID.class::cast)
                        .toList(),
                Arrays.stream(elements(rs.getArray("languages")))
                        .map(l -> ServiceLanguage.valueOf((String) l))
                        .sorted(Comparator.naturalOrder())
                        .toList(),
                rs.getString("hours"),
                rs.getString("fees"),
                rs.getString("accessibility"),
                rs.getString("phone"),
                rs.getString("email"),
                Arrays.stream(elements(rs.getArray("counter_ids")))
                        .map(UUID.class::cast)
                        .toList(),
                rs.getBoolean("accepts_referrals"),
                rs.getBoolean("active"),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"));
    }

    private static Object[] elements(@Nullable Array array) throws SQLException {
        return array == null ? new Object[0] : (Object[]) array.getArray();
    }

    private static @Nullable Integer optionalInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
