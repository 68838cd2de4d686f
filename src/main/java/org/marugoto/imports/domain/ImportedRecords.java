package org.marugoto.imports.domain;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.marugoto.audit.RelatedRecords;
import org.marugoto.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An imported person or household is also named by the import that created it (decision 0035): the import is audited
 * once, so "what happened to this person" finds that audit row (who imported, when, which file) through the
 * person's imported_record key.
 */
@Component
class ImportedRecords implements RelatedRecords {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    ImportedRecords(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    @Override
    public Set<UUID> relatedTo(UUID recordId) {
        return new HashSet<>(
                jdbc.sql("select import_id from imported_record where municipality_id = ? and record_id = ?")
                        .params(tenancy.municipalityId(), recordId)
                        .query(UUID.class)
                        .list());
    }
}
