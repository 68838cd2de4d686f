package org.marugoto.access.domain;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.Role;
import org.marugoto.shared.Actor;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in staff member. Kept in the session, so it holds ids and names, never personal data of residents. */
public final class StaffPrincipal implements UserDetails, CredentialsContainer, Actor, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID accountId;
    private final String username;
    private @Nullable String passwordHash;
    private final String displayName;
    private final UUID municipalityId;
    private final UUID agencyId;
    private final String agencyName;
    private final Set<Role> roles;
    private final boolean enabled;
    private final boolean locked;

    StaffPrincipal(
            UUID accountId,
            String username,
            String passwordHash,
            String displayName,
            UUID municipalityId,
            UUID agencyId,
            String agencyName,
            Set<Role> roles,
            boolean enabled,
            boolean locked) {
        this.accountId = accountId;
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.municipalityId = municipalityId;
        this.agencyId = agencyId;
        this.agencyName = agencyName;
        this.roles = Set.copyOf(roles);
        this.enabled = enabled;
        this.locked = locked;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public UUID accountId() {
        return accountId;
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public UUID municipalityId() {
        return municipalityId;
    }

    @Override
    public UUID agencyId() {
        return agencyId;
    }

    @Override
    public String agencyName() {
        return agencyName;
    }

    @Override
    public Set<String> roleNames() {
        return roles.stream().map(Role::name).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StaffPrincipal that && accountId.equals(that.accountId);
    }

    @Override
    public int hashCode() {
        return accountId.hashCode();
    }

    @Override
    public String toString() {
        return "StaffPrincipal[" + username + "]";
    }
}
