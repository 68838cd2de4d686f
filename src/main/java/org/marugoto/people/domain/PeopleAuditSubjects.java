package org.marugoto.people.domain;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.marugoto.audit.AuditSubjects;
import org.marugoto.shared.Tenancy;
import org.marugoto.shared.text.JapaneseText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the people and households an auditor names. Only the audit trail calls it, for auditors investigating who saw
 * whom; the search is audited there.
 */
@Component
class PeopleAuditSubjects implements AuditSubjects {

    private static final int MAX = 200;

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    PeopleAuditSubjects(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    @Override
    public Set<UUID> peopleNamed(String text) {
        String name = JapaneseText.nameKey(text);
        String reading = JapaneseText.looseReadingKey(text);
        if (name.isEmpty() && reading.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select id from person
                        where municipality_id = :municipality
                          and ((:name <> '' and position(:name in name_key) > 0)
                            or (:reading <> '' and position(:reading in loose_reading_key) > 0))
                        limit :max
                        """)
                .param("municipality", tenancy.municipalityId())
                .param("name", name)
                .param("reading", reading)
                .param("max", MAX)
                .query(UUID.class)
                .list());
    }

    @Override
    public Set<UUID> householdNumbered(String number) {
        return new HashSet<>(jdbc.sql(
                        "select id from household where municipality_id = ? and upper(case_number) = upper(?)")
                .params(tenancy.municipalityId(), JapaneseText.normalize(number).strip())
                .query(UUID.class)
                .list());
    }
}
