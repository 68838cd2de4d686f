package org.marugoto.access.web;

import org.marugoto.access.domain.StaffPrincipal;
import org.marugoto.access.domain.StaffService;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Turns Spring Security's login events into lockout bookkeeping and audit rows. */
@Component
class LoginEvents {

    private final StaffService staff;

    LoginEvents(StaffService staff) {
        this.staff = staff;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal principal) {
            staff.loginSucceeded(principal.accountId(), principal.username());
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String reason = event.getException().getClass().getSimpleName().replace("Exception", "");
        staff.loginFailed(event.getAuthentication().getName(), reason);
    }
}
