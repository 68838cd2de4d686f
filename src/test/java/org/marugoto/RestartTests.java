package org.marugoto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.marugoto.shared.db.Database;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Stop and start again on the same data directory: everything is still there, and nothing is migrated twice. */
class RestartTests {

    @Test
    void dataSurvivesARestartAndMigrationsRunOnce() throws Exception {
        Path data = Files.createTempDirectory("marugoto-restart-");
        try {
            long migrations;
            long accounts;
            try (ConfigurableApplicationContext first = start(data)) {
                JdbcClient jdbc = first.getBean(JdbcClient.class);
                migrations = count(owner(first), "flyway_schema_history");
                accounts = count(jdbc, "staff_account");
                jdbc.sql("update area set name = '再起動後も残る名前' where code = 'S'").update();
            }
            try (ConfigurableApplicationContext second = start(data)) {
                JdbcClient jdbc = second.getBean(JdbcClient.class);
                assertThat(count(owner(second), "flyway_schema_history")).isEqualTo(migrations);
                assertThat(count(jdbc, "staff_account")).isEqualTo(accounts).isGreaterThanOrEqualTo(14);
                assertThat(jdbc.sql("select name from area where code = 'S'")
                                .query(String.class)
                                .single())
                        .isEqualTo("再起動後も残る名前");
            }
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(MarugotoApplication.class)
                .run(
                        "--server.port=0",
                        "--marugoto.db.embedded.data-dir=" + data.resolve("postgres"),
                        "--marugoto.db.embedded.temporary=false",
                        "--marugoto.demo.enabled=true");
    }

    /** The migration history is the owner's; the application's role may not read it. */
    private static JdbcClient owner(ConfigurableApplicationContext app) {
        return JdbcClient.create(app.getBean(Database.class).ownerDataSource());
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
