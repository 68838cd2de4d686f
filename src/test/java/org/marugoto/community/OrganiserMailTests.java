package org.marugoto.community;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.marugoto.MarugotoTest;
import org.marugoto.area.AreaApi;
import org.marugoto.community.domain.Activity;
import org.marugoto.community.domain.ActivityCommand;
import org.marugoto.community.domain.CommunityService;
import org.marugoto.community.domain.Group;
import org.marugoto.community.domain.GroupKind;
import org.marugoto.community.domain.InterestService;
import org.marugoto.community.domain.StaleReminders;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The organiser's optional e-mail: a resident's message arrived (without the resident's details), and a stale entry,
 * reminded once per stale period however often the job runs.
 */
@MarugotoTest
class OrganiserMailTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    CommunityService community;

    @Autowired
    InterestService interests;

    @Autowired
    StaleReminders reminders;

    @Autowired
    AreaApi areas;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    Activity published(String name, String email) {
        PeopleFixtures.actAs(users, "csw");
        Group g = community.ensureGroup(
                name + "の会",
                null,
                GroupKind.VOLUNTEER_GROUP,
                null,
                null,
                null,
                ((Actor) users.loadUserByUsername("organiser2")).accountId());
        ActivityCommand c = CommunityFixtures.activity(
                g.id(), areas.findByCode("W1-1").orElseThrow().id(), name);
        ActivityCommand withMail = new ActivityCommand(
                c.groupId(),
                c.kind(),
                c.volunteer(),
                c.name(),
                c.nameKana(),
                c.description(),
                c.helpWanted(),
                c.areaId(),
                c.venue(),
                c.address(),
                c.directions(),
                c.targets(),
                c.costYen(),
                c.costNote(),
                c.capacity(),
                c.stepFree(),
                c.accessibleToilet(),
                c.parking(),
                c.languages(),
                c.contactName(),
                c.contactPhone(),
                email,
                c.schedule(),
                c.status());
        PeopleFixtures.actAs(users, "organiser2");
        Activity created = community.create(withMail);
        PeopleFixtures.actAs(users, "csw");
        return community.publish(created.id(), created.version());
    }

    MimeMessage[] mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(address);
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toArray(MimeMessage[]::new);
    }

    @Test
    void aResidentsMessageIsAnnouncedToTheOrganiserWithoutTheResidentsDetails() throws Exception {
        Activity a = published("メールのサロン", "salon@organiser.example");
        SecurityContextHolder.clearContext();
        interests.submit(a.id(), "山田 花子", "hanako@resident.example", "見学したいです", "192.0.2.10");
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage[] mails = mailTo("salon@organiser.example");
        assertThat(mails).hasSize(1);
        String body = (String) mails[0].getContent();
        assertThat(mails[0].getSubject()).contains("メールのサロン");
        assertThat(body)
                .contains("/community/interests")
                .doesNotContain("hanako")
                .doesNotContain("見学したいです");
    }

    @Test
    void aStaleEntryIsRemindedOncePerPeriodEvenWhenTheJobRunsAgain() throws Exception {
        Activity a = published("古いメールのサロン", "old@organiser.example");
        Timestamp old = Timestamp.from(java.time.Instant.now().minus(Duration.ofDays(200)));
        jdbc.sql("update community_activity set confirmed_at = ? where id = ?")
                .params(old, a.id())
                .update();
        assertThat(reminders.remind()).isGreaterThanOrEqualTo(1);
        assertThat(reminders.remind())
                .as("a second run (or another node) reminds nobody again")
                .isZero();
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        Thread.sleep(300);
        MimeMessage[] mails = mailTo("old@organiser.example");
        assertThat(mails).hasSize(1);
        assertThat((String) mails[0].getContent()).contains("/community/activities/" + a.id());

        // reminded back then, confirmed again after that, and now stale again: a new period, a new reminder
        Timestamp reminded = Timestamp.from(java.time.Instant.now().minus(Duration.ofDays(380)));
        Timestamp later = Timestamp.from(java.time.Instant.now().minus(Duration.ofDays(190)));
        jdbc.sql("update community_activity set stale_reminded_at = ?, confirmed_at = ? where id = ?")
                .params(reminded, later, a.id())
                .update();
        UUID id = a.id();
        assertThat(reminders.remind()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select stale_reminded_at > confirmed_at from community_activity where id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }
}
