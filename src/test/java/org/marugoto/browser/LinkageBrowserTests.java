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

    /**
     * The 8050 story of issue #18 (decision 0038): the 地域包括支援センター supports an 80-year-old mother and records
     * her son; his earlier record at the 自立相談支援機関 (katakana only, a full-width phone) is not theirs to see. The
     * caseworker searches the son, is told only that a record may exist at a 自立相談支援機関, and asks the coordinator,
     * who finds the request first in the queue and confirms the link.
     */
    @Test
    void anAgencySearchesTheSonAsksTheCoordinatorAndTheCoordinatorConfirms() {
        PeopleFixtures.actAs(users, "caseworker2");
        MemberView earlier = people.register(
                PeopleFixtures.person(
                        "ハチマル", "ゴロウ", "ハチマル", "ゴロウ", Sex.MALE, LocalDate.of(1974, 7, 3), null, "０９０（４４１２）７７０３"),
                PeopleFixtures.newHousehold());
        PeopleFixtures.actAs(users, "caseworker");
        MemberView mother = people.register(
                PeopleFixtures.person(
                        "八丸", "ウメ", "はちまる", "うめ", Sex.FEMALE, LocalDate.of(1945, 2, 11), "美月野市桜台4-4-4", null),
                PeopleFixtures.newHousehold());
        MemberView son = people.register(
                PeopleFixtures.person(
                        "八丸", "五郎", "はちまる", "ごろう", Sex.MALE, LocalDate.of(1974, 7, 3), "美月野市桜台4-4-4", null),
                PeopleFixtures.joining(mother.householdId(), org.marugoto.people.Relationship.CHILD));
        SecurityContextHolder.clearContext();

        Browser.logIn(browser, port, "caseworker");
        browser.get("http://localhost:" + port + "/people?q="
                + java.net.URLEncoder.encode("はちまる ごろう", java.nio.charset.StandardCharsets.UTF_8));
        WebElement hit = browser.findElement(By.xpath("//tr[contains(., '八丸 五郎')]"));
        WebElement notice = hit.findElement(By.cssSelector(".elsewhere"));
        assertThat(notice.getText())
                .contains("他の機関にもある可能性があります")
                .contains("自立相談支援機関")
                .doesNotContain("ハチマル")
                .doesNotContain("7703");
        WebElement reason = notice.findElement(By.cssSelector("input[name=reason]"));
        reason.sendKeys("母の介護の相談で、息子さんが以前 就労の相談をしたと聞いた");
        Browser.clickAndWaitForNextPage(browser, notice.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.findElement(By.id("main")).getText())
                .contains("確認を依頼しました")
                .contains("確認を依頼済みです");

        browser.manage().deleteAllCookies();
        Browser.logIn(browser, port, "coordinator");
        browser.get("http://localhost:" + port + "/linkage");
        WebElement row =
                browser.findElement(By.xpath("//tr[contains(@class, 'link-candidate') and contains(., '八丸 五郎')]"));
        assertThat(row.getText())
                .as("the asked pair, with who asked and why")
                .contains("八丸 五郎")
                .contains("ハチマル ゴロウ")
                .contains("確認の依頼あり")
                .contains("caseworker")
                .contains("就労の相談");
        Browser.clickAndWaitForNextPage(browser, row.findElement(By.cssSelector("button[value=confirm]")));
        assertThat(browser.findElement(By.id("main")).getText()).contains("同じ人として結び付けました");
        PeopleFixtures.actAs(users, "coordinator");
        assertThat(linkage.linkedWith(son.person().id()))
                .containsExactly(earlier.person().id());
    }
}
