package org.marugoto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.marugoto.directory.DirectoryApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A form posted twice, or several times at once (a double click, a slow network), acts once: every post is answered
 * with the redirect to the one record it created, never with a second record or a 500.
 */
@MarugotoTest
class DoubleSubmitTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    DirectoryApi directory;

    /** Posts all requests at once, each on its own thread, and returns the responses. */
    List<MockHttpServletResponse> atOnce(List<MockHttpServletRequestBuilder> requests) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MockHttpServletResponse>> futures = new ArrayList<>();
            for (MockHttpServletRequestBuilder request : requests) {
                Callable<MockHttpServletResponse> post = () -> {
                    start.await();
                    return mvc.perform(request).andReturn().getResponse();
                };
                futures.add(threads.submit(post));
            }
            start.countDown();
            List<MockHttpServletResponse> responses = new ArrayList<>();
            for (Future<MockHttpServletResponse> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            threads.shutdownNow();
        }
    }

    UserDetails as(String username) {
        return users.loadUserByUsername(username);
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    UUID household(String name) {
        return jdbc.sql("select id from household where name = ? order by case_number limit 1")
                .param(name)
                .query(UUID.class)
                .single();
    }

    MockHttpServletRequestBuilder register(String token, String family, String kana) {
        return register(token, family, kana, "昭和40年4月4日");
    }

    // each test its own date of birth: the same given name and date would be a possible surname change (decision 0029)
    MockHttpServletRequestBuilder register(String token, String family, String kana, String birthDate) {
        return post("/people/new")
                .with(csrf())
                .with(user(as("caseworker")))
                .param("submissionToken", token)
                .param("familyName", family)
                .param("givenName", "太郎")
                .param("familyNameKana", kana)
                .param("givenNameKana", "たろう")
                .param("sex", "MALE")
                .param("birthDate", birthDate)
                .param("relationship", "SELF")
                .param("livesTogether", "true");
    }

    @Test
    void fourParallelPostsOfTheRegistrationFormCreateOnePersonAndOneHousehold() throws Exception {
        String token = UUID.randomUUID().toString();
        List<MockHttpServletResponse> responses = atOnce(List.of(
                register(token, "連打", "れんだ"),
                register(token, "連打", "れんだ"),
                register(token, "連打", "れんだ"),
                register(token, "連打", "れんだ")));

        assertThat(count("select count(*) from person where family_name = '連打'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from household where name = '連打家'")).isEqualTo(1);
        assertThat(responses).allSatisfy(r -> assertThat(r.getStatus()).isEqualTo(302));
        assertThat(responses.stream()
                        .map(MockHttpServletResponse::getRedirectedUrl)
                        .distinct())
                .hasSize(1);
    }

    @Test
    void parallelFirstRegistrationsOfOnePersonDoNotRacePastTheDuplicateCheck() throws Exception {
        List<MockHttpServletResponse> responses = atOnce(List.of(
                register(UUID.randomUUID().toString(), "同時登録", "どうじとうろく", "昭和41年6月7日"),
                register(UUID.randomUUID().toString(), "同時登録", "どうじとうろく", "昭和41年6月7日"),
                register(UUID.randomUUID().toString(), "同時登録", "どうじとうろく", "昭和41年6月7日")));

        assertThat(count("select count(*) from person where family_name = '同時登録'"))
                .isEqualTo(1);
        assertThat(responses).filteredOn(r -> r.getStatus() == 302).hasSize(1);
        // the others see the one registered meanwhile, as possible duplicates
        assertThat(responses).filteredOn(r -> r.getStatus() == 200).hasSize(2).allSatisfy(r -> assertThat(
                        r.getContentAsString())
                .contains("同じ人かもしれない記録が1件あります"));
    }

    @Test
    void aReferralFormPostedTwiceSendsOneReferral() throws Exception {
        UUID household = household("佐々木家");
        UUID person = jdbc.sql("select person_id from household_member where household_id = ? limit 1")
                .param(household)
                .query(UUID.class)
                .single();
        String token = UUID.randomUUID().toString();
        List<MockHttpServletRequestBuilder> posts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            posts.add(post("/households/" + household + "/referrals/new")
                    .with(csrf())
                    .with(user(as("caseworker")))
                    .param("submissionToken", token)
                    .param(
                            "toAgencyId",
                            directory.agencyByCode("SHAKYO").orElseThrow().id().toString())
                    .param("personIds", person.toString())
                    .param("issueCodes", "ISOLATION")
                    .param("urgency", "NORMAL")
                    .param("summary", "二重送信の確認")
                    .param("consentStatus", "NOT_ASKED")
                    .param("desiredResponseDate", LocalDate.now().plusDays(7).toString()));
        }
        List<MockHttpServletResponse> responses = atOnce(posts);

        assertThat(count("select count(*) from referral where summary = '二重送信の確認'"))
                .isEqualTo(1);
        assertThat(responses).allSatisfy(r -> assertThat(r.getStatus()).isEqualTo(302));
        assertThat(responses.stream()
                        .map(MockHttpServletResponse::getRedirectedUrl)
                        .distinct())
                .hasSize(1);
    }

    @Test
    void parallelPostsOfTheConsultationFormAllAnswerWithTheRedirectToTheOneConsultation() throws Exception {
        UUID household = household("佐々木家");
        UUID person = jdbc.sql("select person_id from household_member where household_id = ? limit 1")
                .param(household)
                .query(UUID.class)
                .single();
        String token = UUID.randomUUID().toString();
        List<MockHttpServletRequestBuilder> posts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            posts.add(post("/households/" + household + "/consultations/new")
                    .with(csrf())
                    .with(user(as("caseworker")))
                    .param("submissionToken", token)
                    .param("receivedDate", LocalDate.now().minusDays(1).toString())
                    .param("receivedTime", "10:00")
                    .param("channel", "PHONE")
                    .param("consulterType", "SELF")
                    .param("personIds", person.toString())
                    .param("issueCodes", "CARE")
                    .param("urgency", "NORMAL")
                    .param("ownWords", "並行送信の確認")
                    .param("consentStatus", "NOT_ASKED")
                    .param("firstResponse", "ANSWERED_AT_COUNTER"));
        }
        List<MockHttpServletResponse> responses = atOnce(posts);

        assertThat(count("select count(*) from consultation where submission_token = ?::uuid", token))
                .isEqualTo(1);
        assertThat(responses).allSatisfy(r -> assertThat(r.getStatus()).isEqualTo(302));
        assertThat(responses.stream()
                        .map(MockHttpServletResponse::getRedirectedUrl)
                        .distinct())
                .hasSize(1);
    }
}
