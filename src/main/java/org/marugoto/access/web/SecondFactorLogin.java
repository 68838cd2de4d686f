package org.marugoto.access.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.domain.MfaService;
import org.marugoto.access.domain.StaffPrincipal;
import org.marugoto.access.domain.StaffService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * After a correct password: a user with a second factor, or whose role requires one, gets a pending login (nothing
 * reachable but the second step); everyone else is logged in. Also completes a pending login once the second step
 * succeeded.
 */
@Component
class SecondFactorLogin implements AuthenticationSuccessHandler {

    private final MfaService mfa;
    private final StaffService staff;
    private final SessionReauthentication reauthentication;
    private final Clock clock;
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    private final RequestCache requests = new HttpSessionRequestCache();
    private final AuthenticationSuccessHandler direct = new SavedRequestAwareAuthenticationSuccessHandler();

    private final SessionRegistry sessions;

    SecondFactorLogin(
            MfaService mfa,
            StaffService staff,
            SessionReauthentication reauthentication,
            Clock clock,
            SessionRegistry sessions) {
        this.sessions = sessions;
        this.mfa = mfa;
        this.staff = staff;
        this.reauthentication = reauthentication;
        this.clock = clock;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        if (!(authentication.getPrincipal() instanceof StaffPrincipal principal)) {
            direct.onAuthenticationSuccess(request, response, authentication);
            return;
        }
        PendingLogin.Stage stage = mfa.enrolled(principal.accountId())
                ? PendingLogin.Stage.VERIFY
                : MfaService.required(principal.roles()) ? PendingLogin.Stage.ENROL : null;
        if (stage == null) {
            request.getSession().removeAttribute(PendingLogin.SESSION_ATTRIBUTE);
            staff.loginSucceeded(principal.accountId(), principal.username());
            reauthentication.recordNow(request.getSession());
            direct.onAuthenticationSuccess(request, response, authentication);
            return;
        }
        staff.passwordAccepted(principal.accountId(), principal.username());
        pend(request, response, stage, authentication);
    }

    /**
     * Puts the session back behind the second step: a user of a role that requires a factor who just removed theirs
     * can do nothing else until they enrol again.
     */
    void requireEnrolment(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        pend(request, response, PendingLogin.Stage.ENROL, authentication);
    }

    private void pend(
            HttpServletRequest request,
            HttpServletResponse response,
            PendingLogin.Stage stage,
            Authentication authentication)
            throws IOException {
        StaffPrincipal principal = PendingLogin.principal(authentication);
        HttpSession session = request.getSession();
        session.setAttribute(PendingLogin.SESSION_ATTRIBUTE, new PendingLogin(stage, authentication, clock.instant()));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new PendingSecondFactor(principal.username()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        response.sendRedirect(request.getContextPath() + stage.path());
    }

    /** The pending login of this session, if there is one. */
    static @Nullable PendingLogin pending(HttpServletRequest request) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof PendingSecondFactor)) {
            return null;
        }
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(PendingLogin.SESSION_ATTRIBUTE) instanceof PendingLogin p
                ? p
                : null;
    }

    /**
     * The second step succeeded: the session becomes fully authenticated (with a new id) and counts as freshly
     * re-authenticated. Returns the local path to continue to (the page first asked for, or home).
     */
    String complete(HttpServletRequest request, HttpServletResponse response, PendingLogin pending) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(pending.authentication());
        SecurityContextHolder.setContext(context);
        String oldId = request.getSession().getId();
        String newId = request.changeSessionId();
        // the container tells the registry too (HttpSessionEventPublisher); done here as well so that it never
        // depends on that: disabling the account must find this session under its new id
        sessions.removeSessionInformation(oldId);
        sessions.registerNewSession(newId, pending.principal());
        HttpSession session = request.getSession();
        session.removeAttribute(PendingLogin.SESSION_ATTRIBUTE);
        contexts.saveContext(context, request, response);
        reauthentication.recordNow(session);
        SavedRequest saved = requests.getRequest(request, response);
        requests.removeRequest(request, response);
        return saved == null ? "/" : LocalPath.ofUrl(saved.getRedirectUrl());
    }

    /** Ends a pending login (locked account, expired). */
    static void abandon(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }
}
