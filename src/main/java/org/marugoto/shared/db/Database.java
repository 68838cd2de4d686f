package org.marugoto.shared.db;

import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.Driver;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The database Marugoto uses and its roles. Modules use the application's {@code DataSource} (the runtime role); the
 * owner's connection is for migrations, backup and restore, and tests that must act as the owner.
 */
public final class Database {

    private final String jdbcUrl;
    private final String runtimeUser;
    private final @Nullable String runtimePassword;
    private final String ownerUser;
    private final @Nullable String ownerPassword;
    private final @Nullable Path dataFolder;

    Database(
            String jdbcUrl,
            String runtimeUser,
            @Nullable String runtimePassword,
            String ownerUser,
            @Nullable String ownerPassword,
            @Nullable Path dataFolder) {
        this.jdbcUrl = jdbcUrl;
        this.runtimeUser = runtimeUser;
        this.runtimePassword = runtimePassword;
        this.ownerUser = ownerUser;
        this.ownerPassword = ownerPassword;
        this.dataFolder = dataFolder;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String runtimeUser() {
        return runtimeUser;
    }

    @Nullable
    String runtimePassword() {
        return runtimePassword;
    }

    public String ownerUser() {
        return ownerUser;
    }

    @Nullable
    String ownerPassword() {
        return ownerPassword;
    }

    /** A new, unpooled connection source as the schema owner. */
    public DataSource ownerDataSource() {
        SimpleDriverDataSource source = new SimpleDriverDataSource(new Driver(), jdbcUrl);
        source.setUsername(ownerUser);
        if (ownerPassword != null) {
            source.setPassword(ownerPassword);
        }
        return source;
    }

    /** The folder of the embedded cluster and its secrets; empty for an external server. */
    public Optional<Path> dataFolder() {
        return Optional.ofNullable(dataFolder);
    }

    @Override
    public String toString() {
        return "Database[" + jdbcUrl + ", runtime=" + runtimeUser + ", owner=" + ownerUser + "]";
    }
}
