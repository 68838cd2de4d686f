package org.marugoto.access.web;

import static org.marugoto.shared.web.FormValues.text;

/** The re-authentication form: password, the second factor's code when the user has one, and where to go next. */
public record ReauthForm(String password, String code, String next) {

    public ReauthForm {
        password = text(password);
        code = text(code).strip();
        next = LocalPath.orHome(next);
    }

    /** What was typed may be personal data or a secret: never printed (logs, error reports). */
    @Override
    public String toString() {
        return "ReauthForm[…]";
    }
}
