package org.marugoto.shared;

import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs a scheduled job on one node at a time (decision 0030): the node that gets PostgreSQL's session advisory lock of
 * the job runs it; a node that finds the lock taken skips this turn. The lock is held on a connection of its own for as
 * long as the job runs and is released with it (or with the connection, if the node dies). The jobs keep their state
 * in the database and claim rows ({@code for update skip locked}), so a turn taken by the other node afterwards finds
 * nothing left to do: the lock only keeps two nodes from working the same batch at once.
 */
@Component
public class ClusterJobs {

    private final JdbcTemplate jdbc;

    ClusterJobs(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Runs {@code job} unless another node runs the job of that name now; returns its result, or -1 if skipped. */
    public int runAlone(String name, IntSupplier job) {
        Integer result = jdbc.execute((ConnectionCallback<Integer>) connection -> {
            long key = key(name);
            try (var lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                lock.setLong(1, key);
                try (var rs = lock.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return -1;
                    }
                }
            }
            try {
                return job.getAsInt();
            } finally {
                try (var unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                    unlock.setLong(1, key);
                    unlock.execute();
                }
            }
        });
        return result == null ? -1 : result;
    }

    /** A stable 64-bit key for the job's name (the same on every node and every start). */
    static long key(String name) {
        long hash = 0x6d6172756700L; // "marug"
        for (char c : ("marugoto.job." + name).toCharArray()) {
            hash = 31 * hash + c;
        }
        return hash;
    }
}
