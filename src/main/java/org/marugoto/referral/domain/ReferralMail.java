package org.marugoto.referral.domain;

import org.marugoto.directory.AgencyView;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.referral.ReferralChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Optional e-mail to the agency's address when a referral arrives or changes (only when SMTP is configured with
 * {@code spring.mail.host}). The event is stored with the change (Spring Modulith's event publication registry) and the
 * mail is sent after the change is committed; when sending fails, the publication stays incomplete and is sent again
 * later ({@code EventRetry}) or after a restart, so no mail is lost. The mail never contains personal details: only
 * that there is something to look at, and where to log in.
 */
@Component
class ReferralMail {

    private static final Logger log = LoggerFactory.getLogger(ReferralMail.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final DirectoryApi directory;
    private final ReferralProperties properties;

    ReferralMail(ObjectProvider<JavaMailSender> mail, DirectoryApi directory, ReferralProperties properties) {
        this.mail = mail;
        this.directory = directory;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void on(ReferralChanged change) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        AgencyView agency = directory
                .agency(change.kind().concernsReceiver() ? change.toAgencyId() : change.fromAgencyId())
                .orElse(null);
        if (agency == null || agency.email() == null) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setTo(agency.email());
        message.setFrom("no-reply@marugoto.invalid");
        message.setSubject("[丸ごと] つなぎの連絡があります / Marugoto: a referral needs your attention");
        message.setText("""
                丸ごとで、つなぎ（%s）に新しい動きがあります。ログインして確認してください。
                There is news about referral %s in Marugoto. Please log in to see it.

                %s/referrals
                """.formatted(change.referenceNumber(), change.referenceNumber(), properties.baseUrl()));
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn(
                    "Could not send the referral notification mail for {} (it will be sent again): {}",
                    change.referenceNumber(),
                    e.getMessage());
            throw e;
        }
    }
}
