package org.marugoto.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded database as the running application has it: durable, password-protected, and not a superuser. */
@MarugotoTest
class DatabaseSafetyTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Database database;

    @Test
    void everyAcknowledgedCommitIsOnDisk() {
        for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
            assertThat(jdbc.sql("show " + setting).query(String.class).single())
                    .as(setting)
                    .isEqualTo("on");
        }
    }

    @Test
    void theApplicationRunsAsAnUnprivilegedRoleThatOwnsNothing() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("marugoto_app");
        assertThat(jdbc.sql("""
                        select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls or rolreplication
                        from pg_roles where rolname = current_user""").query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("""
                        select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and pg_get_userbyid(c.relowner) = current_user""").query(Long.class).single()).isZero();
        assertThatThrownBy(() -> jdbc.sql("create table intruder (id int)").update())
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("truncate consultation").update())
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("select count(*) from flyway_schema_history")
                        .query(Long.class)
                        .single())
                .hasStackTraceContaining("permission denied");
    }

    @Test
    void everyConnectionNeedsThePassword() {
        String url = database.jdbcUrl();
        for (String user : new String[] {"postgres", "marugoto_owner", "marugoto_app"}) {
            assertThatThrownBy(() -> DriverManager.getConnection(url, user, "").close())
                    .as(user)
                    .hasMessageContaining("password");
            assertThatThrownBy(() ->
                            DriverManager.getConnection(url, user, "wrong").close())
                    .as(user)
                    .hasMessageContaining("password authentication failed");
        }
    }

    @Test
    void theGeneratedSecretsAreReadableByTheOwnerOnly() throws Exception {
        Path secrets = database.dataFolder().orElseThrow().resolve("secrets");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)))
                .isEqualTo("rwx------");
        for (String file : new String[] {"database.properties", "audit.properties"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.resolve(file))))
                    .as(file)
                    .isEqualTo("rw-------");
        }
        assertThat(Files.readString(secrets.resolve("database.properties"))).doesNotContain("=\n");
        assertThat(Files.readString(database.dataFolder().orElseThrow().resolve("postgres/pg_hba.conf")))
                .doesNotContainPattern("(?m)^[^#]*\\btrust\\b");
    }

    @Test
    void aDataFolderHeldByARunningInstanceIsRefusedInOneSentence() {
        Path cluster = database.dataFolder().orElseThrow().resolve("postgres");
        assertThatThrownBy(() -> DataFolder.open(cluster))
                .isInstanceOf(DataFolder.DataFolderInUse.class)
                .hasMessageContaining("is in use by another running Marugoto");
        var analysis = new DatabaseFailureAnalyzer()
                .analyze(new IllegalStateException(new DataFolder.DataFolderInUse(cluster.getParent(), "4242")));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getAction()).contains("process 4242").contains("MARUGOTO_DATA_DIR");
    }
}
