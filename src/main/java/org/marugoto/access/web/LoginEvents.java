package org.marugoto.access.web;

import org.marugoto.access.domain.StaffService;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;

/**
 * Turns Spring Security's failed-login events into lockout bookkeeping and audit rows. Successes are handled by
 * {@link SecondFactorLogin}: a right password alone is not a complete login for a user with a second factor.
 */
@Component
class LoginEvents {

    private final StaffService staff;

    LoginEvents(StaffService staff) {
        this.staff = staff;
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String reason = event.getException().getClass().getSimpleName().replace("Exception", "");
        staff.loginFailed(event.getAuthentication().getName(), reason);
    }
}
