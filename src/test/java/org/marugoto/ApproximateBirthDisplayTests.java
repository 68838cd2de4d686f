package org.marugoto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Approximate dates of birth (a year estimated from an age, a year, a year and month) are shown wherever a person's
 * date of birth is printed, as the person page shows them: on the referral page and in the support plan PDF (before,
 * both printed only the exact date, so an approximate one showed blank).
 */
@MarugotoTest
class ApproximateBirthDisplayTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    /** Makes the person's date of birth approximate for the test; gives back the exact date afterwards. */
    AutoCloseable approximate(UUID person, int year, Integer month, boolean estimated) {
        java.sql.Date exact = jdbc.sql("select birth_date from person where id = ?")
                .param(person)
                .query(java.sql.Date.class)
                .optional()
                .orElse(null);
        jdbc.sql(
                        "update person set birth_date = null, birth_year = ?, birth_month = ?, birth_estimated = ? where id = ?")
                .params(year, month, estimated, person)
                .update();
        return () -> jdbc.sql("""
                        update person set birth_date = ?, birth_year = null, birth_month = null,
                        birth_estimated = false where id = ?""").params(exact, person).update();
    }

    String page(String path, String username, Locale locale) throws Exception {
        MvcResult result = mvc.perform(
                        get(path).param("lang", locale.getLanguage()).with(user(users.loadUserByUsername(username))))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theReferralPageShowsAnApproximateDateOfBirthAsThePersonPageDoes() throws Exception {
        // a referral naming an unprotected person, and a caseworker of the sending agency (the sender sees the persons)
        Map<String, Object> row = jdbc.sql("""
                        select r.id referral, rp.person_id person, s.username username
                        from referral r
                        join referral_person rp on rp.municipality_id = r.municipality_id and rp.referral_id = r.id
                        join person p on p.id = rp.person_id and not p.protected
                        join staff_account s on s.agency_id = r.from_agency_id and s.enabled
                        join staff_role sr on sr.account_id = s.id and sr.role = 'CASEWORKER'
                        order by r.reference_number, s.username limit 1""").query().singleRow();
        UUID referral = (UUID) row.get("referral");
        UUID person = (UUID) row.get("person");
        String username = (String) row.get("username");
        String name = jdbc.sql("select family_name || ' ' || coalesce(given_name, '') from person where id = ?")
                .param(person)
                .query(String.class)
                .single()
                .strip();
        try (AutoCloseable restore = approximate(person, 1944, null, true)) {
            assertThat(page("/referrals/" + referral, username, Locale.JAPANESE))
                    .contains(name + "（1944年頃（推定））");
            assertThat(page("/referrals/" + referral, username, Locale.ENGLISH))
                    .contains(name + " (around 1944 (approx.))");
        }
        try (AutoCloseable restore = approximate(person, 1974, 7, false)) {
            assertThat(page("/referrals/" + referral, username, Locale.JAPANESE))
                    .contains(name + "（1974年7月（推定））");
        }
        try (AutoCloseable restore = approximate(person, 1974, null, false)) {
            assertThat(page("/referrals/" + referral, username, Locale.JAPANESE))
                    .contains(name + "（1974年（推定））");
        }
        // the exact date as before (和暦)
        assertThat(page("/referrals/" + referral, username, Locale.JAPANESE))
                .containsPattern(java.util.regex.Pattern.quote(name + "（") + "(昭和|平成|令和|大正)");
    }

    @Test
    void theSupportPlanPdfPrintsAnApproximateDateOfBirth() throws Exception {
        Map<String, Object> row = jdbc.sql("""
                        select pl.id plan, cp.person_id person from support_plan pl
                        join support_case c on c.municipality_id = pl.municipality_id and c.id = pl.case_id
                        join household h on h.id = c.household_id
                        join support_case_person cp on cp.municipality_id = c.municipality_id and cp.case_id = c.id
                        join person p on p.id = cp.person_id and not p.protected
                        where h.name = '佐々木家' and pl.status = 'AGREED'
                        order by p.family_name_kana, p.given_name_kana limit 1""").query().singleRow();
        UUID plan = (UUID) row.get("plan");
        UUID person = (UUID) row.get("person");
        try (AutoCloseable restore = approximate(person, 1944, null, true)) {
            MvcResult result = mvc.perform(get("/plans/" + plan + "/pdf")
                            .locale(Locale.JAPANESE)
                            .with(user(users.loadUserByUsername("coordinator"))))
                    .andReturn();
            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            try (var document =
                    org.apache.pdfbox.Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
                assertThat(text.replaceAll("\\s+", "")).contains("生年月日1944年頃（推定）");
            }
        }
    }
}
