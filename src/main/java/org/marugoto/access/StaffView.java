package org.marugoto.access;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A staff account as administrators and other modules see it (never the password hash). */
public record StaffView(
        UUID id,
        String username,
        String displayName,
        @Nullable String displayNameKana,
        @Nullable String email,
        UUID agencyId,
        Set<Role> roles,
        boolean enabled,
        boolean locked,
        @Nullable Instant lastLoginAt,
        int version) {}
