package org.marugoto.access;

import static org.hamcrest.Matchers.containsString;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.people.Sex;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@MarugotoTest
class EmergencyAccessControllerTests {

    static final String REASON = "本人と連絡が取れず、警察から安否確認のため家族の連絡先を求められている。";

    @Autowired
    MockMvc mvc;

    @Autowired
    PeopleApi people;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    MemberView household(String family, String kana) {
        PeopleFixtures.actAs(users, "caseworker");
        return people.register(
                person(family, "一郎", kana, "いちろう", Sex.MALE, LocalDate.of(1950, 3, 3), null, null), newHousehold());
    }

    String caseNumber(UUID household) {
        return jdbc.sql("select case_number from household where id = ?")
                .param(household)
                .query(String.class)
                .single();
    }

    @Test
    void aCaseworkerOfAnotherAgencyRequestsEmergencyAccessAndSeesTheBanner() throws Exception {
        MemberView ichiro = household("画面緊急", "がめんきんきゅう");
        UUID id = ichiro.householdId();
        mvc.perform(get("/households/{id}", id).with(as("caseworker2"))).andExpect(status().isForbidden());
        mvc.perform(get("/emergency-access/new")
                        .param("from", "/households/" + id)
                        .with(as("caseworker2")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("緊急アクセスの申請")))
                .andExpect(content().string(containsString("value=\"/households/" + id + "\"")))
                .andExpect(content().string(containsString("緊急アクセスを開始する")))
                // the form does not reveal whose household it is
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("画面緊急"))));

        mvc.perform(post("/emergency-access")
                        .with(csrf())
                        .with(as("caseworker2"))
                        .param("caseNumber", caseNumber(id))
                        .param("reason", "急ぎ"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("文字以上の文章で書いてください")));
        mvc.perform(post("/emergency-access")
                        .with(csrf())
                        .with(as("caseworker2"))
                        .param("caseNumber", "H1999-99999")
                        .param("reason", REASON))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("この番号の世帯は見つかりません")));
        mvc.perform(get("/households/{id}", id).with(as("caseworker2"))).andExpect(status().isForbidden());

        // the number as typed on a phone keyboard: full-width and lower case
        String typed = caseNumber(id).replace("H", "ｈ");
        mvc.perform(post("/emergency-access")
                        .with(csrf())
                        .with(as("caseworker2"))
                        .param("caseNumber", typed)
                        .param("reason", REASON))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/households/" + id));
        mvc.perform(get("/households/{id}", id).with(as("caseworker2")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("緊急アクセスで閲覧しています")))
                .andExpect(content().string(containsString("画面緊急 一郎")));
        // the owner reads without a banner
        mvc.perform(get("/households/{id}", id).with(as("caseworker")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("緊急アクセスで閲覧しています"))));
    }

    @Test
    void theRefusedPageItselfCanBeNamedInsteadOfTheNumber() throws Exception {
        MemberView ichiro = household("画面経由", "がめんけいゆ");
        mvc.perform(post("/emergency-access")
                        .with(csrf())
                        .with(as("caseworker5"))
                        .param("from", "/people/" + ichiro.person().id())
                        .param("reason", REASON))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/households/" + ichiro.householdId()));
        mvc.perform(get("/people/{id}", ichiro.person().id()).with(as("caseworker5")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("緊急アクセスで閲覧しています")));
    }

    @Test
    void rolesWithoutCaseworkCannotBreakTheGlass() throws Exception {
        MemberView ichiro = household("画面不可", "がめんふか");
        for (String username : new String[] {"planner", "minsei", "admin", "auditor", "privacy"}) {
            mvc.perform(get("/emergency-access/new").with(as(username))).andExpect(status().isForbidden());
            mvc.perform(post("/emergency-access")
                            .with(csrf())
                            .with(as(username))
                            .param("caseNumber", caseNumber(ichiro.householdId()))
                            .param("reason", REASON))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void supervisorsAndThePrivacyOfficerReviewFromTheirQueue() throws Exception {
        MemberView ichiro = household("画面確認", "がめんかくにん");
        String number = caseNumber(ichiro.householdId());
        mvc.perform(post("/emergency-access")
                        .with(csrf())
                        .with(as("caseworker2"))
                        .param("caseNumber", number)
                        .param("reason", REASON))
                .andExpect(status().is3xxRedirection());
        UUID grant = jdbc.sql("select id from break_glass_grant where reference = ?")
                .param(number)
                .query(UUID.class)
                .single();

        mvc.perform(get("/emergency-access/reviews").with(as("caseworker"))).andExpect(status().isForbidden());
        mvc.perform(get("/emergency-access/reviews").with(as("privacy")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(number)))
                .andExpect(content().string(containsString(REASON)));
        mvc.perform(post("/emergency-access/reviews/{id}", grant)
                        .with(csrf())
                        .with(as("privacy"))
                        .param("version", "0")
                        .param("verdict", "NOT_JUSTIFIED"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("reviewError", "emergency.error.note"));
        mvc.perform(post("/emergency-access/reviews/{id}", grant)
                        .with(csrf())
                        .with(as("supervisor2"))
                        .param("version", "0")
                        .param("verdict", "JUSTIFIED"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("reviewed", true));
        // reviewed by the supervisor, still open for the privacy officer
        org.assertj.core.api.Assertions.assertThat(jdbc.sql(
                                "select coalesce(supervisor_review, '-') || '/' || coalesce(privacy_review, '-') from break_glass_grant where id = ?")
                        .param(grant)
                        .query(String.class)
                        .single())
                .isEqualTo("JUSTIFIED/-");
    }
}
