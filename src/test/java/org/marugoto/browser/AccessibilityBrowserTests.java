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
        "/admin/areas, ja, admin",
        "/admin/staff/new, en, admin",
        "/audit, ja, auditor",
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
        String url = path.replace("{household}", household.toString());
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
