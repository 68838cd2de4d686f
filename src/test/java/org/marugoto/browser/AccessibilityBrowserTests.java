package org.marugoto.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marugoto.MarugotoTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the main pages, in Japanese and in English, and fails on any violation
 * of serious or critical impact.
 */
@MarugotoTest
class AccessibilityBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    String uuid(String sql) {
        return jdbc.sql(sql).query(UUID.class).optional().map(UUID::toString).orElse("none");
    }

    static String axe() throws IOException {
        try (InputStream in = AccessibilityBrowserTests.class.getResourceAsStream(
                "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @CsvSource({
        "/login, ja, ",
        "/login, en, ",
        "/, ja, caseworker",
        "/people?q=ささき, ja, caseworker",
        "/people/new, ja, caseworker",
        "/households/{household}, ja, caseworker",
        "/households/{household}, en, caseworker",
        "/households/{household}/consultations/new, ja, caseworker",
        "/referrals, ja, caseworker",
        "/directory, ja, minsei",
        "/volunteer, ja, minsei",
        "/volunteer, en, minsei",
        "/volunteer/watches/{watch}, ja, minsei",
        "/volunteer/watches/{protectedWatch}, ja, minsei2",
        "/households/{household}/watch-requests/new, ja, caseworker",
        "/concerns, ja, caseworker",
        "/concerns/{concern}, en, caseworker",
        "/admin/areas, ja, admin",
        "/admin/staff/new, en, admin",
        "/audit, ja, auditor",
        "/cases, ja, coordinator",
        "/cases/{case}, ja, coordinator",
        "/cases/{case}, en, coordinator",
        "/cases/{case}/assessment, ja, caseworker",
        "/cases/{case}/plan, ja, caseworker",
        "/cases/{case}/close, en, caseworker",
        "/cases/{case}/conferences/new, ja, coordinator",
        "/conferences/{conference}, ja, coordinator",
        "/households/{protectedHousehold}, ja, caseworker3",
        "/people/{protectedPerson}, ja, caseworker3",
        "/protection, ja, privacy",
        "/protection/{protectedPerson}, en, privacy",
        "/households/{household}/consents/new, ja, caseworker",
        "/consents/{consent}/withdraw, en, caseworker",
        "/emergency-access/new, ja, caseworker2",
        "/emergency-access/reviews, ja, privacy",
        "/emergency-access/reviews, en, supervisor2",
        "/account, ja, caseworker",
        "/account/mfa, en, caseworker",
        "/reauth?next=/account, ja, caseworker"
    })
    void pageHasNoSeriousAccessibilityViolations(String path, String lang, String username) throws IOException {
        if (username != null) {
            browser.get("http://localhost:" + port + "/login");
            browser.findElement(By.id("username")).sendKeys(username);
            browser.findElement(By.id("password")).sendKeys("marugoto-demo");
            Browser.clickAndWaitForNextPage(
                    browser, browser.findElement(By.cssSelector("form.form button[type=submit]")));
            Browser.answerSecondFactor(browser, Browser.DEMO_TOTP_SECRET);
        }
        UUID household = jdbc.sql("select id from household where name = '佐々木家' order by case_number limit 1")
                .query(UUID.class)
                .single();
        UUID kase = jdbc.sql("select id from support_case where household_id = ?")
                .param(household)
                .query(UUID.class)
                .single();
        UUID conference = jdbc.sql("select id from case_conference where case_id = ? order by scheduled_at limit 1")
                .param(kase)
                .query(UUID.class)
                .single();
        UUID protectedPerson = jdbc.sql("select id from person where family_name = '野々村' and given_name = '彩花'")
                .query(UUID.class)
                .single();
        UUID protectedHousehold = jdbc.sql("select household_id from household_member where person_id = ?")
                .param(protectedPerson)
                .query(UUID.class)
                .single();
        String url = path.replace("{household}", household.toString())
                .replace("{protectedHousehold}", protectedHousehold.toString())
                .replace("{protectedPerson}", protectedPerson.toString())
                .replace("{case}", kase.toString())
                .replace("{conference}", conference.toString());
        if (url.contains("{consent}")) {
            UUID consent = jdbc.sql("select id from consent where household_id = ? and withdrawn_at is null limit 1")
                    .param(household)
                    .query(UUID.class)
                    .single();
            url = url.replace("{consent}", consent.toString());
        }
        url = url.replace("{watch}", uuid("""
                        select r.id from watch_request r join staff_account a on a.id = r.volunteer_account_id
                        where a.username = 'minsei' and r.ended_at is null order by r.created_at limit 1"""))
                .replace(
                        "{protectedWatch}",
                        uuid("select id from watch_request where household_id = '" + protectedHousehold
                                + "' and ended_at is null limit 1"))
                .replace("{concern}", uuid("select id from watch_concern order by created_at limit 1"));
        browser.get("http://localhost:" + port + url + (url.contains("?") ? "&" : "?") + "lang=" + lang);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axe());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))));
                """);
        assertThat(violations)
                .as("axe violations on %s (%s)", url, lang)
                .filteredOn(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .isEmpty();
    }
}
