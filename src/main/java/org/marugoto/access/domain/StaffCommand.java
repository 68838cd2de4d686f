package org.marugoto.access.domain;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.Role;

/** What an administrator sets on an account. */
public record StaffCommand(
        String displayName,
        @Nullable String displayNameKana,
        @Nullable String email,
        UUID agencyId,
        Set<Role> roles,
        boolean enabled) {}
