package org.marugoto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With MARUGOTO_DB_URL set, the application uses that server, migrates it as the owner role, runs as the runtime role,
 * and starts no embedded one. Connecting as a superuser is refused unless explicitly allowed.
 */
class ExternalDatabaseTests {

    @Test
    void usesTheConfiguredServerWithTwoRolesAndNeverStartsTheEmbeddedOne() throws Exception {
        Path unusedDataDir = Files.createTempDirectory("marugoto-unused-").resolve("postgres");
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            try (Connection c = external.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("create role app_owner login password 'owner-secret'");
                c.createStatement().execute("create role app_runtime login password 'runtime-secret'");
                c.createStatement().execute("create database marugoto owner app_owner");
            }
            String url = external.getJdbcUrl("postgres", "marugoto").replace("?user=postgres", "");
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MarugotoApplication.class)
                    .run(
                            "--server.port=0",
                            "--marugoto.db.url=" + url,
                            "--marugoto.db.user=app_runtime",
                            "--marugoto.db.password=runtime-secret",
                            "--marugoto.db.owner-user=app_owner",
                            "--marugoto.db.owner-password=owner-secret",
                            "--marugoto.db.embedded.data-dir=" + unusedDataDir,
                            "--marugoto.demo.enabled=false")) {
                assertThat(app.getBean(HikariDataSource.class).getJdbcUrl()).isEqualTo(url);
                JdbcClient jdbc = app.getBean(JdbcClient.class);
                assertThat(jdbc.sql("select count(*) from municipality")
                                .query(Long.class)
                                .single())
                        .isEqualTo(1);
                assertThat(jdbc.sql("select current_user").query(String.class).single())
                        .isEqualTo("app_runtime");
                assertThat(jdbc.sql("select tableowner from pg_tables where tablename = 'audit_event'")
                                .query(String.class)
                                .single())
                        .isEqualTo("app_owner");
                assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update())
                        .hasStackTraceContaining("permission denied");
            }
            assertThat(unusedDataDir).doesNotExist();
        }
    }

    @Test
    void refusesToRunAsASuperuser() throws Exception {
        Path unusedDataDir = Files.createTempDirectory("marugoto-unused-").resolve("postgres");
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            String url = external.getJdbcUrl("postgres", "postgres");
            assertThatThrownBy(() -> new SpringApplicationBuilder(MarugotoApplication.class)
                            .run(
                                    "--server.port=0",
                                    "--marugoto.db.url=" + url,
                                    "--marugoto.db.user=postgres",
                                    "--marugoto.db.password=",
                                    "--marugoto.db.embedded.data-dir=" + unusedDataDir,
                                    "--marugoto.demo.enabled=false")
                            .close())
                    .hasStackTraceContaining("refuses to connect as the database superuser postgres");
        }
    }
}
