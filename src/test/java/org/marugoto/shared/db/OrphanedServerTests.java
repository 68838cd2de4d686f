package org.marugoto.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A JVM killed with SIGKILL leaves its embedded server running with the cluster. The next start finds it through the
 * cluster's postmaster.pid, stops it, and starts the cluster again with the data intact, without a human.
 */
class OrphanedServerTests {

    /** What the death of the JVM does to zonky's lock on the cluster (it would otherwise stop the server on close). */
    private static void releaseLockWithoutStopping(Object postgres) throws Exception {
        var lock = postgres.getClass().getDeclaredField("lock");
        lock.setAccessible(true);
        ((java.nio.channels.FileLock) lock.get(postgres)).release();
        var stream = postgres.getClass().getDeclaredField("lockStream");
        stream.setAccessible(true);
        ((java.io.FileOutputStream) stream.get(postgres)).close();
    }

    @Test
    void anOrphanedServerOfTheSameFolderIsStoppedAndTheClusterStartsAgain() throws Exception {
        Path base = Files.createTempDirectory("marugoto-orphan-");
        Path cluster = base.resolve("postgres");
        long orphanPid;
        try {
            DataFolder folder = DataFolder.open(cluster);
            DatabaseRoles roles = DatabaseRoles.of(folder);
            var first = EmbeddedPostgresLauncher.start(folder, roles, 0);
            try (Connection c = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + first.port() + "/postgres",
                    roles.owner(),
                    roles.ownerPassword())) {
                c.createStatement().execute("create table survivor (note text)");
                c.createStatement().execute("insert into survivor values ('still here')");
            }
            orphanPid = EmbeddedPostgresLauncher.runningServer(cluster)
                    .orElseThrow()
                    .pid();
            // the "JVM" dies: its locks go, the server stays
            releaseLockWithoutStopping(first.postgres());
            folder.close();

            DataFolder again = DataFolder.open(cluster);
            var second = EmbeddedPostgresLauncher.start(again, DatabaseRoles.of(again), 0);
            try {
                assertThat(ProcessHandle.of(orphanPid)
                                .map(ProcessHandle::isAlive)
                                .orElse(false))
                        .isFalse();
                try (Connection c = DriverManager.getConnection(
                                "jdbc:postgresql://localhost:" + second.port() + "/postgres",
                                roles.owner(),
                                roles.ownerPassword());
                        ResultSet rs = c.createStatement().executeQuery("select note from survivor")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("still here");
                }
            } finally {
                second.postgres().close();
                again.close();
            }
        } finally {
            EmbeddedPostgresLauncher.runningServer(cluster).ifPresent(ProcessHandle::destroyForcibly);
            try (Stream<Path> files = Files.walk(base)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
