package org.marugoto;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With MARUGOTO_DB_URL set, the application uses that server, migrates it, and starts no embedded one. */
class ExternalDatabaseTests {

    @Test
    void usesTheConfiguredServerAndNeverStartsTheEmbeddedOne() throws Exception {
        Path unusedDataDir = Files.createTempDirectory("marugoto-unused-").resolve("postgres");
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            String url = external.getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MarugotoApplication.class)
                    .run(
                            "--server.port=0",
                            "--marugoto.db.url=" + url,
                            "--marugoto.db.user=postgres",
                            "--marugoto.db.password=",
                            "--marugoto.db.embedded.data-dir=" + unusedDataDir,
                            "--marugoto.demo.enabled=false")) {
                assertThat(app.getBean(HikariDataSource.class).getJdbcUrl()).isEqualTo(url);
                assertThat(app.getBean(JdbcClient.class)
                                .sql("select count(*) from municipality")
                                .query(Long.class)
                                .single())
                        .isEqualTo(1);
            }
            assertThat(unusedDataDir).doesNotExist();
        }
    }
}
