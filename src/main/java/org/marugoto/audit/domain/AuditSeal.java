package org.marugoto.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.marugoto.audit.ChainVerification;
import org.marugoto.shared.Tenancy;
import org.marugoto.shared.db.LocalSecrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains the audit trail. Rows are sealed a little after they were written (so that the transactions that wrote them
 * have committed), in sequence order; a row that commits late is sealed at the end of the chain. One node seals at a
 * time (advisory lock), so several nodes may run the job.
 *
 * <p>Each seal is HMAC-SHA256(key, previous seal || the row's content). The key lives outside the database ({@code
 * marugoto.audit.key}, or generated once into the data folder's {@code secrets/}), so whoever can write to the
 * database but lacks the key cannot re-seal a changed row: verification then fails at that row (decision 0018).
 */
@Service
public class AuditSeal {

    static final String GENESIS = "0".repeat(64);
    private static final long LOCK = 0x6D617275676F746FL; // "marugoto"
    private static final Duration SETTLE = Duration.ofSeconds(5);
    /**
     * How far behind the last sealed row a late-committing row is still looked for. Sealing reads only this window
     * (two index range scans), so its cost does not grow with the table.
     */
    static final long LATE_WINDOW = 100_000;

    private static final int BATCH = 5000;

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Clock clock;
    private final SecretKeySpec key;
    private final TransactionTemplate transactions;

    AuditSeal(
            JdbcClient jdbc,
            Tenancy tenancy,
            Clock clock,
            LocalSecrets secrets,
            TransactionTemplate transactions,
            @Value("${marugoto.audit.key:}") String configuredKey) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.clock = clock;
        this.transactions = transactions;
        String key = configuredKey.isBlank() ? secrets.get("audit.properties", "key") : configuredKey;
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    @Scheduled(initialDelay = 10_000, fixedDelay = 10_000)
    void scheduled() {
        // a backlog (after a busy hour, or after the chain was re-keyed) is worked off in batches of one transaction
        // each
        for (int round = 0; round < 50; round++) {
            Integer sealed = transactions.execute(status -> seal(SETTLE));
            if (sealed == null || sealed < BATCH) {
                return;
            }
        }
    }

    /** Seals the rows written at least {@code settle} ago; returns how many. */
    @Transactional
    public int seal(Duration settle) {
        Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)")
                .param(LOCK)
                .query(Boolean.class)
                .single();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        record Last(long position, String hash) {}
        Last last = jdbc.sql("""
                        select position, hash from audit_seal where municipality_id = ?
                        order by position desc limit 1
                        """)
                .param(tenancy.municipalityId())
                .query((rs, i) -> new Last(rs.getLong("position"), rs.getString("hash")))
                .optional()
                .orElse(new Last(0, GENESIS));
        long floor = jdbc.sql("select coalesce(max(event_seq), 0) from audit_seal where municipality_id = ?")
                        .param(tenancy.municipalityId())
                        .query(Long.class)
                        .single()
                - LATE_WINDOW;
        List<Row> rows = jdbc.sql("""
                        select e.* from audit_event e
                        where e.seq > ? and e.municipality_id = ? and e.occurred_at <= ?
                          and not exists (select 1 from audit_seal s where s.municipality_id = e.municipality_id and s.event_seq = e.seq and s.event_seq > ?)
                        order by e.seq
                        limit 5000
                        """)
                .params(
                        floor,
                        tenancy.municipalityId(),
                        Timestamp.from(clock.instant().minus(settle)),
                        // the seals of the window only: without it every run read the whole seal table
                        // (hash anti-join; found by QueryPlanTests)
                        floor)
                .query((rs, i) -> Row.of(rs))
                .list();
        long position = last.position();
        String hash = last.hash();
        Timestamp now = Timestamp.from(clock.instant());
        for (Row row : rows) {
            position++;
            hash = chain(hash, row);
            jdbc.sql("""
                            insert into audit_seal (municipality_id, position, event_seq, hash, sealed_at)
                            values (?, ?, ?, ?, ?)
                            """)
                    .params(tenancy.municipalityId(), position, row.seq(), hash, now)
                    .update();
        }
        return rows.size();
    }

    /** Recomputes the whole chain and says where, if anywhere, it breaks. */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        long[] checked = {0};
        String[] expected = {GENESIS};
        Long[] broken = {null};
        String[] problem = {null};
        UUID[] brokenEvent = {null};
        jdbc.sql("""
                        select s.position, s.event_seq, s.hash as sealed_hash, e.*
                        from audit_seal s left join audit_event e on e.municipality_id = s.municipality_id and e.seq = s.event_seq
                        where s.municipality_id = ?
                        order by s.position
                        """).param(tenancy.municipalityId()).query(rs -> {
            if (broken[0] != null) {
                return;
            }
            long position = rs.getLong("position");
            if (rs.getObject("id") == null) {
                broken[0] = position;
                problem[0] = "missing";
                return;
            }
            String hash = chain(expected[0], Row.of(rs));
            if (!hash.equals(rs.getString("sealed_hash"))) {
                broken[0] = position;
                problem[0] = "altered";
                brokenEvent[0] = rs.getObject("id", UUID.class);
                return;
            }
            expected[0] = hash;
            checked[0]++;
        });
        long unsealed =
                jdbc.sql("""
                        select count(*) from audit_event e where e.municipality_id = ?
                          and not exists (select 1 from audit_seal s where s.municipality_id = e.municipality_id and s.event_seq = e.seq)
                        """).param(tenancy.municipalityId()).query(Long.class).single();
        return new ChainVerification(checked[0], unsealed, expected[0], broken[0], problem[0], brokenEvent[0]);
    }

    /** The content of an audit row that the chain protects: every column, in a fixed form. */
    record Row(long seq, String content) {

        static Row of(ResultSet rs) throws SQLException {
            String content = String.join(
                    "|",
                    text(rs.getString("municipality_id")),
                    text(rs.getString("id")),
                    String.valueOf(rs.getLong("seq")),
                    String.valueOf(rs.getTimestamp("occurred_at").toInstant()),
                    text(rs.getString("actor_username")),
                    text(rs.getString("actor_account_id")),
                    text(rs.getString("actor_agency_id")),
                    text(rs.getString("action")),
                    text(rs.getString("record_type")),
                    text(rs.getString("record_id")),
                    text(rs.getString("purpose")),
                    text(rs.getString("client_address")),
                    text(rs.getString("details")));
            return new Row(rs.getLong("seq"), content);
        }

        private static String text(@Nullable String value) {
            return value == null ? "\u2400" : value.replace("|", "\\|");
        }
    }

    String chain(String previous, Row row) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(previous.getBytes(StandardCharsets.US_ASCII));
            mac.update(row.content().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
