package org.marugoto.access.web;

import java.io.Serial;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * What the security context holds between a correct password and the second factor: a name, no roles, and not
 * authenticated, so that no page or method allows it (the {@link SecondFactorGate} sends it to the second step). The
 * full authentication waits in the session ({@link PendingLogin}).
 */
final class PendingSecondFactor extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String username;

    PendingSecondFactor(String username) {
        super(List.of());
        this.username = username;
        super.setAuthenticated(false);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return username;
    }

    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("a pending login cannot be marked authenticated");
        }
        super.setAuthenticated(false);
    }
}
