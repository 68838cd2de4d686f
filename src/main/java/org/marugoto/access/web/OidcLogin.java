package org.marugoto.access.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.domain.StaffPrincipal;
import org.marugoto.access.domain.StaffService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * A login through the municipal identity provider (OpenID Connect) maps to the staff account named by one claim
 * ({@code marugoto.oidc.username-claim}, {@code preferred_username}): no account, or a disabled or locked one, is a
 * failed login. From there on it is a password login like any other: the second factor is still asked when the
 * account has one (or its role requires one), roles come from Marugoto, not from the provider.
 */
class OidcLogin implements AuthenticationSuccessHandler {

    private final StaffService staff;
    private final SecondFactorLogin secondFactor;
    private final SessionRegistry sessions;
    private final String usernameClaim;
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

    OidcLogin(StaffService staff, SecondFactorLogin secondFactor, SessionRegistry sessions, String usernameClaim) {
        this.staff = staff;
        this.secondFactor = secondFactor;
        this.sessions = sessions;
        this.usernameClaim = usernameClaim;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        String username =
                authentication.getPrincipal() instanceof OidcUser user ? user.getClaimAsString(usernameClaim) : null;
        StaffPrincipal principal = account(username);
        if (principal == null || !principal.isEnabled() || !principal.isAccountNonLocked()) {
            staff.loginFailed(username == null ? "oidc:" + authentication.getName() : username, "OidcNoUsableAccount");
            if (request.getSession(false) != null) {
                sessions.removeSessionInformation(request.getSession().getId());
            }
            SecondFactorLogin.abandon(request);
            response.sendRedirect(request.getContextPath() + "/login?error");
            return;
        }
        principal.eraseCredentials();
        Authentication staffLogin =
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        String sessionId = request.getSession().getId();
        sessions.removeSessionInformation(sessionId);
        sessions.registerNewSession(sessionId, principal);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(staffLogin);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        secondFactor.onAuthenticationSuccess(request, response, staffLogin);
    }

    private @Nullable StaffPrincipal account(@Nullable String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        try {
            return staff.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }
}
