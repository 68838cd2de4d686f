package org.marugoto.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL 17 (binaries from Maven Central via zonky) on a cluster kept on disk, with production
 * settings rather than the library's test defaults: every commit is flushed to disk ({@code fsync},
 * {@code synchronous_commit}, {@code full_page_writes} on), every connection needs a password (SCRAM), and the
 * application gets its own unprivileged roles (decision 0018). PostgreSQL refuses to run as root; when the JVM runs as
 * root (containers, CI), zonky starts it in a user namespace ({@code unshare -U}), so nothing else is needed.
 */
final class EmbeddedPostgresLauncher {

    static final String SUPERUSER = "postgres";
    static final String DATABASE = "postgres";

    /** What a restart needs to know; the listening port stays the same so that pooled connections find it again. */
    record Started(EmbeddedPostgres postgres, int port) {}

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);

    private static final String HBA = """
            # Written by Marugoto at every start: every connection needs a password (SCRAM-SHA-256).
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            local   all       all                 scram-sha-256
            host    all       all   127.0.0.1/32  scram-sha-256
            host    all       all   ::1/128       scram-sha-256
            """;

    private EmbeddedPostgresLauncher() {}

    /**
     * @param port the port to listen on, or 0 for any free port
     */
    static Started start(DataFolder folder, DatabaseRoles roles, int port) throws IOException {
        Path cluster = folder.cluster();
        Files.createDirectories(cluster);
        stopOrphan(cluster);
        boolean fresh = !Files.exists(cluster.resolve("postgresql.conf"));
        boolean trusting = !fresh && trusts(cluster.resolve("pg_hba.conf"));
        log.info("Starting embedded PostgreSQL with its cluster in {}", cluster);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // zonky's defaults are for throw-away test databases (-F = fsync off, synchronous_commit off)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "60")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("timezone", "UTC")
                .setLocaleConfig("locale", "C.UTF-8")
                // the server's own messages (start-up problems, crash recovery) go to <data>/postgres.log
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(
                        folder.base().resolve("postgres.log").toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(
                        folder.base().resolve("postgres.log").toFile()));
        if (port > 0) {
            builder.setPort(port);
        }
        Path passwordFile = null;
        if (fresh) {
            // initdb takes the last --auth, so this overrides zonky's "-A trust"
            passwordFile = folder.secrets().resolve("initdb-password");
            Files.deleteIfExists(passwordFile);
            Files.createFile(
                    passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passwordFile, roles.superuserPassword() + "\n", StandardCharsets.UTF_8);
            builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwordFile.toString());
        }
        if (!trusting) {
            builder.setConnectConfig("password", roles.superuserPassword());
            builder.setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()));
        }
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } finally {
            if (passwordFile != null) {
                Files.deleteIfExists(passwordFile);
            }
        }
        if (trusting) {
            closeTheDoor(postgres, cluster, roles);
        }
        roles.ensure(superuserConnection(postgres, roles));
        return new Started(postgres, postgres.getPort());
    }

    /** A connection as the cluster's superuser: only for setting up roles, never for the application. */
    static Connection superuserConnection(EmbeddedPostgres postgres, DatabaseRoles roles) throws IOException {
        try {
            return postgres.getDatabase(SUPERUSER, DATABASE, java.util.Map.of("password", roles.superuserPassword()))
                    .getConnection();
        } catch (SQLException e) {
            throw new IOException("Could not connect to the embedded PostgreSQL as its superuser", e);
        }
    }

    /** A cluster made before passwords were required (its pg_hba.conf trusts everyone): set them, then require them. */
    private static void closeTheDoor(EmbeddedPostgres postgres, Path cluster, DatabaseRoles roles) throws IOException {
        log.warn("The embedded PostgreSQL in {} accepted connections without a password; requiring SCRAM now", cluster);
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("alter role " + SUPERUSER + " password " + DatabaseRoles.literal(roles.superuserPassword()));
            writeHba(cluster);
            s.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("Could not set the database passwords", e);
        }
    }

    private static void writeHba(Path cluster) {
        try {
            Files.writeString(cluster.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean trusts(Path hba) throws IOException {
        if (!Files.exists(hba)) {
            return false;
        }
        return Files.readAllLines(hba, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> !line.startsWith("#") && !line.isEmpty())
                .anyMatch(line -> line.matches(".*\\btrust\\b.*"));
    }

    /** The process id in the cluster's {@code postmaster.pid}, if a server of this cluster is running. */
    static Optional<ProcessHandle> runningServer(Path cluster) {
        Path pidFile = cluster.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            if (lines.isEmpty() || lines.getFirst().isBlank()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.getFirst().strip());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().orElse("").endsWith("postgres"));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A server of this cluster still running although no Marugoto holds the data folder was left behind by a JVM that
     * was killed. It has no clients any more: stop it the way {@code pg_ctl stop -m fast} would (SIGINT), and only if
     * it does not stop, kill it (PostgreSQL recovers from its write-ahead log at the next start).
     */
    static void stopOrphan(Path cluster) throws IOException {
        Optional<ProcessHandle> orphan = runningServer(cluster);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle server = orphan.get();
        log.warn(
                "A database server from an earlier run that did not shut down is still running (process {}); stopping it",
                server.pid());
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(server.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
            if (!waitForExit(server, Duration.ofSeconds(30))) {
                log.warn("The database server {} did not stop in 30 s; killing it", server.pid());
                server.destroyForcibly();
                waitForExit(server, Duration.ofSeconds(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the orphaned database server", e);
        }
    }

    static boolean waitForExit(ProcessHandle process, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return !process.isAlive();
    }
}
