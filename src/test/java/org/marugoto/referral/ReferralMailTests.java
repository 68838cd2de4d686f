package org.marugoto.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.marugoto.MarugotoTest;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The e-mail that tells an agency about a referral says only that there is one, never who it is about. */
@MarugotoTest
class ReferralMailTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    ReferralService referrals;

    @Autowired
    DirectoryService directoryAdmin;

    @Autowired
    DirectoryApi directory;

    @Autowired
    PeopleApi people;

    @Autowired
    UserDetailsService users;

    @Test
    void theReceivingAgencyGetsAMailWithoutPersonalDetails() throws Exception {
        PeopleFixtures.actAs(users, "admin");
        AgencyView disability =
                ReferralFixtures.withMail(directory, directoryAdmin, "DISABILITY-AOBA", "soudan@aoba.example");

        PeopleFixtures.actAs(users, "caseworker4");
        MemberView member = people.register(
                person("秘匿", "花子", "ひとく", "はなこ", Sex.FEMALE, LocalDate.of(1990, 3, 3), "美月野市川端1-1-1", null),
                newHousehold());
        ReferralView sent = referrals.send(new SendReferral(
                member.householdId(),
                null,
                disability.id(),
                null,
                List.of(member.person().id()),
                List.of("HEALTH"),
                Urgency.NORMAL,
                "30代女性の暮らしの相談",
                "体調の波が大きい",
                null,
                ConsentStatus.GIVEN,
                null,
                LocalDate.now().plusDays(5)));

        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        // other mails (organisers' notices sent again by the retry) may arrive too: take the agency's
        long deadline = System.nanoTime() + 5_000_000_000L;
        MimeMessage mail = null;
        while (mail == null && System.nanoTime() < deadline) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().equals("soudan@aoba.example")) {
                    mail = m;
                }
            }
            if (mail == null) {
                Thread.sleep(100);
            }
        }
        assertThat(mail).isNotNull();
        String body = GreenMailUtil.getBody(mail);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("soudan@aoba.example");
        assertThat(mail.getSubject()).contains("丸ごと");
        assertThat(body).contains(sent.referenceNumber()).contains("/referrals");
        assertThat(body + mail.getSubject())
                .doesNotContain("秘匿")
                .doesNotContain("花子")
                .doesNotContain("体調");
    }
}
