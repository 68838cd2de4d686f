package org.marugoto.shared.db;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backup and restore of the embedded database (decision 0018), without tools outside the application: the embedded
 * binaries have no pg_dump. A backup is one ZIP file: a manifest (schema version, row counts, sequences) and every
 * table as PostgreSQL COPY text, all read in one repeatable-read transaction, so the file is a consistent snapshot even
 * while the application runs. A restore needs an empty data folder: it creates the cluster and its roles, migrates the
 * schema to the backup's version, and loads every table and sequence in one transaction. The audit key is not in the
 * backup: keep {@code secrets/audit.properties} (or {@code MARUGOTO_AUDIT_KEY}) apart and put it back after a restore.
 */
public final class DatabaseBackup {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBackup.class);
    private static final String MANIFEST = "manifest.properties";
    private static final String FORMAT = "marugoto-backup-1";

    private DatabaseBackup() {}

    /**
     * {@code backup FILE} or {@code restore FILE}, on the data folder of {@code MARUGOTO_DATA_DIR} (default ./data). The
     * file may instead come in {@code MARUGOTO_BACKUP_FILE}: the scripts pass it so, because Maven splits the
     * application's arguments at spaces and a path may contain them.
     */
    public static int run(String[] args) {
        String named = args.length == 2 ? args[1] : System.getenv("MARUGOTO_BACKUP_FILE");
        if (args.length < 1 || args.length > 2 || named == null || named.isBlank()) {
            System.err.println("usage: backup FILE | restore FILE");
            return 2;
        }
        Path data = Path.of(System.getenv().getOrDefault("MARUGOTO_DATA_DIR", "data"));
        Path file = Path.of(named).toAbsolutePath();
        try {
            if (args[0].equals("backup")) {
                Counts counts = backup(data.resolve("postgres"), file);
                System.out.println("Backup written to " + file + ": " + counts.tables() + " tables, " + counts.rows()
                        + " rows. Keep " + data.resolve("secrets/audit.properties")
                        + " (the audit key) safe and apart from it.");
            } else if (args[0].equals("restore")) {
                Counts counts = restore(file, data.resolve("postgres"));
                System.out.println("Restored " + counts.tables() + " tables, " + counts.rows() + " rows into " + data
                        + ". Put the audit key of the original installation into "
                        + data.resolve("secrets/audit.properties") + " (or set MARUGOTO_AUDIT_KEY) before starting,"
                        + " so that the audit chain verifies.");
            } else {
                System.err.println("usage: backup FILE | restore FILE");
                return 2;
            }
            return 0;
        } catch (DataFolder.DataFolderInUse e) {
            System.err.println(e.getMessage() + " Stop it before restoring.");
            return 1;
        } catch (IOException | SQLException | RuntimeException e) {
            System.err.println(args[0] + " failed: " + e.getMessage());
            return 1;
        }
    }

    /** How much a backup or restore moved. */
    public record Counts(int tables, long rows) {}

    /**
     * Backs up the cluster of {@code cluster}: through the running Marugoto's server if one holds the folder, otherwise
     * by starting the embedded server for the time of the backup.
     */
    public static Counts backup(Path cluster, Path file) throws IOException, SQLException {
        Path base = java.util.Objects.requireNonNull(
                cluster.toAbsolutePath().normalize().getParent(), "the cluster folder is inside a folder");
        DatabaseRoles roles;
        DataFolder folder = null;
        EmbeddedPostgresLauncher.Started started = null;
        int port;
        try {
            folder = DataFolder.open(cluster);
            roles = DatabaseRoles.of(folder);
            started = EmbeddedPostgresLauncher.start(folder, roles, 0);
            port = started.port();
        } catch (DataFolder.DataFolderInUse running) {
            roles = DatabaseRoles.ofRunning(base);
            port = Integer.parseInt(
                    Files.readAllLines(cluster.resolve("postmaster.pid")).get(3).strip());
        }
        try (Connection c = DriverManager.getConnection(url(port), roles.owner(), roles.ownerPassword())) {
            return backup(c, file);
        } finally {
            if (started != null) {
                started.postgres().close();
            }
            if (folder != null) {
                folder.close();
            }
        }
    }

    /** Writes every table of the public schema (but the migration history) from one snapshot. */
    public static Counts backup(Connection c, Path file) throws IOException, SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("set transaction isolation level repeatable read, read only");
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Properties manifest = new Properties();
        manifest.setProperty("format", FORMAT);
        manifest.setProperty("created", Instant.now().toString());
        manifest.setProperty("schema.version", schemaVersion(c));
        List<String> tables = tables(c);
        manifest.setProperty("tables", String.join(",", tables));
        for (Map.Entry<String, Long> sequence : sequences(c).entrySet()) {
            manifest.setProperty("sequence." + sequence.getKey(), Long.toString(sequence.getValue()));
        }
        long rows = 0;
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
            for (String table : tables) {
                zip.putNextEntry(new ZipEntry("tables/" + table + ".copy"));
                long count = copy.copyOut("copy " + quote(table) + " to stdout", new FilterOutputStream(zip) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() {
                        // the entry is closed below, the archive at the end
                    }
                });
                manifest.setProperty("rows." + table, Long.toString(count));
                rows += count;
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(MANIFEST));
            manifest.store(zip, "Marugoto backup");
            zip.closeEntry();
        }
        c.commit();
        try (var channel = java.nio.channels.FileChannel.open(partial, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(
                partial,
                file,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        log.info("Backup of {} tables ({} rows) written to {}", tables.size(), rows, file);
        return new Counts(tables.size(), rows);
    }

    /** Restores {@code file} into the empty data folder of {@code cluster} and stops the server again. */
    public static Counts restore(Path file, Path cluster) throws IOException, SQLException {
        if (Files.isDirectory(cluster)) {
            try (var entries = Files.list(cluster)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalStateException("The data folder " + cluster
                            + " is not empty. Restore into a new folder (MARUGOTO_DATA_DIR) and switch to it.");
                }
            }
        }
        Properties manifest = manifest(file);
        DataFolder folder = DataFolder.open(cluster);
        try {
            DatabaseRoles roles = DatabaseRoles.of(folder);
            EmbeddedPostgresLauncher.Started started = EmbeddedPostgresLauncher.start(folder, roles, 0);
            try {
                Flyway.configure()
                        .dataSource(url(started.port()), roles.owner(), roles.ownerPassword())
                        .locations("classpath:db/migration")
                        .placeholders(Map.of("app_role", roles.app(), "owner_role", roles.owner()))
                        .target(manifest.getProperty("schema.version"))
                        .load()
                        .migrate();
                try (Connection c = EmbeddedPostgresLauncher.superuserConnection(started.postgres(), roles)) {
                    return load(c, file, manifest);
                }
            } finally {
                started.postgres().close();
            }
        } finally {
            folder.close();
        }
    }

    /** Loads the tables into a migrated, empty schema, in one transaction; as superuser, so that no trigger fires. */
    static Counts load(Connection c, Path file, Properties manifest) throws IOException, SQLException {
        c.setAutoCommit(false);
        List<String> tables = List.of(manifest.getProperty("tables").split(","));
        try (Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            s.execute("truncate "
                    + String.join(
                            ", ", tables.stream().map(DatabaseBackup::quote).toList()));
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        long rows = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (!entry.getName().startsWith("tables/")) {
                    continue;
                }
                String table = entry.getName()
                        .substring("tables/".length(), entry.getName().length() - 5);
                if (!tables.contains(table)) {
                    throw new IllegalStateException("The backup holds an unknown table " + table);
                }
                long count = copy.copyIn("copy " + quote(table) + " from stdin", new FilterInputStream(zip) {
                    @Override
                    public void close() {
                        // the archive stays open for the next entry
                    }
                });
                long expected = Long.parseLong(manifest.getProperty("rows." + table));
                if (count != expected) {
                    throw new IllegalStateException(
                            "Table " + table + ": " + count + " rows read, the manifest says " + expected);
                }
                rows += count;
            }
        }
        try (Statement s = c.createStatement()) {
            for (String key : manifest.stringPropertyNames()) {
                if (key.startsWith("sequence.")) {
                    s.execute("select setval(" + literal(key.substring("sequence.".length())) + ", "
                            + Long.parseLong(manifest.getProperty(key)) + ")");
                }
            }
            s.execute("set session_replication_role = origin");
        }
        c.commit();
        return new Counts(tables.size(), rows);
    }

    private static Properties manifest(Path file) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals(MANIFEST)) {
                    Properties manifest = new Properties();
                    manifest.load(new java.io.InputStreamReader(zip, StandardCharsets.ISO_8859_1));
                    if (!FORMAT.equals(manifest.getProperty("format"))) {
                        throw new IllegalStateException(file + " is not a Marugoto backup");
                    }
                    return manifest;
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new IllegalStateException(file + " is not a Marugoto backup", e);
        }
        throw new IllegalStateException(file + " is not a Marugoto backup (no manifest)");
    }

    private static String schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select to_regclass('flyway_schema_history') is not null")) {
            if (!rs.next() || !rs.getBoolean(1)) {
                throw new IllegalStateException(
                        "The database has no Marugoto schema yet: start Marugoto once before backing it up");
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        select version from flyway_schema_history where success and version is not null
                        order by installed_rank desc limit 1""")) {
            if (!rs.next()) {
                throw new IllegalStateException("The database has no migrated schema");
            }
            return rs.getString(1);
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        select tablename from pg_tables where schemaname = 'public'
                          and tablename <> 'flyway_schema_history' order by tablename""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static Map<String, Long> sequences(Connection c) throws SQLException {
        Map<String, Long> sequences = new java.util.TreeMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        select sequencename, last_value from pg_sequences
                        where schemaname = 'public' and last_value is not null""")) {
            while (rs.next()) {
                sequences.put(rs.getString(1), rs.getLong(2));
            }
        }
        return sequences;
    }

    private static String url(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + EmbeddedPostgresLauncher.DATABASE;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
