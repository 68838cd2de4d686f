package org.marugoto.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.people.Sex;
import org.marugoto.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

/** The volunteer's pages, the professionals' watch requests and the concern inbox over HTTP. */
@MarugotoTest
class WatchControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    PeopleApi people;

    @Autowired
    DirectoryApi directory;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    UUID household(String name) {
        return jdbc.sql("select id from household where name = ? order by case_number limit 1")
                .param(name)
                .query(UUID.class)
                .single();
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    @WithUserDetails("minsei")
    void theVolunteerHomeShowsTheWatchedHouseholdsAndConcernsAndTheNavigationOnlyThis() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/volunteer"));
        mvc.perform(get("/volunteer"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("月岡家")))
                .andExpect(content().string(containsString("齋藤家")))
                .andExpect(content().string(containsString("1週間ほど見かけません")))
                .andExpect(content().string(not(containsString("佐々木家"))))
                .andExpect(content().string(not(containsString("href=\"/people\""))))
                .andExpect(content().string(not(containsString("href=\"/referrals\""))))
                .andExpect(content().string(containsString("href=\"/directory\"")))
                // what the agency recorded on taking a concern up stays with the agency
                .andExpect(content().string(not(containsString("かかりつけ医の受診を勧めた"))));
        UUID request = jdbc.sql("select r.id from watch_request r join household h on h.id = r.household_id"
                        + " join staff_account a on a.id = r.volunteer_account_id"
                        + " where h.name = '月岡家' and a.username = 'minsei'")
                .query(UUID.class)
                .single();
        mvc.perform(get("/volunteer/watches/" + request))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("月岡 千代")))
                .andExpect(content().string(containsString("耳が少し遠い")))
                .andExpect(content().string(not(containsString("0470-22-1010"))));
    }

    @Test
    @WithUserDetails("minsei")
    void theVolunteerOpensNoHouseholdPageNotEvenAWatchedOneAndDoesNotSearch() throws Exception {
        mvc.perform(get("/households/" + household("月岡家"))).andExpect(status().isForbidden());
        mvc.perform(get("/households/" + household("佐々木家"))).andExpect(status().isForbidden());
        mvc.perform(get("/people").param("q", "つきおか")).andExpect(status().isForbidden());
        mvc.perform(get("/referrals")).andExpect(status().isForbidden());
        mvc.perform(get("/concerns")).andExpect(status().isForbidden());
        UUID minsei2Request = jdbc.sql("select r.id from watch_request r join staff_account a"
                        + " on a.id = r.volunteer_account_id where a.username = 'minsei2' limit 1")
                .query(UUID.class)
                .single();
        mvc.perform(get("/volunteer/watches/" + minsei2Request)).andExpect(status().isForbidden());
    }

    @Test
    @WithUserDetails("minsei")
    void aConcernWithoutWhatWasNoticedIsRefusedAndAValidOneIsSent() throws Exception {
        UUID hokatsu = directory.agencyByCode("HOKATSU-N").orElseThrow().id();
        long before = count("watch_concern");
        mvc.perform(post("/volunteer/concerns")
                        .with(csrf())
                        .param("aboutWho", "")
                        .param("noticed", "")
                        .param("urgency", "SOON")
                        .param("toAgencyId", hokatsu.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("error-summary")))
                .andExpect(content().string(containsString("href=\"#noticed\"")))
                .andExpect(content().string(containsString("href=\"#aboutWho\"")));
        assertThat(count("watch_concern")).isEqualTo(before);

        mvc.perform(post("/volunteer/concerns")
                        .with(csrf())
                        .param("aboutWho", "四丁目の一人暮らしの女性")
                        .param("noticed", "夜に電気がつかない")
                        .param("urgency", "SOON")
                        .param("toAgencyId", hokatsu.toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/volunteer#concerns"));
        assertThat(count("watch_concern")).isEqualTo(before + 1);
    }

    @Test
    @WithUserDetails("caseworker")
    void theCaseworkerSeesTheInboxAndTakesAConcernUp() throws Exception {
        mvc.perform(get("/volunteer")).andExpect(status().isForbidden());
        mvc.perform(get("/concerns"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("月見ヶ丘二丁目の80代くらいの男性")));
        UUID concern = jdbc.sql("select id from watch_concern where status = 'NEW' and about_who like '月見ヶ丘二丁目%'")
                .query(UUID.class)
                .single();
        mvc.perform(post("/concerns/" + concern + "/take-up")
                        .with(csrf())
                        .param("version", "0")
                        .param("consultation", "not-a-consultation"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#consultation\"")));
        assertThat(jdbc.sql("select status from watch_concern where id = ?")
                        .param(concern)
                        .query(String.class)
                        .single())
                .isEqualTo("NEW");
    }

    @Test
    @WithUserDetails("caseworker2")
    void anotherAgencySeesNeitherTheConcernNorTheWatchForm() throws Exception {
        UUID concern = jdbc.sql("select id from watch_concern where about_who like '月見ヶ丘二丁目%' limit 1")
                .query(UUID.class)
                .single();
        mvc.perform(get("/concerns/" + concern)).andExpect(status().isForbidden());
        mvc.perform(get("/concerns"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("月見ヶ丘二丁目"))));
    }

    @Test
    @WithUserDetails("caseworker")
    void theCaseworkerAsksAVolunteerFromTheHouseholdPage() throws Exception {
        PeopleFixtures.actAs(users, "caseworker");
        MemberView member = people.register(
                person("依頼田", "ハナ", "いらいだ", "はな", Sex.FEMALE, LocalDate.of(1945, 1, 1), null, null), newHousehold());
        UUID householdId = member.householdId();
        UUID minsei = ((Actor) users.loadUserByUsername("minsei")).accountId();
        mvc.perform(get("/households/" + householdId))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("watch-requests/new")));
        mvc.perform(get("/households/" + householdId + "/watch-requests/new"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("田中 キヨ子")));

        long before = count("watch_request");
        mvc.perform(post("/households/" + householdId + "/watch-requests")
                        .with(csrf())
                        .param("volunteerId", minsei.toString())
                        .param("watchFor", "")
                        .param("frequency", "週1回"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#watchFor\"")))
                .andExpect(content().string(containsString("href=\"#basis\"")));
        assertThat(count("watch_request")).isEqualTo(before);

        mvc.perform(post("/households/" + householdId + "/watch-requests")
                        .with(csrf())
                        .param("volunteerId", minsei.toString())
                        .param("watchFor", "郵便受け")
                        .param("frequency", "週1回")
                        .param("basis", "SUPPORT_MEETING"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/households/" + householdId + "#watch-requests"));
        assertThat(count("watch_request")).isEqualTo(before + 1);
        mvc.perform(get("/households/" + householdId))
                .andExpect(content().string(containsString("郵便受け")))
                .andExpect(content().string(containsString("支援会議の決定")));

        UUID request = jdbc.sql("select id from watch_request where household_id = ?")
                .param(householdId)
                .query(UUID.class)
                .single();
        mvc.perform(post("/watch-requests/" + request + "/end").with(csrf()).param("version", "7"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select ended_at is null from watch_request where id = ?")
                        .param(request)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        mvc.perform(post("/watch-requests/" + request + "/end").with(csrf()).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select ended_at is null from watch_request where id = ?")
                        .param(request)
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }
}
