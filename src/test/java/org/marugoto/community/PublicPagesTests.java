package org.marugoto.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.area.AreaApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The residents' pages over HTTP, as an anonymous visitor: no session, cacheable, only published entries; the
 * interest form's own CSRF protection, honeypot and limits; open data; and that staff keep their own home.
 */
@MarugotoTest
class PublicPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AreaApi areas;

    UUID published(String name) {
        return jdbc.sql("select id from community_activity_published where name = ?")
                .param(name)
                .query(UUID.class)
                .single();
    }

    long interests(UUID activity) {
        return jdbc.sql("select count(*) from community_interest where activity_id = ?")
                .param(activity)
                .query(Long.class)
                .single();
    }

    @Test
    void anAnonymousVisitorGetsTheResidentsHomeAtTheRootWithoutASession() throws Exception {
        MvcResult result = mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(forwardedUrl("/public"))
                .andReturn();
        assertThat(result.getRequest().getSession(false)).isNull();
        MvcResult home = mvc.perform(get("/public"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "public, max-age=300"))
                .andExpect(content().string(containsString("近くの居場所や活動を探しましょう")))
                .andExpect(content().string(containsString("href=\"/login\"")))
                .andExpect(content().string(containsString("親の介護が心配")))
                .andReturn();
        assertThat(home.getRequest().getSession(false)).isNull();
        assertThat(home.getResponse().getHeader("Set-Cookie")).isNull();
    }

    @Test
    @WithUserDetails("caseworker")
    void signedInStaffKeepTheirHomeAndOrganisersGoToTheirDesk() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk()).andExpect(content().string(containsString("この画面でできること")));
    }

    @Test
    @WithUserDetails("organiser")
    void anOrganisersHomeIsTheDeskWithTheirStaleEntryAndNoPersonalRecords() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrl("/community"));
        mvc.perform(get("/community"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("桜台いきいき百歳体操")))
                .andExpect(content().string(containsString("しばらく確認されていない情報")));
        mvc.perform(get("/people")).andExpect(status().isForbidden());
        mvc.perform(get("/consultations/" + UUID.randomUUID())).andExpect(status().isForbidden());
    }

    @Test
    void theStaffDeskAsksAnonymousVisitorsToSignIn() throws Exception {
        mvc.perform(get("/community")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/community/interests")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void residentsFindBySchoolDistrictKindAndFreeAndSeeOnlyPublishedEntries() throws Exception {
        UUID sakuradai = areas.findByCode("N1-2").orElseThrow().id();
        mvc.perform(get("/public/activities")
                        .param("area", sakuradai.toString())
                        .param("kind", "CHILDREN_CAFETERIA"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("桜台こども食堂 さくらんぼ")))
                .andExpect(content().string(not(containsString("本町こども食堂"))));
        mvc.perform(get("/public/activities").param("town", "桜台"))
                .andExpect(content().string(containsString("桜台ふれあい・いきいきサロン")))
                // waiting for review, never published
                .andExpect(content().string(not(containsString("男の料理教室"))));
        // the demo city's salons all ask for a fee (other tests may publish free ones of their own)
        mvc.perform(get("/public/activities").param("free", "true").param("kind", "SALON"))
                .andExpect(content().string(containsString("件見つかりました")))
                .andExpect(content().string(not(containsString("ふれあい・いきいきサロン"))));
        // nonsense in the query is ignored, never a server error
        mvc.perform(get("/public/activities")
                        .param("area", "x")
                        .param("day", "FUNDAY")
                        .param("kind", "<b>"))
                .andExpect(status().isOk());
        mvc.perform(get("/public/activities/" + UUID.randomUUID())).andExpect(status().isNotFound());
        mvc.perform(get("/public/activities/not-an-id")).andExpect(status().isNotFound());
        mvc.perform(get("/public/calendar").param("month", "2026-13")).andExpect(status().isOk());
        mvc.perform(get("/public/calendar").param("month", "2027-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2027年1月")));
    }

    @Test
    void anEntrysPageShowsTheNextDatesAccessInWordsAndTheCancelledDate() throws Exception {
        UUID shokudo = published("桜台こども食堂 さくらんぼ");
        mvc.perform(get("/public/activities/" + shokudo))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("毎月 第2・第4 土曜 17:00〜19:00")))
                .andExpect(content().string(containsString("お休み")))
                .andExpect(content().string(containsString("最寄りのバス停から歩いて5分ほどです。")));
        // the northern salon's new time waits for review: residents still see the published one
        mvc.perform(get("/public/activities/" + published("北ふれあい・いきいきサロン")))
                .andExpect(content().string(containsString("10:00〜12:00")))
                .andExpect(content().string(not(containsString("13:30"))));
        mvc.perform(get("/public/activities/" + shokudo + "/calendar.ics"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/calendar")))
                .andExpect(content().string(containsString("BEGIN:VEVENT")))
                .andExpect(content().string(containsString("T080000Z")));
    }

    @Test
    void openDataStatesItsLicenceAndHoldsOnlyPublishedEntries() throws Exception {
        mvc.perform(get("/public/open-data/activities.json"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("creativecommons.org/licenses/by/4.0")))
                .andExpect(content().string(containsString("桜台こども食堂 さくらんぼ")))
                .andExpect(content().string(not(containsString("男の料理教室"))));
        mvc.perform(get("/public/open-data/activities.csv"))
                .andExpect(status().isOk())
                .andExpect(header().string("Link", containsString("rel=\"license\"")))
                .andExpect(content().string(containsString("id,name,name_kana,kind")))
                .andExpect(content().string(containsString("\"桜台こども食堂 さくらんぼ\"")));
    }

    @Test
    void helpBySituationListsTheDirectorysCountersWithTheirHours() throws Exception {
        mvc.perform(get("/public/help/PARENT_CARE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("地域包括支援センター")))
                .andExpect(content().string(containsString("受付時間")));
        mvc.perform(get("/public/help/NOPE")).andExpect(status().isNotFound());
    }

    @Test
    void theInterestFormIsProtectedBySignedDoubleSubmitTokenAndAHoneypot() throws Exception {
        UUID salon = published("若葉ふれあい・いきいきサロン");
        MvcResult form = mvc.perform(get("/public/activities/" + salon + "/interest"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().string(containsString("日たつと自動で消します")))
                .andReturn();
        assertThat(form.getRequest().getSession(false)).isNull();
        Cookie cookie = form.getResponse().getCookie("MARUGOTO_FORM");
        assertThat(cookie).isNotNull();
        assertThat(cookie.getPath()).isEqualTo("/public");
        String token = token(form);
        long before = interests(salon);

        // another site's post: no cookie
        mvc.perform(post("/public/activities/" + salon + "/interest")
                        .param("token", token)
                        .param("name", "だれか")
                        .param("contact", "090")
                        .param("message", "こんにちは"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("送れませんでした")));
        // a token for another activity
        mvc.perform(post("/public/activities/" + published("北ふれあい・いきいきサロン") + "/interest")
                        .cookie(cookie)
                        .param("token", token)
                        .param("name", "だれか")
                        .param("contact", "090")
                        .param("message", "こんにちは"))
                .andExpect(content().string(containsString("送れませんでした")));
        // a robot fills in the honeypot: told it was sent, nothing kept
        mvc.perform(post("/public/activities/" + salon + "/interest")
                        .cookie(cookie)
                        .param("token", token)
                        .param("name", "bot")
                        .param("contact", "bot@example.com")
                        .param("message", "buy now")
                        .param("website", "http://spam.example"))
                .andExpect(redirectedUrl("/public/activities/" + salon + "/interest/sent"));
        assertThat(interests(salon)).isEqualTo(before);
        // a missing field and an over-long message: messages at the fields, nothing kept
        mvc.perform(post("/public/activities/" + salon + "/interest")
                        .cookie(cookie)
                        .param("token", token)
                        .param("name", "")
                        .param("contact", "090")
                        .param("message", "あ".repeat(1001)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("お名前かニックネームを書いてください")));
        assertThat(interests(salon)).isEqualTo(before);
        // a person
        MvcResult sent = mvc.perform(post("/public/activities/" + salon + "/interest")
                        .cookie(cookie)
                        .param("token", token)
                        .param("name", "わかば")
                        .param("contact", "090-9999-0000")
                        .param("message", "見学できますか"))
                .andExpect(redirectedUrl("/public/activities/" + salon + "/interest/sent"))
                .andReturn();
        assertThat(sent.getRequest().getSession(false)).isNull();
        assertThat(interests(salon)).isEqualTo(before + 1);
        mvc.perform(get("/public/activities/" + salon + "/interest/sent"))
                .andExpect(content().string(containsString("若葉地区社会福祉協議会の担当者から連絡があります")));
    }

    @Test
    void residentsReadTheFeedbackOfAreaMeetingsButNeverTheFigures() throws Exception {
        mvc.perform(get("/public/issues"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ひとり暮らし高齢者の孤立")))
                .andExpect(content().string(containsString("ふれあいサロンを月2回に増やします")))
                // the description and the counts stay with the staff; the second issue has no feedback yet
                .andExpect(content().string(not(containsString("続けて寄せられています"))))
                .andExpect(content().string(not(containsString("子育て世帯が相談先を知らない"))));
    }

    @Test
    void furiganaIsACookieAndPutsRubyOnTheHeadings() throws Exception {
        MvcResult on = mvc.perform(get("/public/furigana").param("on", "true").param("back", "/public/help"))
                .andExpect(redirectedUrl("/public/help"))
                .andReturn();
        Cookie ruby = on.getResponse().getCookie("MARUGOTO_RUBY");
        assertThat(ruby.getValue()).isEqualTo("1");
        mvc.perform(get("/public/help").cookie(ruby))
                .andExpect(content().string(containsString("<ruby>相談先<rp>(</rp><rt>そうだんさき</rt>")));
        mvc.perform(get("/public/help")).andExpect(content().string(not(containsString("<ruby>"))));
        // never back to another site
        mvc.perform(get("/public/furigana").param("back", "//evil.example/")).andExpect(redirectedUrl("/public"));
    }

    static String token(MvcResult form) throws Exception {
        Matcher m = Pattern.compile("name=\"token\" value=\"([^\"]+)\"")
                .matcher(form.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
