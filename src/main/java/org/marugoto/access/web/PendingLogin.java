package org.marugoto.access.web;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import org.marugoto.access.domain.StaffPrincipal;
import org.springframework.security.core.Authentication;

/**
 * A login whose password was right and whose second factor is still to come, kept in the session.
 *
 * @param stage whether the user types a code or must first enrol
 * @param authentication the complete authentication, put in the security context once the second step succeeds
 * @param since when the password was accepted (a pending login expires after a few minutes)
 */
record PendingLogin(Stage stage, Authentication authentication, Instant since) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String SESSION_ATTRIBUTE = "marugoto.pendingLogin";

    enum Stage {
        VERIFY("/login/mfa"),
        ENROL("/login/mfa/enrol");

        private final String path;

        Stage(String path) {
            this.path = path;
        }

        String path() {
            return path;
        }
    }

    StaffPrincipal principal() {
        return principal(authentication);
    }

    /** The principal of a password login: a {@link StaffPrincipal}, never null once authenticated. */
    static StaffPrincipal principal(Authentication authentication) {
        if (!(authentication.getPrincipal() instanceof StaffPrincipal principal)) {
            throw new IllegalStateException(
                    "not a staff login: " + authentication.getClass().getSimpleName());
        }
        return principal;
    }
}
