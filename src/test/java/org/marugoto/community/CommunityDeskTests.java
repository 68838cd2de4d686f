package org.marugoto.community;

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
import org.springframework.test.web.servlet.MvcResult;

/** The community desk over HTTP: the organiser's form and its messages, a stale save, the reviewer's actions. */
@MarugotoTest
class CommunityDeskTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    UUID working(String name) {
        return jdbc.sql("select id from community_activity where name = ?")
                .param(name)
                .query(UUID.class)
                .single();
    }

    int version(UUID id) {
        return jdbc.sql("select version from community_activity where id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    @Test
    @WithUserDetails("organiser")
    void wrongInputIsAMessageAtItsFieldAndNothingIsSaved() throws Exception {
        String group = jdbc.sql("select id from community_group where name = '桜台地区社会福祉協議会'")
                .query(String.class)
                .single();
        long before = jdbc.sql("select count(*) from community_activity")
                .query(Long.class)
                .single();
        mvc.perform(post("/community/activities/new")
                        .with(csrf())
                        .param("groupId", group)
                        .param("kind", "SALON")
                        .param("name", "")
                        .param("description", "説明")
                        .param("venue", "会館")
                        .param("address", "桜台1-1")
                        .param("scheduleKind", "MONTHLY")
                        .param("weekdays", "WEDNESDAY")
                        .param("startTime", "12:00")
                        .param("endTime", "10:00")
                        .param("capacity", "たくさん")
                        .param("cancelledDates", "12月24日")
                        .param("status", "OPEN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("次の項目を確認してください")))
                .andExpect(content().string(containsString("対象を1つ以上選んでください")))
                .andExpect(content().string(containsString("「毎月」のときは第何週かを選んでください")))
                .andExpect(content().string(containsString("終了時刻は開始時刻より後にしてください")))
                .andExpect(content().string(containsString("数字で入力してください")))
                .andExpect(content().string(containsString("お休みの日を 2026-12-23 のように入力してください")))
                .andExpect(content().string(containsString("地域を選んでください")));
        assertThat(jdbc.sql("select count(*) from community_activity")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    @WithUserDetails("organiser")
    void aSaveFromAnOldFormIsRefusedWithTheNewerVersionShown() throws Exception {
        UUID id = working("桜台おやこひろば");
        MvcResult form = mvc.perform(get("/community/activities/" + id + "/edit"))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(form.getResponse().getContentAsString()).contains("桜台おやこひろば");
        int stale = version(id) - 1;
        mvc.perform(post("/community/activities/" + id + "/edit")
                        .with(csrf())
                        .param("version", String.valueOf(stale))
                        .param(
                                "groupId",
                                jdbc.sql("select group_id from community_activity where id = ?")
                                        .param(id)
                                        .query(String.class)
                                        .single())
                        .param("kind", "PARENTING_PLAZA")
                        .param("name", "桜台おやこひろば（古い画面）")
                        .param("description", "説明")
                        .param(
                                "areaId",
                                jdbc.sql("select area_id from community_activity where id = ?")
                                        .param(id)
                                        .query(String.class)
                                        .single())
                        .param("venue", "会館")
                        .param("address", "桜台1-1")
                        .param("targets", "PARENTS")
                        .param("scheduleKind", "WEEKLY")
                        .param("weekdays", "TUESDAY")
                        .param("startTime", "10:00")
                        .param("endTime", "12:00")
                        .param("status", "OPEN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("他の人がこの記録を更新しました")));
        assertThat(jdbc.sql("select name from community_activity where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("桜台おやこひろば");
    }

    @Test
    @WithUserDetails("organiser2")
    void anOrganiserCannotOpenAnotherGroupsEntryOrThePublishAction() throws Exception {
        UUID theirs = working("桜台おやこひろば");
        mvc.perform(get("/community/activities/" + theirs)).andExpect(status().isForbidden());
        mvc.perform(post("/community/activities/" + theirs + "/publish")
                        .with(csrf())
                        .param("version", String.valueOf(version(theirs))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/community/reviews")).andExpect(status().isForbidden());
        // their own returned entry shows the reviewer's note
        mvc.perform(get("/community/activities/" + working("白樺こども食堂（準備中）")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("住所の番地と問い合わせ先")));
    }

    @Test
    @WithUserDetails("csw")
    void theCswSeesWhatWaitsForReview() throws Exception {
        mvc.perform(get("/community"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("確認待ちが")));
        mvc.perform(get("/community/reviews"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("桜台 男の料理教室")))
                .andExpect(content().string(containsString("北ふれあい・いきいきサロン")));
    }

    @Test
    @WithUserDetails("organiser")
    void answeringAMessageNeedsAnAnswerOrHandled() throws Exception {
        UUID id = jdbc.sql("select id from community_interest where name = 'ゆう'")
                .query(UUID.class)
                .single();
        int version = jdbc.sql("select version from community_interest where id = ?")
                .param(id)
                .query(Integer.class)
                .single();
        mvc.perform(get("/community/interests"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ゆう")));
        mvc.perform(post("/community/interests/" + id)
                        .with(csrf())
                        .param("version", String.valueOf(version))
                        .param("answer", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("対応の内容を書くか")));
        mvc.perform(post("/community/interests/" + id)
                        .with(csrf())
                        .param("version", String.valueOf(version))
                        .param("answer", "片づけだけでも大歓迎と返信した")
                        .param("handled", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status from community_interest where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("HANDLED");
    }
}
