package org.marugoto.access.web;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.Reauthentication;
import org.marugoto.access.ReauthenticationRequired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Keeps the time of the last re-authentication (or complete login) in the HTTP session. */
@Component
class SessionReauthentication implements Reauthentication {

    /** Why the last refused action wanted a re-authentication; audited with it. */
    static final String PURPOSE_ATTRIBUTE = "marugoto.reauthenticationPurpose";

    private final Clock clock;
    private final Duration window;

    SessionReauthentication(Clock clock, @Value("${marugoto.security.reauthentication-window:5m}") Duration window) {
        this.clock = clock;
        this.window = window;
    }

    @Override
    public void require(String purpose) {
        if (!isRecent()) {
            throw new ReauthenticationRequired(purpose);
        }
    }

    @Override
    public boolean isRecent() {
        HttpSession session = currentSession();
        if (session == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof Instant at)) {
            return false;
        }
        Instant now = clock.instant();
        return !at.isAfter(now) && Duration.between(at, now).compareTo(window) <= 0;
    }

    /** Marks the session as having just proven its identity. */
    void recordNow(HttpSession session) {
        session.setAttribute(SESSION_ATTRIBUTE, clock.instant());
    }

    private static @Nullable HttpSession currentSession() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getSession(false);
        }
        return null;
    }
}
