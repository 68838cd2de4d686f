package org.marugoto.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The participation pages over HTTP: a person's page with ranked reasons, opportunities, unmet needs. */
@MarugotoTest
class ParticipationControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    UserDetails as(String username) {
        return users.loadUserByUsername(username);
    }

    UUID kenichi() {
        return jdbc.sql("select p.id from participation_profile p join household h on h.id = p.household_id"
                        + " where h.name = '佐々木家' limit 1")
                .query(UUID.class)
                .single();
    }

    @Test
    void thePersonsPageShowsTheMatchWithHostSupportAndTheRankedOpportunitiesWithReasons() throws Exception {
        mvc.perform(get("/participation/" + kenichi()).with(user(as("caseworker2"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("月見ヶ丘ファームの畑作業")))
                .andExpect(content().string(containsString("手順表を作って渡した")))
                .andExpect(content().string(containsString("体験")))
                .andExpect(content().string(containsString("id=\"ranked\"")))
                .andExpect(content().string(containsString("関心が合う")))
                .andExpect(content().string(not(containsString("西山パソコンサークル"))));
        mvc.perform(get("/participation/" + kenichi()).with(user(as("caseworker"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/participation").with(user(as("caseworker2"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("佐々木 健一")));
    }

    @Test
    void anOpportunityWithoutNameOrHostComesBackWithMessagesAndOneWithThemIsListed() throws Exception {
        long before = jdbc.sql("select count(*) from participation_opportunity")
                .query(Long.class)
                .single();
        mvc.perform(post("/participation/opportunities")
                        .with(csrf())
                        .with(user(as("csw")))
                        .param("capacity", "多い"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("名前を書いてください")))
                .andExpect(content().string(containsString("受け入れ先を選んでください")))
                .andExpect(content().string(containsString("数字で入力してください")));
        assertThat(jdbc.sql("select count(*) from participation_opportunity")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        UUID shakyo = jdbc.sql("select id from agency where code = 'SHAKYO'")
                .query(UUID.class)
                .single();
        mvc.perform(post("/participation/opportunities")
                        .with(csrf())
                        .with(user(as("csw")))
                        .param("title", "港町の魚市場の手伝い")
                        .param("hostAgencyId", shakyo.toString())
                        .param("kind", "JOB_TRIAL")
                        .param("capacity", "2")
                        .param("hostOffers", "ACCOMPANIMENT")
                        .param("interests", "OUTDOORS"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/participation/opportunities").with(user(as("csw"))))
                .andExpect(content().string(containsString("港町の魚市場の手伝い")))
                .andExpect(content().string(containsString("同行できる")));
    }

    @Test
    void plannersReadTheCountsOfUnmetNeedsButDoNotRecordThem() throws Exception {
        mvc.perform(get("/participation/needs").with(user(as("planner"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"need-counts\"")))
                .andExpect(content().string(containsString("就労体験")));
        mvc.perform(post("/participation/needs")
                        .with(csrf())
                        .with(user(as("planner")))
                        .param("what", "何か")
                        .param("kind", "OTHER")
                        .param("forWhom", "誰か"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/participation").with(user(as("planner")))).andExpect(status().isForbidden());
        mvc.perform(post("/participation/needs")
                        .with(csrf())
                        .with(user(as("csw")))
                        .param("what", "雨の日に集まれる屋内の運動の場")
                        .param("kind", "HOBBY")
                        .param("forWhom", "足腰が弱ってきた高齢者")
                        .param("issueCodes", "HEALTH"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/participation/needs?done=recorded"));
        mvc.perform(get("/participation/needs").with(user(as("planner"))))
                .andExpect(content().string(containsString("雨の日に集まれる屋内の運動の場")));
    }

    @Test
    void anOpportunityIsChangedOnItsOwnPageAndAStaleFormIsRefused() throws Exception {
        UUID shakyo = jdbc.sql("select id from agency where code = 'SHAKYO'")
                .query(UUID.class)
                .single();
        mvc.perform(post("/participation/opportunities")
                        .with(csrf())
                        .with(user(as("csw")))
                        .param("title", "駅前花壇の手入れ")
                        .param("hostAgencyId", shakyo.toString())
                        .param("kind", "VOLUNTEER_ROLE"))
                .andExpect(status().is3xxRedirection());
        UUID id = jdbc.sql("select id from participation_opportunity where title = '駅前花壇の手入れ'")
                .query(UUID.class)
                .single();
        mvc.perform(get("/participation/opportunities").with(user(as("csw"))))
                .andExpect(content().string(containsString("/participation/opportunities/" + id + "/edit")));
        mvc.perform(get("/participation/opportunities/" + id + "/edit").with(user(as("csw"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"駅前花壇の手入れ\"")))
                .andExpect(content().string(containsString("name=\"version\" value=\"0\"")));
        mvc.perform(post("/participation/opportunities/" + id + "/edit")
                        .with(csrf())
                        .with(user(as("csw")))
                        .param("version", "0")
                        .param("title", "")
                        .param("hostAgencyId", shakyo.toString())
                        .param("kind", "VOLUNTEER_ROLE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("名前を書いてください")));
        mvc.perform(post("/participation/opportunities/" + id + "/edit")
                        .with(csrf())
                        .with(user(as("csw")))
                        .param("version", "0")
                        .param("title", "駅前花壇の手入れ（水やり）")
                        .param("hostAgencyId", shakyo.toString())
                        .param("kind", "VOLUNTEER_ROLE")
                        .param("daysHours", "毎週月曜 9:00–10:00"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/participation/opportunities/" + id + "/edit")
                        .with(csrf())
                        .with(user(as("csw")))
                        .param("version", "0")
                        .param("title", "古い内容")
                        .param("hostAgencyId", shakyo.toString())
                        .param("kind", "VOLUNTEER_ROLE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("他の人がこの記録を更新しました")));
        assertThat(jdbc.sql("select title from participation_opportunity where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("駅前花壇の手入れ（水やり）");
        mvc.perform(get("/participation/opportunities/" + id + "/edit").with(user(as("planner"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void aProfileIsChangedByTheLeadAgencyOnly() throws Exception {
        UUID kenichi = kenichi();
        mvc.perform(get("/participation/" + kenichi + "/edit").with(user(as("caseworker"))))
                .andExpect(status().isForbidden());
        int version = jdbc.sql("select version from participation_profile where id = ?")
                .param(kenichi)
                .query(Integer.class)
                .single();
        mvc.perform(get("/participation/" + kenichi + "/edit").with(user(as("caseworker2"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"version\" value=\"" + version + "\"")));
        String wishes = jdbc.sql("select wishes from participation_profile where id = ?")
                .param(kenichi)
                .query(String.class)
                .single();
        mvc.perform(post("/participation/" + kenichi + "/edit")
                        .with(csrf())
                        .with(user(as("caseworker2")))
                        .param("version", String.valueOf(version))
                        .param("wishes", wishes + "（朝は苦手）")
                        .param("interests", "OUTDOORS"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/participation/" + kenichi + "?done=edited"));
        mvc.perform(get("/participation/" + kenichi + "?done=edited").with(user(as("caseworker2"))))
                .andExpect(content().string(containsString("（朝は苦手）")))
                .andExpect(content().string(containsString("変更を保存しました")));
    }
}
