package org.marugoto.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.access.Reauthentication;
import org.marugoto.people.domain.PeopleService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

/** The screens of DV/stalking protection: masked pages with a badge, recording a protection, the privacy officer's reveal. */
@MarugotoTest
class ProtectionControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PeopleService people;

    @Autowired
    UserDetailsService users;

    @Autowired
    Clock clock;

    UUID ayaka() {
        return jdbc.sql("select id from person where family_name = '野々村' and given_name = '彩花'")
                .query(UUID.class)
                .single();
    }

    String stored(UUID person, String column) {
        return jdbc.sql("select " + column + " from person where id = ?")
                .param(person)
                .query(String.class)
                .single();
    }

    UUID householdOf(UUID person) {
        return jdbc.sql("select household_id from household_member where person_id = ? and member_to is null")
                .param(person)
                .query(UUID.class)
                .single();
    }

    @Test
    @WithUserDetails("caseworker3")
    void theHouseholdAndPersonPagesShowTheBadgeAndWithholdTheAddress() throws Exception {
        UUID ayaka = ayaka();
        String address = stored(ayaka, "address");
        String phone = stored(ayaka, "phone");
        mvc.perform(get("/households/" + householdOf(ayaka)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("支援措置対象")))
                .andExpect(content().string(containsString("（支援措置のため非表示）")))
                .andExpect(content().string(containsString("野々村 湊")))
                .andExpect(content().string(not(containsString(address))));
        mvc.perform(get("/people/" + ayaka))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("支援措置対象")))
                .andExpect(content().string(containsString("美月野市配偶者暴力相談支援センター")))
                .andExpect(content().string(not(containsString(address))))
                .andExpect(content().string(not(containsString(phone))))
                // the protection's own note may say where she is: not even its managers see it
                .andExpect(content().string(not(containsString("加害者（夫）"))));
        mvc.perform(get("/people").param("q", "ののむら").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("野々村 彩花")))
                .andExpect(content().string(containsString("支援措置対象")))
                .andExpect(content().string(not(containsString(address))));
    }

    @Test
    @WithUserDetails("caseworker")
    void anUnprotectedHouseholdShowsItsAddressAndNoBadge() throws Exception {
        UUID sasaki = jdbc.sql("select id from household where name = '佐々木家' order by case_number limit 1")
                .query(UUID.class)
                .single();
        mvc.perform(get("/households/" + sasaki))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("美月野市桜台三丁目8番2号")))
                .andExpect(content().string(not(containsString("支援措置対象"))))
                .andExpect(content().string(not(containsString("支援措置のため非表示"))));
        mvc.perform(get("/people").param("q", "ささき とみ"))
                .andExpect(content().string(containsString("美月野市桜台三丁目8番2号")))
                .andExpect(content().string(not(containsString("支援措置対象"))));
    }

    @Test
    @WithUserDetails("caseworker")
    void recordingAProtectionChecksTheInputAndMasksFromThenOn() throws Exception {
        MemberView member = people.register(
                person(
                        "画面保護",
                        "沙織",
                        "がめんほご",
                        "さおり",
                        Sex.FEMALE,
                        LocalDate.of(1988, 8, 8),
                        "美月野市東雲4-4-4",
                        "070-4444-5555"),
                newHousehold());
        UUID id = member.person().id();
        mvc.perform(post("/people/" + id + "/protection").with(csrf()).param("validFrom", "令和9年1月1日"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("入力内容に誤りがあります")))
                .andExpect(content().string(containsString("href=\"#kind\"")));
        assertThat(jdbc.sql("select count(*) from protection where person_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
        mvc.perform(get("/people/" + id)).andExpect(content().string(containsString("美月野市東雲4-4-4")));

        mvc.perform(post("/people/" + id + "/protection")
                        .with(csrf())
                        .param("kind", "STALKING")
                        .param("validFrom", "R8.11.1")
                        .param("requestingOffice", "美月野警察署")
                        .param("note", "勤務先は東雲の工場"))
                .andExpect(redirectedUrl("/people/" + id))
                .andExpect(flash().attribute("protectionSaved", true));
        mvc.perform(get("/people/" + id))
                .andExpect(content().string(containsString("支援措置対象")))
                .andExpect(content().string(containsString("ストーカー行為等")))
                .andExpect(content().string(not(containsString("美月野市東雲4-4-4"))))
                .andExpect(content().string(not(containsString("070-4444-5555"))))
                .andExpect(content().string(not(containsString("勤務先は東雲の工場"))));
    }

    @Test
    @WithUserDetails("caseworker")
    void staffOtherThanThePrivacyOfficerCannotOpenTheProtectionScreens() throws Exception {
        mvc.perform(get("/protection")).andExpect(status().isForbidden());
        mvc.perform(get("/protection/" + ayaka())).andExpect(status().isForbidden());
        mvc.perform(post("/protection/" + ayaka() + "/reveal").with(csrf()).param("purpose", "見たい"))
                .andExpect(status().isForbidden());
    }

    @Test
    @WithUserDetails("privacy")
    void thePrivacyOfficerRevealsOnePersonAfterReauthenticatingEachTime() throws Exception {
        UUID ayaka = ayaka();
        String address = stored(ayaka, "address");
        mvc.perform(get("/protection"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("野々村 彩花")))
                .andExpect(content().string(containsString("併せて保護：野々村 湊")))
                .andExpect(content().string(not(containsString(address))));

        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/protection/" + ayaka + "/reveal").with(csrf()).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("確認の目的を入力してください")))
                .andExpect(content().string(not(containsString(address))));
        mvc.perform(post("/protection/" + ayaka + "/reveal")
                        .with(csrf())
                        .session(session)
                        .header("Referer", "http://localhost/protection/" + ayaka)
                        .param("purpose", "支援センターからの照会"))
                .andExpect(redirectedUrl("/reauth?next=%2Fprotection%2F" + ayaka));

        session.setAttribute(Reauthentication.SESSION_ATTRIBUTE, clock.instant());
        mvc.perform(post("/protection/" + ayaka + "/reveal")
                        .with(csrf())
                        .session(session)
                        .header("Referer", "http://localhost/protection/" + ayaka)
                        .param("purpose", "支援センターからの照会"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(address)))
                .andExpect(content().string(containsString("監査ログに記録されました")));
        // the re-authentication is used up: the next reveal asks again
        mvc.perform(post("/protection/" + ayaka + "/reveal")
                        .with(csrf())
                        .session(session)
                        .header("Referer", "http://localhost/protection/" + ayaka)
                        .param("purpose", "もう一度"))
                .andExpect(redirectedUrl("/reauth?next=%2Fprotection%2F" + ayaka));
        SecurityContextHolder.clearContext();
    }
}
