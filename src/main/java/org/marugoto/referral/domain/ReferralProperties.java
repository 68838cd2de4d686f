package org.marugoto.referral.domain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param idleLimit how long an accepted referral may go without any activity before it counts as overdue
 * @param overdueCheck how often overdue referrals are looked for
 * @param baseUrl the address staff use, for the link in notification e-mails
 */
@ConfigurationProperties("marugoto.referral")
public record ReferralProperties(Duration idleLimit, Duration overdueCheck, String baseUrl) {}
