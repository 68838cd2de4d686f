package org.marugoto.community.domain;

import org.marugoto.shared.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Optional e-mail to an activity's organiser (only when SMTP is configured with {@code spring.mail.host} and the entry
 * has a contact e-mail address): a resident's message arrived, or the entry needs confirming. The mail says only that
 * there is something to look at and where to log in: never the resident's name, contact or message. Sent after the
 * commit through Spring Modulith's event publication registry, so a failed send is tried again (as referral mail).
 */
@Component
class OrganiserMail {

    private static final Logger log = LoggerFactory.getLogger(OrganiserMail.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final String baseUrl;

    OrganiserMail(
            ObjectProvider<JavaMailSender> mail,
            JdbcClient jdbc,
            Tenancy tenancy,
            @Value("${marugoto.referral.base-url:http://localhost:8080}") String baseUrl) {
        this.mail = mail;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.baseUrl = baseUrl;
    }

    @ApplicationModuleListener
    void on(OrganiserNotice notice) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        record Entry(String name, String email) {}
        Entry entry = jdbc.sql("""
                        select name, contact_email from community_activity
                        where municipality_id = ? and id = ? and contact_email is not null and contact_email <> ''
                        """)
                .params(tenancy.municipalityId(), notice.activityId())
                .query((rs, i) -> new Entry(rs.getString("name"), rs.getString("contact_email")))
                .optional()
                .orElse(null);
        if (entry == null) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setTo(entry.email());
        message.setFrom("no-reply@marugoto.invalid");
        if (notice.kind() == OrganiserNotice.Kind.INTEREST) {
            message.setSubject("[丸ごと] 「%s」への申し出が届きました / Marugoto: a new message".formatted(entry.name()));
            message.setText("""
                    「%s」について、住民の方から参加・協力の申し出が届きました。ログインして確認し、返事をしてください。
                    A resident sent a message about "%s". Please log in to read and answer it.

                    %s/community/interests
                    """.formatted(entry.name(), entry.name(), baseUrl));
        } else {
            message.setSubject("[丸ごと] 「%s」の内容を確認してください / Marugoto: please confirm an entry".formatted(entry.name()));
            message.setText("""
                    「%s」は6か月以上確認されていません。内容が今も正しいか確認し、変わっていれば直してください。
                    "%s" has not been confirmed for six months. Please check that it is still right, or correct it.

                    %s/community/activities/%s
                    """.formatted(entry.name(), entry.name(), baseUrl, notice.activityId()));
        }
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn("Could not send the organiser's mail for {} (it will be sent again): {}", notice, e.getMessage());
            throw e;
        }
    }
}
