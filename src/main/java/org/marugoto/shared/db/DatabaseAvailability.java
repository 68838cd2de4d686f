package org.marugoto.shared.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether the database answers, probed every second and marked down at once when a request meets a lost connection.
 * While it is down, pages answer 503 "temporarily unavailable" instead of failing in ways that mislead (a login
 * refused as a wrong password).
 */
@Component
public class DatabaseAvailability {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);

    private final DataSource dataSource;
    private volatile boolean available = true;

    DatabaseAvailability(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean available() {
        return available;
    }

    /** A request met a lost connection: show the 503 page until the next probe finds the database again. */
    public void connectionFailed() {
        if (available) {
            log.warn("The database does not answer; pages show 'temporarily unavailable' until it does");
        }
        available = false;
    }

    /**
     * A request met a connection failure: as {@link #connectionFailed()}, unless it only waited too long for a pooled
     * connection while the database answers (the pool is saturated under load). That request gets its 503, but the
     * other pages keep being served: marking the database down would refuse every page, the login page included.
     */
    public void connectionFailed(Throwable failure) {
        if (!poolSaturated(failure)) {
            connectionFailed();
        }
    }

    @Scheduled(initialDelay = 1_000, fixedDelay = 1_000)
    void probe() {
        boolean answered;
        try (Connection connection = dataSource.getConnection()) {
            answered = connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            // waiting in a saturated pool says nothing about the database: keep what the last probe found
            answered = poolSaturated(e) ? available : false;
        }
        if (answered && !available) {
            log.info("The database answers again");
        } else if (!answered && available) {
            log.warn("The database does not answer; pages show 'temporarily unavailable' until it does");
        }
        available = answered;
    }

    /**
     * Whether {@code failure} is only a wait for a pooled connection that timed out while the database itself answers:
     * HikariCP's "Connection is not available, request timed out" carries as its cause the last failure to connect,
     * and has none when every connection is simply in use.
     */
    public static boolean poolSaturated(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException && t.getCause() == null) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code failure} (or one of its causes) means that the database could not be reached. */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException) {
                return true;
            }
            // a JDBC commit or rollback that failed (the pool reports a connection it already closed without an SQL
            // state), or a failed rollback hiding the exception that caused it
            if (t instanceof TransactionSystemException tx
                    && (tx.getCause() instanceof SQLException
                            || (tx.getApplicationException() != null
                                    && isConnectionFailure(tx.getApplicationException())))) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }
}
