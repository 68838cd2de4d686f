package org.marugoto.shared.db;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedBy;
import org.springframework.data.annotation.LastModifiedDate;

/**
 * Who created a row and who changed it last, and when: the four columns {@code created_at}, {@code created_by},
 * {@code updated_at}, {@code updated_by} that every table keeps. An aggregate embeds one without a prefix
 * ({@code @Embedded.Empty private Stamps stamps = new Stamps();}) and Spring Data's auditing fills it from the acting
 * user ({@link PersistenceConfiguration}); the aggregate never sets it itself. The version stays on the aggregate,
 * where Spring Data looks for it.
 */
public final class Stamps {

    @CreatedDate
    private @Nullable Instant createdAt;

    @CreatedBy
    private @Nullable String createdBy;

    @LastModifiedDate
    private @Nullable Instant updatedAt;

    @LastModifiedBy
    private @Nullable String updatedBy;

    public @Nullable Instant createdAt() {
        return createdAt;
    }

    public @Nullable String createdBy() {
        return createdBy;
    }

    public @Nullable Instant updatedAt() {
        return updatedAt;
    }

    public @Nullable String updatedBy() {
        return updatedBy;
    }
}
