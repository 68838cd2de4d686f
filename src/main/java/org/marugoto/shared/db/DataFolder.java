package org.marugoto.shared.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/**
 * The folder that holds the embedded cluster ({@code postgres/}) and, beside it, what must never be inside the
 * database: the generated database passwords and the audit key ({@code secrets/}, readable by the owner only). One
 * running Marugoto holds the folder's lock file for as long as it runs.
 */
final class DataFolder implements AutoCloseable {

    private final Path base;
    private final Path cluster;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataFolder(Path base, Path cluster, FileChannel lockChannel, FileLock lock) {
        this.base = base;
        this.cluster = cluster;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Takes the folder for this process.
     *
     * @throws DataFolderInUse when another running Marugoto holds it
     */
    static DataFolder open(Path cluster) throws IOException {
        Path clusterDir = cluster.toAbsolutePath().normalize();
        Path base = java.util.Objects.requireNonNull(clusterDir.getParent(), "the cluster folder is inside a folder");
        Files.createDirectories(base);
        Path lockFile = base.resolve("marugoto.lock");
        FileChannel channel = FileChannel.open(
                lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = readHolder(lockFile);
            channel.close();
            throw new DataFolderInUse(base, holder);
        }
        channel.truncate(0);
        channel.write(
                ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
        channel.force(true);
        return new DataFolder(base, clusterDir, channel, lock);
    }

    private static String readHolder(Path lockFile) {
        try {
            return Files.readString(lockFile, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    Path base() {
        return base;
    }

    Path cluster() {
        return cluster;
    }

    Path secrets() {
        return LocalSecrets.folder(base);
    }

    /** The properties file {@code name} under {@code secrets/}, created with generated values on first use. */
    Properties secret(String name, String... generatedKeys) {
        return LocalSecrets.load(secrets(), name, generatedKeys);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        lockChannel.close();
    }

    /** Another running Marugoto uses the data folder. */
    static final class DataFolderInUse extends IllegalStateException {

        private final String holder;

        DataFolderInUse(Path folder, String holder) {
            super("The data folder " + folder + " is in use by another running Marugoto (process " + holder + ").");
            this.holder = holder;
        }

        String holder() {
            return holder;
        }
    }
}
