package org.marugoto.access;

/**
 * Asks the logged-in user to prove again that they are at the keyboard before the most sensitive actions (a role
 * change, enabling or disabling an account, a bulk export, viewing a protected address). A controller (or a service
 * called from one) calls {@link #require(String)}; when the session has not re-authenticated recently the call throws
 * {@link ReauthenticationRequired}, and the web layer sends the browser to {@code /reauth}, which asks for the
 * password (and the second factor once the user has one) and then returns to the page the user came from.
 */
public interface Reauthentication {

    /**
     * The session attribute holding the {@link java.time.Instant} of the last successful re-authentication. Tests may
     * set it to simulate a recent re-authentication, with the application's clock: {@code clock.instant()} of the
     * injected {@link java.time.Clock} (the test clock may be ahead of the system clock).
     */
    String SESSION_ATTRIBUTE = "marugoto.reauthenticatedAt";

    /**
     * Returns when the current session re-authenticated within the window ({@code
     * marugoto.security.reauthentication-window}, 5 minutes); throws otherwise.
     *
     * @param purpose why, in a few words (audited with the re-authentication), e.g. {@code "role change"}
     * @throws ReauthenticationRequired when the session must re-authenticate first (or there is no web session)
     */
    void require(String purpose);

    /** Whether the current session re-authenticated within the window (for screens that offer the action). */
    boolean isRecent();
}
