package org.marugoto.shared.db;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. With no {@code url} Marugoto starts an embedded PostgreSQL whose cluster is kept in {@code
 * embedded.dataDir}; with a {@code url} (environment variable {@code MARUGOTO_DB_URL}) it uses that server only.
 *
 * @param user the runtime role the application connects as (external server)
 * @param ownerUser the role that owns the schema and runs the migrations (external server); when blank, the runtime
 *     role runs them too (a single role: not recommended, warned at start)
 * @param allowSuperuser let the application connect as a database superuser (refused by default)
 */
@ConfigurationProperties("marugoto.db")
public record DatabaseProperties(
        @Nullable String url,
        @Nullable String user,
        @Nullable String password,
        @Nullable String ownerUser,
        @Nullable String ownerPassword,
        boolean allowSuperuser,
        Embedded embedded) {

    public DatabaseProperties {
        if (embedded == null) {
            embedded = new Embedded(Path.of("data/postgres"), false);
        }
    }

    public boolean external() {
        return url != null && !url.isBlank();
    }

    /**
     * @param dataDir the cluster directory; kept across restarts. Its parent folder also holds {@code secrets/}.
     * @param temporary start from an empty cluster in a temporary directory and delete it on shutdown (tests)
     */
    public record Embedded(Path dataDir, boolean temporary) {}
}
