package org.marugoto.access.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session between password and second factor reaches the second step, logout, a new login and static files —
 * nothing else: every other request is sent to the second step (API requests get 401). A pending login older than
 * ten minutes ends. (Defence in depth: the pending authentication has no roles and is not authenticated, so the
 * authorization rules would refuse it anyway.)
 */
class SecondFactorGate extends OncePerRequestFilter {

    static final Duration PENDING_LIMIT = Duration.ofMinutes(10);

    private static final Set<String> OPEN = Set.of("/login", "/logout", "/error", "/favicon.ico");
    private static final List<String> STATIC = List.of("/css/", "/js/", "/images/", "/webjars/");

    private final Clock clock;

    SecondFactorGate(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof PendingSecondFactor)) {
            chain.doFilter(request, response);
            return;
        }
        PendingLogin pending = SecondFactorLogin.pending(request);
        if (pending == null || pending.since().plus(PENDING_LIMIT).isBefore(clock.instant())) {
            SecondFactorLogin.abandon(request);
            response.sendRedirect(request.getContextPath() + "/login?timeout");
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(pending.stage().path())
                || OPEN.contains(path)
                || STATIC.stream().anyMatch(path::startsWith)) {
            chain.doFilter(request, response);
        } else if (path.startsWith("/api/")) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        } else {
            response.sendRedirect(request.getContextPath() + pending.stage().path());
        }
    }
}
