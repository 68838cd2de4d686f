package org.marugoto.shared.db;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns the database start-up failures into one clear sentence and what to do, instead of a stack trace (registered in
 * {@code META-INF/spring.factories}).
 */
public class DatabaseFailureAnalyzer implements FailureAnalyzer {

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataFolder.DataFolderInUse inUse) {
                return new FailureAnalysis(
                        inUse.getMessage(),
                        "Stop the other Marugoto (process " + inUse.holder() + ") first, or start this one with"
                                + " MARUGOTO_DATA_DIR set to another folder.",
                        inUse);
            }
            if (t instanceof DataSourceConfiguration.RunningAsSuperuser superuser) {
                return new FailureAnalysis(
                        superuser.getMessage(),
                        "Connect as a role without superuser rights (MARUGOTO_DB_USER) and let a separate owner role"
                                + " run the migrations (MARUGOTO_DB_OWNER_USER, docs/operations.md). To run as a"
                                + " superuser anyway, set MARUGOTO_DB_ALLOW_SUPERUSER=true.",
                        superuser);
            }
            if (t instanceof DataSourceConfiguration.EmbeddedServerFailed failed) {
                return new FailureAnalysis(
                        failed.getMessage(),
                        "Check that the folder is writable and not on a full disk, and that no other program uses"
                                + " it; the database server's own messages are in postgres.log beside the folder.",
                        failed);
            }
        }
        return null;
    }
}
