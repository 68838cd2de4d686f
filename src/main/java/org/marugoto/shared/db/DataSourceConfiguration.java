package org.marugoto.shared.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * One DataSource for the whole application: the external PostgreSQL named by {@code MARUGOTO_DB_URL} (or {@code
 * spring.datasource.url}) when set, otherwise an embedded PostgreSQL 17 started here. The embedded server is never
 * started when an external one is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DataSourceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DataSourceConfiguration.class);

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, Environment environment, EmbeddedServer embedded)
            throws IOException {
        HikariConfig config = new HikariConfig();
        config.setPoolName("marugoto");
        config.setMaximumPoolSize(20);
        String springUrl = environment.getProperty("spring.datasource.url");
        if (properties.external()) {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.user());
            config.setPassword(properties.password());
        } else if (springUrl != null && !springUrl.isBlank()) {
            config.setJdbcUrl(springUrl);
            config.setUsername(environment.getProperty("spring.datasource.username"));
            config.setPassword(environment.getProperty("spring.datasource.password"));
        } else {
            EmbeddedPostgres postgres = embedded.start(properties.embedded());
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
        }
        log.info("Using PostgreSQL at {}", config.getJdbcUrl());
        return new HikariDataSource(config);
    }

    @Bean
    EmbeddedServer embeddedServer() {
        return new EmbeddedServer();
    }

    /** Owns the embedded server so that it stops after the pool has closed. */
    static final class EmbeddedServer implements DisposableBean {

        private EmbeddedPostgres postgres;
        private Path temporaryDir;

        synchronized EmbeddedPostgres start(DatabaseProperties.Embedded settings) throws IOException {
            Path dataDir = settings.dataDir();
            if (settings.temporary()) {
                temporaryDir = Files.createTempDirectory("marugoto-pg-");
                dataDir = temporaryDir;
            }
            postgres = EmbeddedPostgresLauncher.start(dataDir);
            return postgres;
        }

        @Override
        public synchronized void destroy() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
            if (temporaryDir != null) {
                try (Stream<Path> files = Files.walk(temporaryDir)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(path -> path.toFile().delete());
                }
            }
        }
    }
}
