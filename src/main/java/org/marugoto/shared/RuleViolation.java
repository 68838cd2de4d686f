package org.marugoto.shared;

import org.jspecify.annotations.Nullable;

/**
 * Input that breaks a rule only the service can check (a duplicate code, a loop in a tree). Forms show the message
 * at the named field; {@code messageKey} is a key in messages*.properties.
 */
public class RuleViolation extends RuntimeException {

    private final @Nullable String field;
    private final String messageKey;
    private final Object[] arguments;

    public RuleViolation(@Nullable String field, String messageKey, Object... arguments) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public @Nullable String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
