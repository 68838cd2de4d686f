package org.marugoto.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database is not there" (503), and which are ordinary errors. */
class DatabaseAvailabilityTests {

    @Test
    void lostConnectionsInAnyWrappingAreRecognised() {
        assertThat(DatabaseAvailability.isConnectionFailure(new DataAccessResourceFailureException("gone")))
                .isTrue();
        assertThat(DatabaseAvailability.isConnectionFailure(new CannotCreateTransactionException("no connection")))
                .isTrue();
        assertThat(DatabaseAvailability.isConnectionFailure(
                        new RuntimeException(new SQLException("I/O error", "08006"))))
                .isTrue();
        assertThat(DatabaseAvailability.isConnectionFailure(new SQLException("shutting down", "57P01")))
                .isTrue();
        TransactionSystemException rollbackFailed = new TransactionSystemException("rollback failed");
        rollbackFailed.initApplicationException(new SQLException("I/O error", "08006"));
        assertThat(DatabaseAvailability.isConnectionFailure(rollbackFailed)).isTrue();
        // after a commit lost its connection, Spring's rollback meets the pool's closed connection (no SQL state)
        assertThat(DatabaseAvailability.isConnectionFailure(new TransactionSystemException(
                        "JDBC rollback failed", new SQLException("Connection is closed"))))
                .isTrue();
    }

    @Test
    void aTimedOutWaitInASaturatedPoolIsNotALostDatabase() {
        SQLException saturated = new java.sql.SQLTransientConnectionException(
                "marugoto - Connection is not available, request timed out after 5000ms (total=20, active=20)");
        SQLException cannotConnect = new java.sql.SQLTransientConnectionException(
                "marugoto - Connection is not available, request timed out after 5000ms",
                "08001",
                new SQLException("Connection refused", "08001"));
        // still a 503 for the request that waited
        assertThat(DatabaseAvailability.isConnectionFailure(
                        new org.springframework.jdbc.CannotGetJdbcConnectionException("pool", saturated)))
                .isTrue();
        assertThat(DatabaseAvailability.poolSaturated(
                        new org.springframework.jdbc.CannotGetJdbcConnectionException("pool", saturated)))
                .isTrue();
        assertThat(DatabaseAvailability.poolSaturated(new CannotCreateTransactionException("tx", saturated)))
                .isTrue();
        // but a pool that cannot connect is a lost database
        assertThat(DatabaseAvailability.poolSaturated(
                        new org.springframework.jdbc.CannotGetJdbcConnectionException("pool", cannotConnect)))
                .isFalse();
        assertThat(DatabaseAvailability.poolSaturated(new DataAccessResourceFailureException("gone")))
                .isFalse();

        DatabaseAvailability availability =
                new DatabaseAvailability(new org.springframework.jdbc.datasource.SimpleDriverDataSource());
        availability.connectionFailed(new CannotCreateTransactionException("tx", saturated));
        assertThat(availability.available()).isTrue();
        availability.connectionFailed(new CannotCreateTransactionException("tx", cannotConnect));
        assertThat(availability.available()).isFalse();
    }

    @Test
    void ordinaryErrorsAreNot() {
        assertThat(DatabaseAvailability.isConnectionFailure(new DataIntegrityViolationException("duplicate")))
                .isFalse();
        assertThat(DatabaseAvailability.isConnectionFailure(new SQLException("syntax", "42601")))
                .isFalse();
        assertThat(DatabaseAvailability.isConnectionFailure(new IllegalStateException("bug")))
                .isFalse();
    }
}
