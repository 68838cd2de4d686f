package org.marugoto.access.web;

import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Authenticated, and not a volunteer without a professional role: the professionals' pages (people, households,
 * consultations, referrals, cases...) are closed to 民生委員, whose view is {@code /volunteer}.
 */
final class NotVolunteerOnly implements AuthorizationManager<RequestAuthorizationContext> {

    private static final Set<String> PROFESSIONAL = Set.of(
            Role.CASEWORKER.authority(), Role.AGENCY_SUPERVISOR.authority(), Role.MUNICIPAL_COORDINATOR.authority());

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends @Nullable Authentication> authentication, RequestAuthorizationContext context) {
        Authentication user = authentication.get();
        if (user == null || user instanceof AnonymousAuthenticationToken || !user.isAuthenticated()) {
            return new AuthorizationDecision(false);
        }
        Set<String> authorities = user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        boolean volunteerOnly = authorities.contains(Role.VOLUNTEER.authority())
                && authorities.stream().noneMatch(PROFESSIONAL::contains);
        return new AuthorizationDecision(!volunteerOnly);
    }
}
