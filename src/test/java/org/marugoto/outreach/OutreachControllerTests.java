package org.marugoto.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.TestClock;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.people.Sex;
import org.marugoto.shared.Actor;
import org.marugoto.shared.Japan;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The outreach pages over HTTP: list and overdue, opening from a concern, attempts, stages, the household section. */
@MarugotoTest
class OutreachControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    PeopleApi people;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    UserDetails as(String username) {
        return users.loadUserByUsername(username);
    }

    LocalDate today() {
        return Japan.today(TestClock.INSTANCE);
    }

    UUID saitoRecord() {
        return jdbc.sql("select o.id from outreach_record o join household h on h.id = o.household_id"
                        + " where h.name = '齋藤家' order by o.created_at limit 1")
                .query(UUID.class)
                .single();
    }

    long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (Object p : params) {
            spec = spec.param(p);
        }
        return spec.query(Long.class).single();
    }

    @Test
    void theListShowsTheLeadsOverdueRecordAndTheCoordinatorOnlyItsNumber() throws Exception {
        UUID saito = saitoRecord();
        String number = jdbc.sql("select record_number from outreach_record where id = ?")
                .param(saito)
                .query(String.class)
                .single();
        mvc.perform(get("/outreach").with(user(as("csw"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"overdue\"")))
                .andExpect(content().string(containsString("齋藤家")))
                .andExpect(content().string(containsString(number)));
        mvc.perform(get("/outreach").with(user(as("coordinator"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(number)))
                .andExpect(content().string(containsString("内容は表示されません")))
                .andExpect(content().string(not(containsString("齋藤家"))))
                .andExpect(content().string(not(containsString("/outreach/" + saito))));
        // volunteers never reach the professionals' pages
        MvcResult volunteer =
                mvc.perform(get("/outreach").with(user(as("minsei")))).andReturn();
        assertThat(volunteer.getResponse().getStatus()).isEqualTo(403);
        mvc.perform(get("/outreach/" + saito).with(user(as("caseworker")))).andExpect(status().isForbidden());
    }

    @Test
    void theRecordPageShowsTheChartTheStageHistoryAndTheAttemptsAndTheHouseholdPageItsSummary() throws Exception {
        UUID saito = saitoRecord();
        mvc.perform(get("/outreach/" + saito).with(user(as("csw"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString("class=\"chart-bar\"")))
                .andExpect(content().string(containsString("関係づくり")))
                .andExpect(content().string(containsString("玄関先のごみ袋を一緒に2つ出した")))
                .andExpect(content().string(containsString("id=\"overdue-notice\"")))
                .andExpect(content().string(containsString("山本さん")));
        mvc.perform(get("/outreach/" + saito + "?lang=en").with(user(as("csw"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Building a relationship")))
                .andExpect(content().string(containsString("Spoke through the door")));
        UUID household = jdbc.sql("select household_id from outreach_record where id = ?")
                .param(saito)
                .query(UUID.class)
                .single();
        mvc.perform(get("/households/" + household).with(user(as("csw"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"outreach\"")))
                .andExpect(content().string(containsString("/outreach/" + saito)))
                .andExpect(content().string(containsString("outreach-chart")));
        // the elderly centre sees the household but not the council's outreach record
        MvcResult other = mvc.perform(get("/households/" + household).with(user(as("caseworker"))))
                .andReturn();
        if (other.getResponse().getStatus() == 200) {
            assertThat(other.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                    .doesNotContain("/outreach/" + saito);
        }
    }

    @Test
    void aConcernLeadsInOneClickToTheFormAndTheRecordIsOpenedFromIt() throws Exception {
        // a volunteer's concern about the watched 月岡家, sent to the northern elderly centre (demo)
        UUID concern = jdbc.sql("select c.id from watch_concern c join household h on h.id = c.household_id"
                        + " where h.name = '月岡家' order by c.created_at limit 1")
                .query(UUID.class)
                .single();
        UUID household = jdbc.sql("select household_id from watch_concern where id = ?")
                .param(concern)
                .query(UUID.class)
                .single();
        mvc.perform(get("/concerns/" + concern).with(user(as("caseworker"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/outreach/new?concern=" + concern)));
        mvc.perform(get("/outreach/new").param("concern", concern.toString()).with(user(as("caseworker"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"CONCERN\"")))
                .andExpect(content().string(containsString("2週続けてサロンを休まれました")))
                .andExpect(content().string(containsString("value=\"WELFARE_COMMISSIONER\" selected=\"selected\"")));
        PeopleFixtures.actAs(users, "caseworker");
        UUID person = people.members(household).stream()
                .filter(MemberView::current)
                .findFirst()
                .orElseThrow()
                .person()
                .id();
        UUID token = UUID.randomUUID();
        Actor caseworker = (Actor) as("caseworker");
        long before = count("select count(*) from outreach_record where household_id = ?", household);
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/outreach/new")
                            .with(csrf())
                            .with(user(as("caseworker")))
                            .param("token", token.toString())
                            .param("householdId", household.toString())
                            .param("personIds", person.toString())
                            .param("source", "WELFARE_COMMISSIONER")
                            .param("origin", "CONCERN")
                            .param("originId", concern.toString())
                            .param("issueCodes", "ISOLATION")
                            .param("worry", "サロンを休んでいる")
                            .param("firstConcernOn", today().minusDays(6).toString())
                            .param("leadAccountId", caseworker.accountId().toString())
                            .param("keyName", "田中さん")
                            .param("keyRelation", "民生委員"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrlPattern("/outreach/*?done=opened"));
        }
        assertThat(count("select count(*) from outreach_record where household_id = ?", household))
                .as("a double submit opens one record")
                .isEqualTo(before + 1);
        assertThat(count("select count(*) from outreach_record where origin = 'CONCERN' and origin_id = ?", concern))
                .isEqualTo(1);
    }

    @Test
    void badInputComesBackWithMessagesAtTheFieldsAndNothingChanges() throws Exception {
        PeopleFixtures.actAs(users, "csw");
        MemberView m = people.register(
                person("入力", "誠", "にゅうりょく", "まこと", Sex.MALE, LocalDate.of(1970, 1, 1), null, null), newHousehold());
        long before = count("select count(*) from outreach_record");
        mvc.perform(post("/outreach/new")
                        .with(csrf())
                        .with(user(as("csw")))
                        .param("householdId", m.householdId().toString())
                        .param("firstConcernOn", "昨日"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"error-summary\"")))
                .andExpect(content().string(containsString("気づいた人を選んでください")))
                .andExpect(content().string(containsString("日付を正しく入力してください")));
        assertThat(count("select count(*) from outreach_record")).isEqualTo(before);

        UUID saito = saitoRecord();
        long attempts = count("select count(*) from outreach_attempt where outreach_id = ?", saito);
        mvc.perform(post("/outreach/" + saito + "/attempts")
                        .with(csrf())
                        .with(user(as("csw")))
                        .param("date", today().toString())
                        .param("time", "25:99")
                        .param("whoWent", "井上"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("時刻を正しく入力してください")))
                .andExpect(content().string(containsString("方法を選んでください")));
        assertThat(count("select count(*) from outreach_attempt where outreach_id = ?", saito))
                .isEqualTo(attempts);

        // a stale version: someone else changed the stage first
        mvc.perform(post("/outreach/" + saito + "/stage")
                        .with(csrf())
                        .with(user(as("csw")))
                        .param("version", "0")
                        .param("toStage", "ACCEPTED")
                        .param("changedOn", today().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"error-summary\"")));
        assertThat(jdbc.sql("select stage from outreach_record where id = ?")
                        .param(saito)
                        .query(String.class)
                        .single())
                .isEqualTo("RELATIONSHIP");
    }

    @Test
    void anAttemptRecordedOnThePhoneFormIsLoggedOnceAndMovesTheNextContact() throws Exception {
        PeopleFixtures.actAs(users, "csw");
        MemberView m = people.register(
                person("玄関", "実", "げんかん", "みのる", Sex.MALE, LocalDate.of(1950, 1, 1), null, null), newHousehold());
        Actor csw = (Actor) as("csw");
        MvcResult opened = mvc.perform(post("/outreach/new")
                        .with(csrf())
                        .with(user(as("csw")))
                        .param("token", UUID.randomUUID().toString())
                        .param("householdId", m.householdId().toString())
                        .param("personIds", m.person().id().toString())
                        .param("source", "UTILITY_DELIVERY")
                        .param("issueCodes", "ISOLATION")
                        .param("worry", "新聞がたまっている")
                        .param("firstConcernOn", today().minusDays(3).toString())
                        .param("leadAccountId", csw.accountId().toString()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String page = opened.getResponse().getRedirectedUrl().replaceAll("\\?.*", "");
        mvc.perform(get(page + "/attempts/new").with(user(as("csw"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"token\"")))
                .andExpect(content().string(containsString("type=\"radio\"")));
        String token = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post(page + "/attempts")
                            .with(csrf())
                            .with(user(as("csw")))
                            .param("token", token)
                            .param("date", today().toString())
                            .param("time", "00:00")
                            .param("method", "VISIT")
                            .param("whoWent", "井上")
                            .param("outcome", "THROUGH_DOOR")
                            .param("learned", "ドア越しに返事があった")
                            .param("nextContactOn", today().plusDays(7).toString()))
                    .andExpect(status().is3xxRedirection());
        }
        UUID id = UUID.fromString(page.substring(page.lastIndexOf('/') + 1));
        assertThat(count("select count(*) from outreach_attempt where outreach_id = ?", id))
                .isEqualTo(1);
        mvc.perform(get(page).with(user(as("csw"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ドア越しに返事があった")))
                .andExpect(content().string(not(containsString("id=\"overdue-notice\""))));
    }

    @Test
    void administratorsRenameAStageAndTheRecordsShowTheNewName() throws Exception {
        int version = jdbc.sql("select version from outreach_stage where code = 'MET'")
                .query(Integer.class)
                .single();
        mvc.perform(post("/admin/outreach-stages")
                        .with(csrf())
                        .with(user(as("caseworker")))
                        .param("code", "MET")
                        .param("version", String.valueOf(version))
                        .param("labelJa", "顔を合わせた")
                        .param("labelEn", "Face to face"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/outreach-stages")
                        .with(csrf())
                        .with(user(as("admin")))
                        .param("code", "MET")
                        .param("version", String.valueOf(version))
                        .param("labelJa", " ")
                        .param("labelEn", "Face to face"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("日本語と英語の名前を")));
        try {
            mvc.perform(post("/admin/outreach-stages")
                            .with(csrf())
                            .with(user(as("admin")))
                            .param("code", "MET")
                            .param("version", String.valueOf(version))
                            .param("labelJa", "顔を合わせた")
                            .param("labelEn", "Face to face"))
                    .andExpect(status().is3xxRedirection());
            // a second save of the same form is stale
            mvc.perform(post("/admin/outreach-stages")
                            .with(csrf())
                            .with(user(as("admin")))
                            .param("code", "MET")
                            .param("version", String.valueOf(version))
                            .param("labelJa", "会った")
                            .param("labelEn", "Met"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"error-summary\"")));
            mvc.perform(get("/outreach/" + saitoRecord()).with(user(as("csw"))))
                    .andExpect(content().string(containsString("顔を合わせた")));
        } finally {
            jdbc.sql("update outreach_stage set label_ja = '会えた', label_en = 'Met' where code = 'MET'")
                    .update();
        }
    }

    @Test
    void aConsultationLeadsToTheFormWithItsHouseholdIssuesAndDate() throws Exception {
        UUID consultation = jdbc.sql("select c.id from consultation c join household h on h.id = c.household_id"
                        + " where h.name = '齋藤家' and c.first_response = 'OUTREACH_NEEDED' limit 1")
                .query(UUID.class)
                .single();
        mvc.perform(get("/consultations/" + consultation).with(user(as("csw"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/outreach/new?consultation=" + consultation)));
        mvc.perform(get("/outreach/new")
                        .param("consultation", consultation.toString())
                        .with(user(as("csw"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("相談記録から")))
                .andExpect(content().string(containsString("value=\"CONSULTATION\"")))
                .andExpect(content().string(containsString("value=\"SELF_NEGLECT\" checked=\"checked\"")));
    }

    @Test
    void keyPersonsAreChangedOnTheirOwnPageAndAStaleFormChangesNothing() throws Exception {
        PeopleFixtures.actAs(users, "csw");
        MemberView m = people.register(
                person("周り", "茂", "まわり", "しげる", Sex.MALE, LocalDate.of(1948, 2, 2), null, null), newHousehold());
        Actor csw = (Actor) as("csw");
        MvcResult opened = mvc.perform(post("/outreach/new")
                        .with(csrf())
                        .with(user(as("csw")))
                        .param("token", UUID.randomUUID().toString())
                        .param("householdId", m.householdId().toString())
                        .param("personIds", m.person().id().toString())
                        .param("source", "NEIGHBOUR")
                        .param("issueCodes", "ISOLATION")
                        .param("worry", "姿を見ない")
                        .param("firstConcernOn", today().minusDays(3).toString())
                        .param("leadAccountId", csw.accountId().toString())
                        .param("keyName", "佐藤さん")
                        .param("keyRelation", "隣人"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String page = opened.getResponse().getRedirectedUrl().replaceAll("\\?.*", "");
        UUID id = UUID.fromString(page.substring(page.lastIndexOf('/') + 1));
        UUID sato = jdbc.sql("select id from outreach_key_person where outreach_id = ?")
                .param(id)
                .query(UUID.class)
                .single();
        int version = jdbc.sql("select version from outreach_record where id = ?")
                .param(id)
                .query(Integer.class)
                .single();
        mvc.perform(get(page).with(user(as("csw")))).andExpect(content().string(containsString(page + "/key-persons")));
        mvc.perform(get(page + "/key-persons").with(user(as("csw"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + sato + "\"")))
                .andExpect(content().string(containsString("value=\"佐藤さん\"")));
        mvc.perform(get(page + "/key-persons").with(user(as("caseworker")))).andExpect(status().isForbidden());
        mvc.perform(post(page + "/key-persons")
                        .with(csrf())
                        .with(user(as("csw")))
                        .param("version", String.valueOf(version))
                        .param("keyId", sato.toString(), "")
                        .param("keyName", "佐藤さん", "大家の木村さん")
                        .param("keyRelation", "向かいの人", "")
                        .param("keyNote", "", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("名前と関係の両方を書いてください")));
        mvc.perform(post(page + "/key-persons")
                        .with(csrf())
                        .with(user(as("csw")))
                        .param("version", String.valueOf(version))
                        .param("keyId", sato.toString(), "")
                        .param("keyName", "佐藤さん", "木村さん")
                        .param("keyRelation", "向かいの人", "大家")
                        .param("keyNote", "", "鍵を持っている"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/outreach/*?done=keyPersons"));
        mvc.perform(get(page).with(user(as("csw"))))
                .andExpect(content().string(containsString("向かいの人")))
                .andExpect(content().string(containsString("鍵を持っている")));
        // the same (now stale) form again: refused, nothing changes
        mvc.perform(post(page + "/key-persons")
                        .with(csrf())
                        .with(user(as("csw")))
                        .param("version", String.valueOf(version))
                        .param("keyId", "", "")
                        .param("keyName", "", "")
                        .param("keyRelation", "", "")
                        .param("keyNote", "", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("他の人がこの記録を更新しました")));
        assertThat(count("select count(*) from outreach_key_person where outreach_id = ?", id))
                .isEqualTo(2);
    }

    @Autowired
    org.marugoto.watch.domain.ConcernService concerns;

    @Test
    void aConcernAboutSomeoneNotRegisteredOpensTheFormThatRegistersThemAndTheRecord() throws Exception {
        // a welfare commissioner's concern about a man nobody has registered, sent to the northern elderly centre
        PeopleFixtures.actAs(users, "minsei");
        UUID concern = concerns.raise(new org.marugoto.watch.RaiseConcern(
                        null,
                        "月見ヶ丘三丁目の80代くらいの男性",
                        "月見ヶ丘三丁目、公園の向かいのアパート1階",
                        "散歩している方を1週間見かけません。新聞が郵便受けにたまっています。",
                        org.marugoto.watch.ConcernUrgency.URGENT,
                        jdbc.sql("select id from agency where code = 'HOKATSU-N'")
                                .query(UUID.class)
                                .single()))
                .id();
        mvc.perform(get("/concerns/" + concern).with(user(as("caseworker"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"concern-outreach-new\"")));
        mvc.perform(get("/outreach/new").param("concern", concern.toString()).with(user(as("caseworker"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"new-person\"")))
                .andExpect(content().string(containsString("公園の向かいのアパート1階")))
                .andExpect(content().string(containsString("新聞が郵便受けにたまっています")));
        mvc.perform(get("/outreach/new").param("concern", concern.toString()).with(user(as("csw"))))
                .andExpect(status().isForbidden());
        Actor caseworker = (Actor) as("caseworker");
        long persons = count("select count(*) from person");
        // without a name: back with the message at the field, nobody registered
        mvc.perform(post("/outreach/new")
                        .with(csrf())
                        .with(user(as("caseworker")))
                        .param("token", UUID.randomUUID().toString())
                        .param("householdId", "")
                        .param("origin", "CONCERN")
                        .param("originId", concern.toString())
                        .param("source", "WELFARE_COMMISSIONER")
                        .param("issueCodes", "ISOLATION")
                        .param("worry", "見かけない")
                        .param("firstConcernOn", today().minusDays(1).toString())
                        .param("leadAccountId", caseworker.accountId().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("氏を書いてください")));
        assertThat(count("select count(*) from person")).isEqualTo(persons);
        MvcResult opened = mvc.perform(post("/outreach/new")
                        .with(csrf())
                        .with(user(as("caseworker")))
                        .param("token", UUID.randomUUID().toString())
                        .param("householdId", "")
                        .param("origin", "CONCERN")
                        .param("originId", concern.toString())
                        .param("newFamilyName", "不明")
                        .param("newFamilyNameKana", "ふめい")
                        .param("newSex", "MALE")
                        .param("newAddress", "月見ヶ丘三丁目、公園の向かいのアパート1階")
                        .param("source", "WELFARE_COMMISSIONER")
                        .param("issueCodes", "ISOLATION")
                        .param("worry", "1週間見かけない")
                        .param("firstConcernOn", today().minusDays(1).toString())
                        .param("leadAccountId", caseworker.accountId().toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/outreach/*?done=opened"))
                .andReturn();
        assertThat(count("select count(*) from person")).isEqualTo(persons + 1);
        UUID household = jdbc.sql("select household_id from watch_concern where id = ?")
                .param(concern)
                .query(UUID.class)
                .single();
        assertThat(count(
                        "select count(*) from outreach_record where household_id = ? and origin_id = ?",
                        household,
                        concern))
                .isEqualTo(1);
        mvc.perform(get(opened.getResponse().getRedirectedUrl()).with(user(as("caseworker"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1週間見かけない")));
    }
}
