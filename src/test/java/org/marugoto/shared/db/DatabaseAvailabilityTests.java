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
