package org.marugoto.people.domain;

/**
 * Asks the current user to prove again who they are before a revealing action. Implemented by the access module's
 * re-authentication (see {@link AccessReauthenticator}); an interface here so that the protection service states
 * what it needs and tests can see that it is asked.
 */
public interface Reauthenticator {

    /** Returns when the user re-authenticated recently enough for {@code purpose}; otherwise throws. */
    void require(String purpose);
}
