package org.marugoto.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.audit.ChainVerification;
import org.marugoto.shared.Ids;
import org.marugoto.shared.db.Database;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The attack found in the trust review: with more than the application's rights (the schema owner, or a superuser),
 * rewrite one row's actor, then re-seal that row and every later one so that the chain looks whole. Without the key
 * (it is not in the database) the new seals cannot match, and verification names the forged row. The same re-sealing
 * done with the key passes, which shows that the key, and nothing else in the procedure, is what stops it.
 */
@MarugotoTest
class AuditChainForgeryTests {

    @Autowired
    AuditApi audit;

    @Autowired
    AuditSeal seal;

    @Autowired
    Database database;

    record Sealed(long position, long seq, String hash) {}

    @Test
    void aRowForgedAndResealedWithoutTheKeyIsFoundAndNamed() throws Exception {
        UUID record = Ids.newId();
        audit.record(AuditEntry.of(AuditAction.READ, "test", record).withPurpose("forgery target"));
        audit.record(AuditEntry.of(AuditAction.READ, "test", Ids.newId()).withPurpose("a later row"));
        seal.seal(Duration.ZERO);
        assertThat(audit.verifyChain().intact()).isTrue();

        JdbcClient owner = JdbcClient.create(database.ownerDataSource());
        Sealed target = owner.sql("""
                        select s.position, s.event_seq, s.hash from audit_seal s
                        join audit_event e on e.seq = s.event_seq where e.record_id = ?""")
                .param(record)
                .query((rs, i) -> new Sealed(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .single();
        UUID forgedId = owner.sql("select id from audit_event where record_id = ?")
                .param(record)
                .query(UUID.class)
                .single();
        String originalActor = owner.sql("select actor_username from audit_event where record_id = ?")
                .param(record)
                .query(String.class)
                .single();
        List<Sealed> originalSeals = owner.sql(
                        "select position, event_seq, hash from audit_seal where position >= ? order by position")
                .param(target.position())
                .query((rs, i) -> new Sealed(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .list();
        owner.sql("alter table audit_event disable trigger audit_event_append_only")
                .update();
        owner.sql("alter table audit_seal disable trigger audit_seal_append_only")
                .update();
        try {
            owner.sql("update audit_event set actor_username = 'someone-else' where record_id = ?")
                    .param(record)
                    .update();

            reseal(owner, target, originalSeals, AuditChainForgeryTests::unkeyed);
            ChainVerification withoutKey = audit.verifyChain();
            assertThat(withoutKey.intact()).isFalse();
            assertThat(withoutKey.brokenAt()).isEqualTo(target.position());
            assertThat(withoutKey.problem()).isEqualTo("altered");
            assertThat(withoutKey.brokenEvent()).isEqualTo(forgedId);

            // control: the same procedure with the key is undetectable, so the key is what protects the chain
            reseal(owner, target, originalSeals, seal::chain);
            assertThat(audit.verifyChain().intact()).isTrue();
        } finally {
            owner.sql("update audit_event set actor_username = ? where record_id = ?")
                    .params(originalActor, record)
                    .update();
            for (Sealed s : originalSeals) {
                owner.sql("update audit_seal set hash = ? where position = ?")
                        .params(s.hash(), s.position())
                        .update();
            }
            owner.sql("alter table audit_seal enable trigger audit_seal_append_only")
                    .update();
            owner.sql("alter table audit_event enable trigger audit_event_append_only")
                    .update();
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    interface Chain {
        String next(String previous, AuditSeal.Row row) throws Exception;
    }

    private static void reseal(JdbcClient owner, Sealed from, List<Sealed> seals, Chain chain) throws Exception {
        String previous = owner.sql("select hash from audit_seal where position = ?")
                .param(from.position() - 1)
                .query(String.class)
                .optional()
                .orElse(AuditSeal.GENESIS);
        for (Sealed s : seals) {
            AuditSeal.Row row = owner.sql("select * from audit_event where seq = ?")
                    .param(s.seq())
                    .query((rs, i) -> AuditSeal.Row.of(rs))
                    .single();
            previous = chain.next(previous, row);
            owner.sql("update audit_seal set hash = ? where position = ?")
                    .params(previous, s.position())
                    .update();
        }
    }

    /** The unkeyed chain of the first version: SHA-256(previous || content). */
    private static String unkeyed(String previous, AuditSeal.Row row) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(previous.getBytes(StandardCharsets.US_ASCII));
        sha.update(row.content().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }
}
