package org.marugoto.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.people.Sex;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Break-the-glass in the browser: a caseworker of another agency is refused, requests emergency access from the
 * refusal page with a reason, reads the household under a banner; the privacy officer reviews it.
 */
@MarugotoTest
class EmergencyAccessBrowserTests extends BrowserTest {

    @Autowired
    PeopleApi people;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void refusedBreaksTheGlassReadsUnderABannerAndThePrivacyOfficerReviews() {
        PeopleFixtures.actAs(users, "caseworker");
        MemberView kazuo = people.register(
                person("硝子", "和夫", "がらす", "かずお", Sex.MALE, LocalDate.of(1948, 8, 8), null, null), newHousehold());
        SecurityContextHolder.clearContext();
        UUID household = kazuo.householdId();

        logIn("caseworker5");
        browser.get("http://localhost:" + port + "/households/" + household);
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("許可されていません");
        assertThat(browser.getPageSource()).doesNotContain("硝子");
        click(By.id("break-glass"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("緊急アクセスの申請");

        browser.findElement(By.id("reason")).sendKeys("急ぎ");
        click(By.cssSelector("form.form button[type=submit]"));
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("文字以上の文章");

        WebElement reason = browser.findElement(By.id("reason"));
        reason.clear();
        reason.sendKeys("自宅で倒れているのを訪問看護師が発見し、搬送先の病院から服薬状況の問い合わせがあった。");
        click(By.cssSelector("form.form button[type=submit]"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("硝子家");
        assertThat(browser.findElement(By.id("emergency-banner")).getText()).contains("緊急アクセスで閲覧しています");

        UUID grant = jdbc.sql("select id from break_glass_grant where record_id = ? and username = 'caseworker5'")
                .param(household)
                .query(UUID.class)
                .single();
        logIn("privacy");
        click(By.linkText("緊急アクセスの確認"));
        WebElement card = browser.findElement(By.id("grant-" + grant));
        assertThat(card.getText()).contains("caseworker5").contains("訪問看護師");
        card.findElement(By.cssSelector("input[value=JUSTIFIED]")).click();
        card.findElement(By.tagName("textarea")).sendKeys("救急対応に必要な範囲の閲覧だった。");
        Browser.clickAndWaitForNextPage(browser, card.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .contains("確認を記録しました");
        assertThat(browser.findElements(By.id("grant-" + grant))).isEmpty();
    }
}
