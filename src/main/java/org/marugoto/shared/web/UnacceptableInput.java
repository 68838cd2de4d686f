package org.marugoto.shared.web;

import org.marugoto.shared.RuleViolation;

/** Input refused before any handler sees it (a NUL character): answered with a translated 400 page. */
public class UnacceptableInput extends RuleViolation {

    public UnacceptableInput(String messageKey) {
        super(null, messageKey);
    }
}
