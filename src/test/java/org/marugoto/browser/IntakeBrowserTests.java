package org.marugoto.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A caseworker finds households, registers one of three generations and records a consultation, in the browser. */
@MarugotoTest
class IntakeBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("caseworker");
        browser.findElement(By.id("password")).sendKeys("marugoto-demo");
        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.cssSelector("form.form button[type=submit]")));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Submits the main form and waits until the next page has replaced this one. */
    void submit() {
        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.cssSelector("form.form button[type=submit]")));
    }

    void registerPerson(String family, String given, String familyKana, String givenKana, String sex, String birth) {
        type("familyName", family);
        type("givenName", given);
        type("familyNameKana", familyKana);
        type("givenNameKana", givenKana);
        new Select(browser.findElement(By.id("sex"))).selectByValue(sex);
        type("birthDate", birth);
    }

    @Test
    void searchingInKanaFindsTheKanjiName() {
        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.linkText("相談受付・検索")));
        type("q", "ｻｻｷ ﾄﾐ");
        browser.findElement(By.cssSelector("form[role=search] button")).click();

        WebElement first = browser.findElement(By.cssSelector("#results tr.search-hit"));
        assertThat(first.getText()).contains("佐々木 トミ").contains("昭和19年3月12日").contains("よみが一致");
    }

    @Test
    void registersAHouseholdOfThreeGenerationsAndSeesItAsOnePage() {
        browser.get("http://localhost:" + port + "/people/new");
        registerPerson("花籠", "ミツ", "はなかご", "みつ", "FEMALE", "昭和12年5月1日");
        type("address", "美月野市桜台一丁目5番2号");
        submit();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("花籠家");

        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.linkText("世帯員を追加")));
        registerPerson("花籠", "修", "はなかご", "おさむ", "MALE", "S42.8.15");
        new Select(browser.findElement(By.id("relationship"))).selectByValue("CHILD");
        submit();

        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.linkText("世帯員を追加")));
        registerPerson("花籠", "颯", "はなかご", "はやて", "MALE", "2012-06-30");
        new Select(browser.findElement(By.id("relationship"))).selectByValue("GRANDCHILD");
        submit();

        List<String> generations = browser.findElements(By.cssSelector(".genogram-label")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(generations).containsExactly("本人の世代", "子の世代", "孫の世代");
        assertThat(browser.findElement(By.id("main")).getText())
                .contains("現在の世帯員（3人）")
                .contains("昭和12年5月1日")
                .doesNotContain("（1937-05-01）")
                .contains("花籠 颯さんを世帯員として登録しました");
    }

    @Test
    void warnsOfAPossibleDuplicateBeforeRegistering() {
        browser.get("http://localhost:" + port + "/people/new");
        registerPerson("佐佐木", "とみ", "ササキ", "トミ", "FEMALE", "S19.3.12");
        submit();

        WebElement warning = browser.findElement(By.id("duplicates"));
        assertThat(warning.getText()).contains("同じ人かもしれない記録").contains("佐々木 トミ").contains("生年月日が同じ");
        assertThat(jdbc.sql(
                                "select count(*) from person where given_name in ('トミ', 'とみ') and birth_date = '1944-03-12'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        Browser.clickAndWaitForNextPage(browser, warning.findElement(By.partialLinkText("佐々木家")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("佐々木家");
    }

    @Test
    void recordsAConsultationWithSeveralIssuesAndConsentRefused() {
        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.linkText("相談受付・検索")));
        type("q", "ささき とみ");
        browser.findElement(By.cssSelector("form[role=search] button")).click();
        browser.findElement(By.cssSelector("#results tr.search-hit td:nth-child(4) a"))
                .click();
        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.linkText("相談を記録する")));

        new Select(browser.findElement(By.id("channel"))).selectByValue("HOME_VISIT");
        new Select(browser.findElement(By.id("consulterType"))).selectByValue("SELF");
        browser.findElement(By.cssSelector("#personIds input[type=checkbox]")).click();
        for (String issue : List.of("SELF_NEGLECT", "HEALTH", "FOOD")) {
            browser.findElement(By.cssSelector("#issueCodes input[value=" + issue + "]"))
                    .click();
        }
        new Select(browser.findElement(By.id("mainIssueCode"))).selectByValue("SELF_NEGLECT");
        type("ownWords", "腰が痛くて買い物に行けない。でも人の世話にはならない。");
        new Select(browser.findElement(By.id("consentStatus"))).selectByValue("REFUSED");
        new Select(browser.findElement(By.id("firstResponse"))).selectByValue("OUTREACH_NEEDED");
        submit();

        // the consent date is missing: the form says so and keeps what was typed
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("同意の有無を確認した日を入力してください。");
        assertThat(browser.findElement(By.id("ownWords")).getAttribute("value")).startsWith("腰が痛くて");
        type("consentDate", "令和8年11月1日");
        submit();

        String page = browser.findElement(By.id("main")).getText();
        assertThat(page)
                .contains("相談を記録しました。")
                .contains("ごみ屋敷・セルフネグレクト ★")
                .contains("病気・健康・障害")
                .contains("食べるものがない")
                .contains("同意しない")
                .contains("アウトリーチが必要");

        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.partialLinkText("佐々木家へ戻る")));
        assertThat(browser.findElement(By.id("consultations")).getText()).contains("ごみ屋敷・セルフネグレクト");
    }
}
