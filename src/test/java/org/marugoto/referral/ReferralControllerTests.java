package org.marugoto.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

@MarugotoTest
class ReferralControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    UUID household(String name) {
        return jdbc.sql("select id from household where name = ? order by case_number limit 1")
                .param(name)
                .query(UUID.class)
                .single();
    }

    long referrals(UUID household) {
        return jdbc.sql("select count(*) from referral where household_id = ?")
                .param(household)
                .query(Long.class)
                .single();
    }

    @Test
    @WithUserDetails("caseworker")
    void anIncompleteReferralShowsMessagesAndSendsNothing() throws Exception {
        UUID household = household("月岡家");
        long before = referrals(household);
        mvc.perform(post("/households/" + household + "/referrals/new")
                        .with(csrf())
                        .param("summary", "")
                        .param("desiredResponseDate", "平成32年1月1日"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("入力してください。")))
                .andExpect(content().string(containsString("選んでください。")))
                .andExpect(content().string(containsString("相談内容を1つ以上選んでください。")))
                .andExpect(content().string(containsString("その元号にその年はありません")));
        assertThat(referrals(household)).isEqualTo(before);
    }

    @Test
    @WithUserDetails("caseworker")
    void onlyCoordinatorsSeeTheOverdueList() throws Exception {
        mvc.perform(get("/referrals/overdue")).andExpect(status().isForbidden());
    }

    @Test
    @WithUserDetails("coordinator")
    void theCoordinatorSeesOverdueReferralsWithoutPersonalDetails() throws Exception {
        mvc.perform(get("/referrals/overdue"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("期限超過")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("月岡 千代"))));
    }

    @Test
    @WithUserDetails("caseworker")
    void anActionOnAnotherAgencysReferralIsForbidden() throws Exception {
        UUID notMine = jdbc.sql(
                        "select id from referral where status = 'SENT' and to_agency_id <> "
                                + "(select agency_id from staff_account where username = 'caseworker') "
                                + "and from_agency_id <> (select agency_id from staff_account where username = 'caseworker') limit 1")
                .query(UUID.class)
                .single();
        mvc.perform(post("/referrals/" + notMine + "/accept").with(csrf()).param("version", "0"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/referrals/" + notMine)).andExpect(status().isForbidden());
    }

    @Test
    @WithUserDetails("caseworker")
    void anUnknownActionHasNoHandler() throws Exception {
        UUID any = jdbc.sql("select id from referral limit 1").query(UUID.class).single();
        mvc.perform(post("/referrals/" + any + "/approve").with(csrf()).param("version", "0"))
                .andExpect(status().isNotFound());
    }

    @Test
    @WithUserDetails("caseworker")
    void theHistoryNamesStaffNotUsernames() throws Exception {
        var event = jdbc.sql("""
                        select e.referral_id, e.actor_username, s.display_name
                        from referral_event e
                        join referral r on r.id = e.referral_id
                        join staff_account s on s.username = e.actor_username
                        where r.from_agency_id = (select agency_id from staff_account where username = 'caseworker')
                        limit 1
                        """)
                .query((rs, i) -> new String[] {
                    rs.getString("referral_id"), rs.getString("actor_username"), rs.getString("display_name")
                })
                .single();
        mvc.perform(get("/referrals/" + event[0]))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(" " + event[2] + "</span>")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(" " + event[1] + "</span>"))));
    }
}
