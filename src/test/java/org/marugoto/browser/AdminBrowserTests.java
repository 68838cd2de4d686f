package org.marugoto.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.area.AreaApi;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/** An administrator logs in in Japanese and manages the area hierarchy, as a person would in the browser. */
@MarugotoTest
class AdminBrowserTests extends BrowserTest {

    @Autowired
    AreaApi areas;

    void logIn(String username) {
        browser.get("http://localhost:" + port + "/login");
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("ログイン");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("marugoto-demo");
        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.cssSelector("form.form button[type=submit]")));
        Browser.answerSecondFactor(browser, Browser.DEMO_TOTP_SECRET);
    }

    @Test
    void anAdministratorAddsANeighbourhoodAssociationAfterFixingAMistake() {
        logIn("admin");
        assertThat(browser.findElement(By.id("home-agency")).getText()).isEqualTo("美月野市 総務部 情報政策課");
        assertThat(browser.findElement(By.id("home-roles")).getText()).contains("システム管理者");

        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.linkText("圏域")));
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("圏域の管理");
        browser.findElement(By.cssSelector("a[aria-label='旭地区社会福祉協議会の下に圏域を追加']"))
                .click();

        assertThat(new Select(browser.findElement(By.id("level")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("自治会・町内会");
        browser.findElement(By.id("code")).sendKeys("E1-2-K-J3");
        browser.findElement(By.id("nameKana")).sendKeys("旭三丁目");
        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.cssSelector("form.form button[type=submit]")));

        assertThat(browser.findElement(By.id("error-summary")).getText())
                .contains("入力内容に誤りがあります")
                .contains("入力してください。")
                .contains("よみがなは、ひらがなまたはカタカナで入力してください。");
        assertThat(browser.findElement(By.id("name")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(areas.findByCode("E1-2-K-J3")).isEmpty();

        browser.findElement(By.id("name")).sendKeys("旭三丁目自治会");
        browser.findElement(By.id("nameKana")).clear();
        browser.findElement(By.id("nameKana")).sendKeys("あさひさんちょうめじちかい");
        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.cssSelector("form.form button[type=submit]")));

        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .contains("「旭三丁目自治会」を保存しました");
        assertThat(browser.findElement(By.tagName("table")).getText()).contains("旭三丁目自治会");
        assertThat(areas.findByCode("E1-2-K-J3"))
                .hasValueSatisfying(a -> assertThat(a.depth()).isEqualTo(4));
    }

    @Test
    void theLanguageSwitchesToEnglishAndStays() {
        logIn("caseworker");
        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.linkText("English")));
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("Hello, 小林 さくら");
        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.linkText("Agencies & counters")));
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("Agencies & counters");
        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.linkText("日本語")));
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("機関・窓口");
    }
}
