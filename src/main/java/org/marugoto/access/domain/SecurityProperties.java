package org.marugoto.access.domain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxFailedLogins consecutive failed logins that lock an account
 * @param lockout how long a locked account stays locked
 */
@ConfigurationProperties("marugoto.security")
public record SecurityProperties(int maxFailedLogins, Duration lockout) {}
