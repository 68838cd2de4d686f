package org.marugoto;

import java.time.Clock;
import org.marugoto.access.Reauthentication;
import org.springframework.mock.web.MockHttpSession;

/**
 * Test support for the password confirmation that exports and reveals ask for (decision 0033): the MockMvc session of
 * a user who has just confirmed the password, and one of a user who has not.
 */
public final class Reauthenticated {

    private Reauthenticated() {}

    /** A session whose user confirmed the password at the clock's now, so an export or a reveal goes through. */
    public static MockHttpSession session(Clock clock) {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(Reauthentication.SESSION_ATTRIBUTE, clock.instant());
        return session;
    }

    /** A session whose user never confirmed the password: an export is sent to the password page first. */
    public static MockHttpSession notYet() {
        return new MockHttpSession();
    }
}
