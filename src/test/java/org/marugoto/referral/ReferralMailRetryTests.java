package org.marugoto.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoApplication;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.Urgency;
import org.marugoto.directory.AgencyView;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.directory.domain.DirectoryService;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.people.Sex;
import org.marugoto.referral.domain.ReferralService;
import org.marugoto.referral.domain.SendReferral;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The referral e-mail is not lost when the mail server is down: the event stays in the publication registry, and the
 * mail goes out once the server is back, here after the application was stopped and started again.
 */
class ReferralMailRetryTests {

    @Test
    void aMailThatCouldNotBeSentIsSentAfterARestart() throws Exception {
        Path data = Files.createTempDirectory("marugoto-mail-");
        int smtpPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        String reference;
        try {
            try (ConfigurableApplicationContext first = start(data, smtpPort)) {
                reference = sendReferralToAnAgencyWithMail(first);
                JdbcClient jdbc = first.getBean(JdbcClient.class);
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (jdbc.sql("select count(*) from event_publication where status = 'FAILED'")
                                        .query(Long.class)
                                        .single()
                                == 0
                        && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null")
                                .query(Long.class)
                                .single())
                        .as("the undelivered mail waits in the registry")
                        .isPositive();
            }
            GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "localhost", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            try (ConfigurableApplicationContext second = start(data, smtpPort)) {
                assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
                // other mails (the demo's organiser notices) may arrive too: the referral's is among them
                long mailDeadline = System.nanoTime() + 20_000_000_000L;
                while (java.util.Arrays.stream(smtp.getReceivedMessages())
                                .noneMatch(m -> com.icegreen.greenmail.util.GreenMailUtil.getBody(m)
                                        .contains(reference))
                        && System.nanoTime() < mailDeadline) {
                    Thread.sleep(100);
                }
                assertThat(java.util.Arrays.stream(smtp.getReceivedMessages())
                                .filter(m -> com.icegreen.greenmail.util.GreenMailUtil.getBody(m)
                                        .contains(reference)))
                        .singleElement()
                        .satisfies(m -> assertThat(m.getSubject()).contains("丸ごと"));
                JdbcClient jdbc = second.getBean(JdbcClient.class);
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (jdbc.sql("select count(*) from event_publication where completion_date is null")
                                        .query(Long.class)
                                        .single()
                                > 0
                        && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null")
                                .query(Long.class)
                                .single())
                        .isZero();
            } finally {
                smtp.stop();
            }
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String sendReferralToAnAgencyWithMail(ConfigurableApplicationContext app) {
        UserDetailsService users = app.getBean(UserDetailsService.class);
        DirectoryApi directory = app.getBean(DirectoryApi.class);
        PeopleFixtures.actAs(users, "admin");
        AgencyView disability = ReferralFixtures.withMail(
                directory, app.getBean(DirectoryService.class), "DISABILITY-AOBA", "soudan@aoba.example");
        PeopleFixtures.actAs(users, "caseworker4");
        MemberView member = app.getBean(PeopleApi.class)
                .register(
                        person("再送", "試験", "さいそう", "しけん", Sex.FEMALE, LocalDate.of(1985, 5, 5), null, null),
                        newHousehold());
        return app.getBean(ReferralService.class)
                .send(new SendReferral(
                        member.householdId(),
                        null,
                        disability.id(),
                        null,
                        List.of(member.person().id()),
                        List.of("HEALTH"),
                        Urgency.NORMAL,
                        "暮らしの相談",
                        null,
                        null,
                        ConsentStatus.GIVEN,
                        null,
                        LocalDate.now().plusDays(5)))
                .referenceNumber();
    }

    private static ConfigurableApplicationContext start(Path data, int smtpPort) {
        return new SpringApplicationBuilder(MarugotoApplication.class)
                .run(
                        "--server.port=0",
                        "--marugoto.db.embedded.data-dir=" + data.resolve("postgres"),
                        "--marugoto.db.embedded.temporary=false",
                        "--marugoto.demo.enabled=true",
                        "--spring.mail.host=localhost",
                        "--spring.mail.port=" + smtpPort,
                        "--spring.mail.properties.mail.smtp.connectiontimeout=2000");
    }
}
