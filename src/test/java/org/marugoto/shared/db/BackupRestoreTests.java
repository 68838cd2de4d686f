package org.marugoto.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoApplication;
import org.marugoto.MarugotoTest;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.ChainVerification;
import org.marugoto.audit.domain.AuditSeal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A backup of the running demo city restored into an empty data folder holds every record, and its audit chain
 * verifies with the original key in a Marugoto started on it.
 */
@MarugotoTest
class BackupRestoreTests {

    private static final List<String> RECORDS = List.of(
            "person",
            "household",
            "household_member",
            "consultation",
            "referral",
            "support_case",
            "consent",
            "staff_account",
            "agency");

    @Autowired
    Database database;

    @Autowired
    AuditSeal seal;

    @Autowired
    AuditApi audit;

    @Test
    void aBackupRestoredIntoAnEmptyFolderHasEveryRecordAndAVerifyingChain() throws Exception {
        seal.seal(Duration.ZERO);
        ChainVerification before = audit.verifyChain();
        assertThat(before.intact()).isTrue();
        JdbcClient source = JdbcClient.create(database.ownerDataSource());

        Path work = Files.createTempDirectory("marugoto-backup-");
        try {
            Path file = work.resolve("marugoto-backup.zip");
            DatabaseBackup.Counts backedUp;
            try (Connection c = database.ownerDataSource().getConnection()) {
                backedUp = DatabaseBackup.backup(c, file);
            }
            long[] sourceCounts =
                    RECORDS.stream().mapToLong(t -> count(source, t)).toArray();
            assertThat(backedUp.rows()).isPositive();

            Path restored = work.resolve("restored");
            DatabaseBackup.Counts counts = DatabaseBackup.restore(file, restored.resolve("postgres"));
            assertThat(counts).isEqualTo(backedUp);
            assertThatThrownBy(() -> DatabaseBackup.restore(file, restored.resolve("postgres")))
                    .hasMessageContaining("is not empty");

            // the audit key is kept apart from backups; the operator puts it back
            Files.copy(
                    database.dataFolder().orElseThrow().resolve("secrets/audit.properties"),
                    restored.resolve("secrets/audit.properties"));
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MarugotoApplication.class)
                    .run(
                            "--server.port=0",
                            "--marugoto.db.embedded.data-dir=" + restored.resolve("postgres"),
                            "--marugoto.db.embedded.temporary=false",
                            "--marugoto.demo.enabled=false",
                            "--spring.mail.host=")) {
                JdbcClient copy = JdbcClient.create(app.getBean(Database.class).ownerDataSource());
                for (int i = 0; i < RECORDS.size(); i++) {
                    assertThat(count(copy, RECORDS.get(i))).as(RECORDS.get(i)).isEqualTo(sourceCounts[i]);
                }
                // the application's role got its grants back on the restored schema
                assertThat(app.getBean(JdbcClient.class)
                                .sql("select count(*) from person")
                                .query(Long.class)
                                .single())
                        .isEqualTo(sourceCounts[0]);
                ChainVerification after = app.getBean(AuditApi.class).verifyChain();
                assertThat(after.intact()).isTrue();
                assertThat(after.checked()).isGreaterThanOrEqualTo(before.checked());
            }
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
