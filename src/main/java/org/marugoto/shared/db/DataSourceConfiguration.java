package org.marugoto.shared.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * One DataSource for the whole application, connected as the runtime role: the external PostgreSQL named by {@code
 * MARUGOTO_DB_URL} (or {@code spring.datasource.url}) when set, otherwise an embedded PostgreSQL 17 started here. The
 * embedded server is never started when an external one is configured. Flyway migrates as the schema owner; the grants
 * of the runtime role follow every migration ({@code afterMigrate.sql}). The application refuses to run as a
 * superuser unless {@code marugoto.db.allow-superuser} says otherwise (decision 0018).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DataSourceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DataSourceConfiguration.class);

    @Bean
    Database database(DatabaseProperties properties, Environment environment, EmbeddedServer embedded)
            throws IOException {
        String springUrl = environment.getProperty("spring.datasource.url");
        String externalUrl = properties.url();
        if (properties.external() && externalUrl != null) {
            return external(externalUrl, properties.user(), properties.password(), properties);
        }
        if (springUrl != null && !springUrl.isBlank()) {
            return external(
                    springUrl,
                    environment.getProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password"),
                    properties);
        }
        return embedded.start(properties.embedded());
    }

    private static Database external(
            String url, @Nullable String user, @Nullable String password, DatabaseProperties properties) {
        String runtime = user == null ? "" : user;
        String ownerUser = properties.ownerUser();
        boolean owned = ownerUser != null && !ownerUser.isBlank();
        if (!owned) {
            log.warn(
                    "No schema owner configured (MARUGOTO_DB_OWNER_USER): the runtime role {} also runs the"
                            + " migrations and so could change the audit trail's protection",
                    runtime);
        }
        return new Database(
                url,
                runtime,
                password,
                owned && ownerUser != null ? ownerUser : runtime,
                owned ? properties.ownerPassword() : password,
                null);
    }

    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(Database database, DatabaseProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("marugoto");
        config.setMaximumPoolSize(20);
        // when the database is down, a request learns it in seconds (and the user gets the 503 page), not in 30
        config.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.runtimeUser());
        config.setPassword(database.runtimePassword());
        log.info("Using PostgreSQL at {} as {}", config.getJdbcUrl(), config.getUsername());
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            refuseSuperuser(dataSource, properties.allowSuperuser());
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }

    /** Migrations run as the owner; afterMigrate.sql grants the runtime role what it needs and nothing more. */
    @Bean
    FlywayConfigurationCustomizer ownerMigrates(Database database) {
        return flyway -> flyway.dataSource(database.ownerDataSource())
                .placeholders(Map.of("app_role", database.runtimeUser(), "owner_role", database.ownerUser()));
    }

    private static void refuseSuperuser(HikariDataSource dataSource, boolean allowed) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("select current_user, rolsuper from pg_roles where rolname = current_user")) {
            rs.next();
            if (rs.getBoolean("rolsuper")) {
                if (!allowed) {
                    throw new RunningAsSuperuser(rs.getString(1));
                }
                log.warn("Connected as the database superuser {} (marugoto.db.allow-superuser=true)", rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the database role", e);
        }
    }

    /** Secrets kept beside the cluster (or beside where it would be, with an external server). */
    @Bean
    LocalSecrets localSecrets(Database database, DatabaseProperties properties) {
        return new LocalSecrets(database.dataFolder().orElseGet(() -> properties
                .embedded()
                .dataDir()
                .toAbsolutePath()
                .normalize()
                .getParent()));
    }

    @Bean
    EmbeddedServer embeddedServer() {
        return new EmbeddedServer();
    }

    /**
     * Owns the embedded server: starts it, starts it again when it stopped underneath the application (it was killed,
     * or crashed), and stops it after the pool has closed.
     */
    static final class EmbeddedServer implements DisposableBean {

        private @Nullable DataFolder folder;
        private @Nullable DatabaseRoles roles;
        private volatile @Nullable EmbeddedPostgres postgres;
        private int port;
        private @Nullable Path temporaryDir;
        private volatile boolean stopping;

        synchronized Database start(DatabaseProperties.Embedded settings) throws IOException {
            Path cluster = settings.dataDir();
            if (settings.temporary()) {
                temporaryDir = Files.createTempDirectory("marugoto-pg-");
                cluster = temporaryDir.resolve("postgres");
            }
            folder = DataFolder.open(cluster);
            try {
                roles = DatabaseRoles.of(folder);
                EmbeddedPostgresLauncher.Started started = EmbeddedPostgresLauncher.start(folder, roles, 0);
                postgres = started.postgres();
                port = started.port();
            } catch (IOException | RuntimeException e) {
                folder.close();
                throw new EmbeddedServerFailed(folder.cluster(), e);
            }
            String url = "jdbc:postgresql://localhost:" + port + "/" + EmbeddedPostgresLauncher.DATABASE;
            return new Database(
                    url, roles.app(), roles.appPassword(), roles.owner(), roles.ownerPassword(), folder.base());
        }

        /** Every two seconds: if the server of the cluster is gone, start it again on the same port. */
        @Scheduled(initialDelay = 2_000, fixedDelay = 2_000)
        synchronized void restartIfStopped() {
            EmbeddedPostgres current = postgres;
            if (current == null || stopping || folder == null || roles == null) {
                return;
            }
            if (EmbeddedPostgresLauncher.runningServer(folder.cluster()).isPresent()) {
                return;
            }
            log.warn("The embedded database server has stopped; starting it again");
            try {
                current.close();
            } catch (IOException | RuntimeException e) {
                log.debug("While releasing the stopped server", e);
            }
            try {
                postgres = EmbeddedPostgresLauncher.start(folder, roles, port).postgres();
                log.info("The embedded database server is running again on port {}", port);
            } catch (IOException | RuntimeException e) {
                log.warn("Could not start the embedded database server yet ({}); trying again", e.getMessage());
            }
        }

        @Override
        public synchronized void destroy() throws IOException {
            stopping = true;
            if (postgres != null) {
                postgres.close();
            }
            if (folder != null) {
                folder.close();
            }
            if (temporaryDir != null) {
                try (Stream<Path> files = Files.walk(temporaryDir)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    /** The embedded server did not start; the message says where and why, and the failure analyzer what to do. */
    static final class EmbeddedServerFailed extends IllegalStateException {

        EmbeddedServerFailed(Path cluster, Exception cause) {
            super("The embedded PostgreSQL in " + cluster + " did not start: " + cause.getMessage(), cause);
        }
    }

    /** The runtime role is a superuser and that was not explicitly allowed. */
    static final class RunningAsSuperuser extends IllegalStateException {

        RunningAsSuperuser(String role) {
            super("Marugoto refuses to connect as the database superuser " + role + ".");
        }
    }
}
