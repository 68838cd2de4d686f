package org.marugoto.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.Urgency;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.PeopleApi;
import org.marugoto.referral.domain.ReferralService;
import org.marugoto.referral.domain.SendReferral;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Japan;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * After a decline with a suggested agency the sender re-sends to it in one step; the referral form's suggested
 * agencies follow the issues ticked (htmx, and a button without JavaScript).
 */
@MarugotoTest
class ReferralResendTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    ReferralService referrals;

    @Autowired
    PeopleApi people;

    @Autowired
    DirectoryApi directory;

    UUID household(String name) {
        return jdbc.sql("select id from household where name = ? order by case_number limit 1")
                .param(name)
                .query(UUID.class)
                .single();
    }

    /** 月岡家 referred by the elderly-care centre to the health centre, which declines and suggests the council. */
    ReferralView declinedWithSuggestion() {
        UUID household = household("月岡家");
        try {
            CurrentActor.actAs(users.loadUserByUsername("caseworker"));
            ReferralView sent = referrals.send(new SendReferral(
                    household,
                    null,
                    directory.agencyByCode("HEALTH").orElseThrow().id(),
                    null,
                    List.of(people.members(household).getFirst().person().id()),
                    List.of("ISOLATION", "HEALTH"),
                    Urgency.NORMAL,
                    "80代女性、食事量が減り外出もしない",
                    "本人は受診を嫌がっている。",
                    null,
                    ConsentStatus.GIVEN,
                    "つなぎ先の機関",
                    LocalDate.now(Japan.ZONE).plusDays(7)));
            CurrentActor.actAs(users.loadUserByUsername("caseworker5"));
            referrals.decline(
                    sent.id(),
                    sent.version(),
                    "まず地域での居場所づくりからが良いと考えます。",
                    directory.agencyByCode("SHAKYO").orElseThrow().id());
            return referrals.find(sent.id());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void theSenderResendsADeclinedReferralToTheSuggestedAgencyInOneStep() throws Exception {
        ReferralView declined = declinedWithSuggestion();
        var caseworker = user(users.loadUserByUsername("caseworker"));
        String page = mvc.perform(get("/referrals/" + declined.id()).with(caseworker))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(page).getElementById("resend").text())
                .contains("社会福祉協議会")
                .contains("つなぎ直す");

        String location = mvc.perform(post("/referrals/" + declined.id() + "/resend")
                        .with(caseworker)
                        .with(csrf())
                        .param("version", String.valueOf(declined.version())))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("done", "SENT"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        UUID newId = UUID.fromString(location.substring("/referrals/".length()));
        ReferralView again = referrals.find(newId);
        assertThat(again.toAgencyId())
                .isEqualTo(directory.agencyByCode("SHAKYO").orElseThrow().id());
        assertThat(again.status()).isEqualTo(ReferralStatus.SENT);
        assertThat(again.householdId()).isEqualTo(declined.householdId());
        assertThat(again.personIds()).isEqualTo(declined.personIds());
        assertThat(again.issueCodes()).containsExactlyInAnyOrderElementsOf(declined.issueCodes());
        assertThat(again.summary()).isEqualTo(declined.summary());
        assertThat(again.reason()).isEqualTo(declined.reason());
        ReferralView first = referrals.find(declined.id());
        assertThat(first.followUpNeeded()).isFalse();
        assertThat(first.followUpNote()).contains(again.referenceNumber());

        // a second click (the page it was on) sends nothing
        long before =
                jdbc.sql("select count(*) from referral").query(Long.class).single();
        mvc.perform(post("/referrals/" + declined.id() + "/resend")
                        .with(caseworker)
                        .with(csrf())
                        .param("version", String.valueOf(declined.version())))
                .andExpect(redirectedUrl("/referrals/" + declined.id()))
                .andExpect(flash().attributeExists("actionError"));
        assertThat(jdbc.sql("select count(*) from referral").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void onlyTheSenderMayResend() throws Exception {
        ReferralView declined = declinedWithSuggestion();
        mvc.perform(post("/referrals/" + declined.id() + "/resend")
                        .with(user(users.loadUserByUsername("caseworker5")))
                        .with(csrf())
                        .param("version", String.valueOf(declined.version())))
                .andExpect(status().isForbidden());
    }

    @Test
    void theSuggestedAgenciesFollowTheIssuesTicked() throws Exception {
        UUID household = household("月岡家");
        var caseworker = user(users.loadUserByUsername("caseworker"));
        // htmx: only the agency field comes back, the agency handling all the issues ticked first
        String fragment = mvc.perform(post("/households/" + household + "/referrals/new")
                        .with(caseworker)
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("refresh", "suggestions")
                        .param("issueCodes", "ABUSE_DV", "CHILDCARE", "FAMILY"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Document field = Jsoup.parseBodyFragment(fragment);
        assertThat(field.getElementById("to-agency")).isNotNull();
        assertThat(field.select("form")).isEmpty();
        assertThat(field.select("optgroup").first().select("option").first().text())
                .isEqualTo("美月野市 こども家庭センター");
        assertThat(field.select(".field-error")).isEmpty();

        // without JavaScript: the whole form again, with what was ticked, and nothing sent
        long before = jdbc.sql("select count(*) from referral where household_id = ?")
                .param(household)
                .query(Long.class)
                .single();
        String whole = mvc.perform(post("/households/" + household + "/referrals/new")
                        .with(caseworker)
                        .with(csrf())
                        .param("refresh", "suggestions")
                        .param("issueCodes", "INCOME"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Document form = Jsoup.parse(whole);
        assertThat(form.selectFirst("#issueCodes input[value=INCOME]").hasAttr("checked"))
                .isTrue();
        assertThat(form.select("#toAgencyId optgroup").first().select("option").eachText())
                .contains("美月野市 くらし・しごと相談センター")
                .doesNotContain("美月野市 こども家庭センター");
        assertThat(form.select(".field-error")).isEmpty();
        assertThat(jdbc.sql("select count(*) from referral where household_id = ?")
                        .param(household)
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }
}
