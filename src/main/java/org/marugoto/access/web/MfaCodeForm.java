package org.marugoto.access.web;

import static org.marugoto.shared.web.FormValues.text;

/** A second-factor code (or recovery code), without the spaces a phone app shows between its digits' groups. */
public record MfaCodeForm(String code) {

    public MfaCodeForm {
        code = text(code).strip();
    }

    /** What was typed may be personal data or a secret: never printed (logs, error reports). */
    @Override
    public String toString() {
        return "MfaCodeForm[…]";
    }
}
