package org.marugoto.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.shared.Ids;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@MarugotoTest
class AuditTrailTests {

    @Autowired
    AuditApi audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void auditRowsCannotBeChangedOrDeleted() {
        UUID record = Ids.newId();
        audit.record(AuditEntry.of(AuditAction.READ, "test", record));

        assertThatThrownBy(() -> jdbc.sql("update audit_event set action = 'CREATE' where record_id = ?")
                        .param(record)
                        .update())
                .hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where record_id = ?")
                        .param(record)
                        .update())
                .hasMessageContaining("cannot be changed");
        assertThat(audit.recent(record, 5))
                .singleElement()
                .extracting(AuditEventView::action)
                .isEqualTo(AuditAction.READ);
    }

    @Test
    void theAuditRowIsPartOfTheActionsTransaction() {
        UUID record = Ids.newId();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    audit.record(AuditEntry.of(AuditAction.UPDATE, "test", record));
                    throw new IllegalStateException("the action failed");
                }))
                .hasMessage("the action failed");

        assertThat(audit.recent(record, 5)).isEmpty();
    }
}
