package org.marugoto.access.domain;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.Role;
import org.marugoto.shared.db.Stamps;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A staff member's account. Login bookkeeping (failed attempts, lock, last login) is kept in the same row but is
 * not part of the aggregate: it changes on every login and must not collide with an administrator's edit.
 */
@Table("staff_account")
class StaffAccount {

    @Id
    private final UUID id;

    private final UUID municipalityId;
    private final String username;
    private String displayName;
    private @Nullable String displayNameKana;
    private @Nullable String email;
    private UUID agencyId;
    private String passwordHash;
    private boolean enabled;

    @MappedCollection(idColumn = "account_id")
    private Set<RoleGrant> roles = new HashSet<>();

    @Embedded.Empty
    private Stamps stamps = new Stamps();

    @Version
    private @Nullable Integer version;

    StaffAccount(
            UUID id, UUID municipalityId, String username, String displayName, UUID agencyId, String passwordHash) {
        this.id = id;
        this.municipalityId = municipalityId;
        this.username = username;
        this.displayName = displayName;
        this.agencyId = agencyId;
        this.passwordHash = passwordHash;
        this.enabled = true;
    }

    void apply(StaffCommand command) {
        displayName = command.displayName();
        displayNameKana = command.displayNameKana();
        email = command.email();
        agencyId = command.agencyId();
        enabled = command.enabled();
        roles = command.roles().stream()
                .map(role -> new RoleGrant(municipalityId, role))
                .collect(Collectors.toCollection(HashSet::new));
    }

    void changePassword(String newHash) {
        passwordHash = newHash;
    }

    void expectVersion(int seenVersion) {
        version = seenVersion;
    }

    UUID id() {
        return id;
    }

    String username() {
        return username;
    }

    UUID agencyId() {
        return agencyId;
    }

    String displayName() {
        return displayName;
    }

    @Nullable
    String displayNameKana() {
        return displayNameKana;
    }

    @Nullable
    String email() {
        return email;
    }

    boolean enabled() {
        return enabled;
    }

    Set<Role> roles() {
        return roles.stream().map(RoleGrant::role).collect(Collectors.toUnmodifiableSet());
    }

    int version() {
        return version == null ? 0 : version;
    }
}
