package org.marugoto.people.domain;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.marugoto.audit.RelatedRecords;
import org.marugoto.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A person is also revealed by the households they belong or belonged to. */
@Component
class PersonRelatedRecords implements RelatedRecords {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    PersonRelatedRecords(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    @Override
    public Set<UUID> relatedTo(UUID recordId) {
        return new HashSet<>(
                jdbc.sql("select household_id from household_member where municipality_id = ? and person_id = ?")
                        .params(tenancy.municipalityId(), recordId)
                        .query(UUID.class)
                        .list());
    }
}
