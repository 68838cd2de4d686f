package org.marugoto.access;

import java.io.Serial;

/**
 * Thrown by {@link Reauthentication#require(String)}: the action needs a fresh proof of identity. The web layer turns
 * it into a redirect to {@code /reauth}; nothing has been done yet when it is thrown.
 */
public class ReauthenticationRequired extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String purpose;

    public ReauthenticationRequired(String purpose) {
        super("re-authentication required: " + purpose);
        this.purpose = purpose;
    }

    public String purpose() {
        return purpose;
    }
}
