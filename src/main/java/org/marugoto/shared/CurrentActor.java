package org.marugoto.shared;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the acting staff member from the security context. */
public final class CurrentActor {

    /** The name recorded in {@code created_by}/{@code updated_by} when no person acts (start-up, scheduled jobs). */
    public static final String SYSTEM = "system";

    private CurrentActor() {}

    /**
     * Makes {@code user} the actor of what this thread does next (demo loaders acting as the demo staff); the caller
     * clears the security context when done.
     */
    public static void actAs(org.springframework.security.core.userdetails.UserDetails user) {
        SecurityContextHolder.getContext()
                .setAuthentication(
                        org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                                user, null, user.getAuthorities()));
    }

    public static Optional<Actor> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            return Optional.of(actor);
        }
        return Optional.empty();
    }

    public static String username() {
        return get().map(Actor::username).orElse(SYSTEM);
    }
}
