package org.marugoto.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * DV protection in the browser: the caseworker who knows the household sees it with the badge and without the
 * address; the privacy officer reveals the address only after stating a purpose and re-entering the password.
 */
@MarugotoTest
class ProtectionBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    String main() {
        return browser.findElement(By.id("main")).getText();
    }

    @Test
    void theCaseworkerSeesTheMaskedHouseholdAndThePrivacyOfficerRevealsAfterReauthenticating() {
        UUID ayaka = jdbc.sql("select id from person where family_name = '野々村' and given_name = '彩花'")
                .query(UUID.class)
                .single();
        String address = jdbc.sql("select address from person where id = ?")
                .param(ayaka)
                .query(String.class)
                .single();

        logIn("caseworker3");
        click(By.linkText("相談受付・検索"));
        type("q", "ののむら あやか");
        browser.findElement(By.cssSelector("form[role=search] button")).click();
        WebElement hit = browser.findElement(By.xpath("//tr[contains(@class,'search-hit')][.//a[text()='野々村 彩花']]"));
        assertThat(hit.getText()).contains("支援措置対象", "支援措置のため非表示").doesNotContain(address);
        click(By.xpath("//tr[contains(@class,'search-hit')][.//a[text()='野々村 彩花']]/td[4]/a"));
        assertThat(main())
                .contains("野々村家", "支援措置対象", "住所：（支援措置のため非表示）", "野々村 湊")
                .doesNotContain(address);
        screenshot("protected-household");

        logIn("privacy");
        click(By.linkText("支援措置"));
        assertThat(main()).contains("野々村 彩花", "併せて保護：野々村 湊").doesNotContain(address);
        click(By.linkText("野々村 彩花さんの住所等を確認"));
        type("purpose", "配偶者暴力相談支援センターからの照会への回答");
        click(By.cssSelector("form.form button[type=submit]"));
        // the login with the second factor a moment ago counts as the re-authentication for this first reveal
        assertThat(main()).contains(address, "この表示は監査ログに記録されました");
        screenshot("revealed");

        // each reveal uses the re-authentication up: the next one asks for the password and the code again
        browser.get("http://localhost:" + port + "/protection/" + ayaka);
        type("purpose", "警察署からの照会への回答");
        click(By.cssSelector("form.form button[type=submit]"));
        confirmPassword();
        click(By.cssSelector("form.form button[type=submit]"));
        assertThat(browser.getCurrentUrl()).endsWith("/protection/" + ayaka);
        assertThat(main()).doesNotContain(address);
        type("purpose", "警察署からの照会への回答");
        click(By.cssSelector("form.form button[type=submit]"));
        assertThat(main()).contains(address);
    }

    /** Leaves a picture of the page in target/screenshots for a person to look at. */
    void screenshot(String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(
                    dir.resolve(name + ".png"),
                    ((org.openqa.selenium.TakesScreenshot) browser)
                            .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
