package org.marugoto.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.people.Sex;
import org.marugoto.people.domain.LinkageService;
import org.marugoto.people.domain.PeopleService;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Record linkage as staff use it (decision 0029): the notice at registration, and the coordinator's review queue. */
@MarugotoTest
class LinkageBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    PeopleService people;

    @Autowired
    LinkageService linkage;

    @Autowired
    UserDetailsService users;

    WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
        SecurityContextHolder.clearContext();
    }

    private MemberView recordedBy(String username, String family, String given, String kana, String givenKana) {
        PeopleFixtures.actAs(users, username);
        return people.registerOnce(
                UUID.randomUUID(),
                PeopleFixtures.person(family, given, kana, givenKana, Sex.MALE, LocalDate.of(1974, 7, 3), null, null),
                PeopleFixtures.newHousehold(),
                false);
    }

    @Test
    void anAgencyUserRegisteringAPersonKnownElsewhereIsToldOnlyTheKindOfAgency() {
        recordedBy("caseworker2", "ベツキカン", "ヒロシ", "ベツキカン", "ヒロシ");
        SecurityContextHolder.clearContext();
        Browser.logIn(browser, port, "caseworker");
        browser.get("http://localhost:" + port + "/people/new");
        browser.findElement(By.id("familyName")).sendKeys("別機関");
        browser.findElement(By.id("givenName")).sendKeys("浩");
        browser.findElement(By.id("familyNameKana")).sendKeys("べつきかん");
        browser.findElement(By.id("givenNameKana")).sendKeys("ひろし");
        new Select(browser.findElement(By.id("sex"))).selectByValue("MALE");
        browser.findElement(By.id("birthDate")).sendKeys("S49.7.3");
        Browser.clickAndWaitForNextPage(
                browser, browser.findElement(By.cssSelector("form[action$='/people/new'] button[type=submit]")));
        String notice = browser.findElement(By.id("elsewhere")).getText();
        assertThat(notice).contains("他の機関にある可能性があります").doesNotContain("ベツキカン");
    }

    @Test
    void aCoordinatorConfirmsACandidateLinkFromTheReviewQueue() {
        MemberView earlier = recordedBy("caseworker2", "ナヨセ", "マサル", "ナヨセ", "マサル");
        MemberView later = recordedBy("caseworker", "名寄瀬", "勝", "なよせ", "まさる");
        SecurityContextHolder.clearContext();
        Browser.logIn(browser, port, "coordinator");
        browser.get("http://localhost:" + port + "/linkage");
        WebElement row = browser.findElement(By.xpath("//tr[contains(., '名寄瀬')]"));
        assertThat(row.getText()).contains("ナヨセ").contains("よみが同じ");
        Browser.clickAndWaitForNextPage(browser, row.findElement(By.cssSelector("button[value=confirm]")));
        assertThat(browser.findElement(By.id("main")).getText()).contains("同じ人として結び付けました");
        PeopleFixtures.actAs(users, "coordinator");
        assertThat(linkage.linkedWith(later.person().id()))
                .containsExactly(earlier.person().id());
    }

    @Test
    void aPersonKnownOnlyByAnApproximateAgeIsRegisteredAndShownAsEstimated() {
        Browser.logIn(browser, port, "caseworker");
        browser.get("http://localhost:" + port + "/people/new");
        browser.findElement(By.id("familyName")).sendKeys("年齢野");
        browser.findElement(By.id("givenName")).sendKeys("ウメ");
        browser.findElement(By.id("familyNameKana")).sendKeys("ねんれいの");
        browser.findElement(By.id("givenNameKana")).sendKeys("うめ");
        new Select(browser.findElement(By.id("sex"))).selectByValue("FEMALE");
        browser.findElement(By.id("birthDate")).sendKeys("そのうち");
        Browser.clickAndWaitForNextPage(
                browser, browser.findElement(By.cssSelector("form[action$='/people/new'] button[type=submit]")));
        assertThat(browser.findElement(By.id("birthDate-error")).getText()).contains("日付として読み取れません");

        WebElement birth = browser.findElement(By.id("birthDate"));
        birth.clear();
        birth.sendKeys("80歳くらい");
        Browser.clickAndWaitForNextPage(
                browser, browser.findElement(By.cssSelector("form[action$='/people/new'] button[type=submit]")));
        int year = LocalDate.now(org.marugoto.shared.Japan.ZONE).getYear() - 80;
        assertThat(browser.findElement(By.id("main")).getText()).contains(year + "年頃（推定）");
        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.linkText("年齢野 ウメ")));
        assertThat(browser.findElement(By.id("main")).getText()).contains(year + "年頃（推定）");
        assertThat(browser.findElement(By.id("birthDate")).getAttribute("value"))
                .isEqualTo(year + "年頃");
    }
}
