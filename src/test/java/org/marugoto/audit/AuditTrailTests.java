package org.marugoto.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.shared.Ids;
import org.marugoto.shared.db.Database;
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

    @Autowired
    Database database;

    /** The schema owner, who may disable triggers: what an attacker with more than the application's rights has. */
    private JdbcClient owner() {
        return JdbcClient.create(database.ownerDataSource());
    }

    @Test
    void auditRowsCannotBeChangedOrDeleted() {
        UUID record = Ids.newId();
        audit.record(AuditEntry.of(AuditAction.READ, "test", record));

        // the application's role has no right to change or remove audit rows at all
        for (String sql : new String[] {
            "update audit_event set action = 'CREATE' where record_id = ?",
            "delete from audit_event where record_id = ?",
            "truncate audit_event",
            "truncate audit_seal"
        }) {
            assertThatThrownBy(
                            () -> jdbc.sql(sql.replace("?", "'" + record + "'")).update())
                    .hasStackTraceContaining("permission denied");
        }
        assertThatThrownBy(() -> jdbc.sql("alter table audit_event disable trigger audit_event_append_only")
                        .update())
                .hasStackTraceContaining("must be owner");
        assertThatThrownBy(
                        () -> jdbc.sql("set session_replication_role = replica").update())
                .hasStackTraceContaining("permission denied");
        // and the owner still meets the trigger
        assertThatThrownBy(() -> owner().sql("update audit_event set action = 'CREATE' where record_id = ?")
                        .param(record)
                        .update())
                .hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> owner().sql("delete from audit_event where record_id = ?")
                        .param(record)
                        .update())
                .hasMessageContaining("cannot be changed");
        assertThat(audit.recent(record, 5))
                .singleElement()
                .extracting(AuditEventView::action)
                .isEqualTo(AuditAction.READ);
    }

    @Autowired
    org.marugoto.audit.domain.AuditSeal seal;

    @Test
    void theSealedChainRevealsAChangedOrDeletedRow() {
        UUID record = Ids.newId();
        audit.record(AuditEntry.of(AuditAction.READ, "test", record).withPurpose("sealing"));
        seal.seal(java.time.Duration.ZERO);
        assertThat(audit.verifyChain().intact()).isTrue();
        assertThat(audit.verifyChain().checked()).isPositive();

        // the owner (or a superuser) can bypass the trigger; the chain still shows it
        JdbcClient owner = owner();
        String original = owner.sql("select purpose from audit_event where record_id = ?")
                .param(record)
                .query(String.class)
                .single();
        owner.sql("alter table audit_event disable trigger audit_event_append_only")
                .update();
        try {
            owner.sql("update audit_event set purpose = 'nothing to see' where record_id = ?")
                    .param(record)
                    .update();
            ChainVerification broken = audit.verifyChain();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.problem()).isEqualTo("altered");
            assertThat(broken.brokenEvent())
                    .isEqualTo(owner.sql("select id from audit_event where record_id = ?")
                            .param(record)
                            .query(UUID.class)
                            .single());
            owner.sql("update audit_event set purpose = ? where record_id = ?")
                    .params(original, record)
                    .update();
        } finally {
            owner.sql("alter table audit_event enable trigger audit_event_append_only")
                    .update();
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void sealsCannotBeChangedEither() {
        audit.record(AuditEntry.of(AuditAction.READ, "test", Ids.newId()));
        seal.seal(java.time.Duration.ZERO);
        assertThatThrownBy(() ->
                        jdbc.sql("update audit_seal set hash = repeat('0', 64)").update())
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> owner().sql("update audit_seal set hash = repeat('0', 64)")
                        .update())
                .hasMessageContaining("cannot be changed");
    }

    @Autowired
    org.marugoto.people.PeopleApi people;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    @Test
    void theAuditorFindsWhoSawAPersonThroughTheirHousehold() {
        org.marugoto.people.PeopleFixtures.actAs(users, "caseworker4");
        var member = people.register(
                org.marugoto.people.PeopleFixtures.person(
                        "監査", "対象", "かんさ", "たいしょう", org.marugoto.people.Sex.MALE, null, null, null),
                org.marugoto.people.PeopleFixtures.newHousehold());
        people.household(member.householdId(), "household page");

        org.marugoto.people.PeopleFixtures.actAs(users, "auditor");
        assertThat(audit.about(member.person().id(), 50)).anySatisfy(e -> {
            assertThat(e.recordId()).isEqualTo(member.householdId());
            assertThat(e.action()).isEqualTo(AuditAction.READ);
            assertThat(e.actorUsername()).isEqualTo("caseworker4");
        });
        assertThat(audit.byActor("caseworker4", 50))
                .extracting(AuditEventView::recordId)
                .contains(member.householdId());
        assertThat(audit.byActor("auditor", 5))
                .anySatisfy(e -> assertThat(e.purpose()).isEqualTo("investigation"));
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
