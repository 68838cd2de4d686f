package org.marugoto.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL 17 (binaries from Maven Central via zonky) on a cluster kept on disk. PostgreSQL
 * refuses to run as root; when the JVM runs as root (containers, CI), zonky starts it in a user namespace ({@code
 * unshare -U}), so nothing else is needed.
 */
final class EmbeddedPostgresLauncher {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);

    private EmbeddedPostgresLauncher() {}

    /** @param dataDir the cluster directory, created by initdb when it holds no cluster yet */
    static EmbeddedPostgres start(Path dataDir) throws IOException {
        Path clusterDir = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(clusterDir);
        log.info("Starting embedded PostgreSQL with its cluster in {}", clusterDir);
        return EmbeddedPostgres.builder()
                .setDataDirectory(clusterDir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "60")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("timezone", "UTC")
                .setLocaleConfig("locale", "C.UTF-8")
                .start();
    }
}
