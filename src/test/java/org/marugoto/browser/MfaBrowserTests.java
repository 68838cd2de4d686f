package org.marugoto.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.access.Role;
import org.marugoto.access.domain.StaffCommand;
import org.marugoto.access.domain.StaffService;
import org.marugoto.directory.DirectoryApi;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A caseworker sets up two-step verification from the account page (reading the key shown next to the QR code, as
 * a person would type it into an app), keeps the recovery codes, and logs in again with a code; a demo privacy
 * officer logs in with the documented demo secret.
 */
@MarugotoTest
class MfaBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffService staff;

    @Autowired
    DirectoryApi directory;

    WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    void createCaseworker(String username) {
        var admin = staff.loadUserByUsername("admin");
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        try {
            UUID agency = directory.agencyByCode("KODOMO").orElseThrow().id();
            staff.create(
                    username,
                    "marugoto-demo",
                    new StaffCommand("試験 認証", "しけん にんしょう", null, agency, Set.of(Role.CASEWORKER), true));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void aCaseworkerSetsUpTwoStepVerificationAndLogsInWithIt() {
        createCaseworker("t.browser.mfa");
        Browser.logIn(browser, port, "t.browser.mfa");
        assertThat(browser.getCurrentUrl()).endsWith("/");

        browser.get("http://localhost:" + port + "/account");
        assertThat(browser.findElement(By.id("mfa-status")).getText()).isEqualTo("まだ設定されていません。");
        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.linkText("2段階認証を設定する")));

        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("2段階認証の設定");
        assertThat(browser.findElement(By.cssSelector("img[src^='data:image/svg+xml']"))
                        .getAttribute("alt"))
                .contains("QR");
        String secret = browser.findElement(By.id("mfa-secret")).getText().replace(" ", "");
        assertThat(secret).hasSize(32);

        browser.findElement(By.id("code")).sendKeys("000000");
        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.cssSelector("form.form button[type=submit]")));
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("コードが正しくないか");

        browser.findElement(By.id("code")).sendKeys(Browser.nextCode(secret));
        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.cssSelector("form.form button[type=submit]")));
        assertThat(browser.findElement(By.cssSelector("h1")).getText())
                .as(() -> browser.getPageSource())
                .isEqualTo("回復コード");
        assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);

        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.linkText("保管しました。続ける")));
        assertThat(browser.findElement(By.id("mfa-status")).getText()).contains("未使用の回復コード：10個");

        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.cssSelector(".user-box button[type=submit]")));
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("t.browser.mfa");
        browser.findElement(By.id("password")).sendKeys("marugoto-demo");
        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.cssSelector("form.form button[type=submit]")));
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("2段階認証");
        // nothing else is reachable meanwhile
        browser.get("http://localhost:" + port + "/people");
        assertThat(browser.getCurrentUrl()).endsWith("/login/mfa");

        Browser.answerSecondFactor(browser, secret);
        assertThat(browser.findElement(By.id("home-agency")).getText()).isEqualTo("美月野市 こども家庭センター");
    }

    @Test
    void aDemoPrivacyOfficerLogsInWithTheDocumentedDemoSecret() {
        Browser.logIn(browser, port, "privacy2");
        assertThat(browser.getCurrentUrl()).endsWith("/");
        assertThat(browser.findElement(By.id("home-roles")).getText()).isNotBlank();
        browser.get("http://localhost:" + port + "/account");
        assertThat(browser.findElement(By.id("mfa-status")).getText()).startsWith("設定済みです");
    }
}
