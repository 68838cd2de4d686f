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
                .contains("小林 さくら（美月野市 北部地域包括支援センター）")
                .contains("就労の相談");
        Browser.clickAndWaitForNextPage(browser, row.findElement(By.cssSelector("button[value=confirm]")));
        assertThat(browser.findElement(By.id("main")).getText()).contains("同じ人として結び付けました");
        PeopleFixtures.actAs(users, "coordinator");
        assertThat(linkage.linkedWith(son.person().id()))
                .containsExactly(earlier.person().id());
    }

    private long js(String script) {
        return ((Number) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(script)).longValue();
    }

    private void searchFor(String query) {
        browser.get("http://localhost:" + port + "/people?q="
                + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The 8050 story from the query (decision 0038): the 地域包括支援センター has no record of the son, whom the
     * 自立相談支援機関 knows (katakana only, a full-width phone). On a phone, the caseworker searches his name with the
     * full birth date and is told only the kind of agency; the keyboard reaches 「ここで登録してコーディネーターに確認を依頼」,
     * the registration form is filled from the query, and registering with the request puts the pair among the asked
     * ones, ahead of the rest, on the coordinator's queue. A name alone tells nothing.
     */
    @Test
    void anAgencyWithoutARecordSearchesNameAndBirthDateRegistersHereAndTheCoordinatorIsAsked() {
        PeopleFixtures.actAs(users, "caseworker2");
        MemberView earlier = people.register(
                PeopleFixtures.person(
                        "ツルミネ",
                        "ヨシオ",
                        "ツルミネ",
                        "ヨシオ",
                        Sex.MALE,
                        LocalDate.of(1971, 3, 15),
                        "美月野市桜台6-2-14",
                        "０８０（３３２１）５５１８"),
                PeopleFixtures.newHousehold());
        SecurityContextHolder.clearContext();

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        Browser.logIn(browser, port, "caseworker");

        // a name alone: no notice (the search is no probe of who is known where)
        searchFor("つるみね よしお");
        assertThat(browser.findElements(By.cssSelector(".elsewhere--query"))).isEmpty();
        assertThat(browser.findElement(By.id("main")).getText()).doesNotContain("他の機関にある可能性があります");

        // two name words and the full date of birth: the kind of agency, nothing of the other record
        searchFor("つるみね よしお S46.3.15");
        WebElement notice = browser.findElement(By.cssSelector(".elsewhere--query"));
        assertThat(notice.getText())
                .contains("この条件に当てはまる方の記録が他の機関にある可能性があります")
                .contains("自立相談支援機関")
                .doesNotContain("ツルミネ")
                .doesNotContain("桜台6-2-14")
                .doesNotContain("5518")
                .doesNotContain("山口");
        assertThat(browser.getPageSource()).doesNotContain(earlier.person().id().toString());
        assertThat(js("return document.documentElement.scrollWidth;"))
                .as("the search page with the notice scrolls sideways at 390 px")
                .isLessThanOrEqualTo(js("return window.innerWidth;"));

        // the keyboard reaches the notice's link (Tab from the top of the page) and follows it (Enter)
        WebElement link = notice.findElement(By.linkText("ここで登録してコーディネーターに確認を依頼"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.activeElement.blur();");
        boolean reached = false;
        for (int i = 0; i < 80 && !reached; i++) {
            browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
            reached = link.equals(browser.switchTo().activeElement());
        }
        assertThat(reached).as("the notice's link is reached with Tab").isTrue();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.marugotoOldPage = true;");
        browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> ((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript("return document.readyState === 'complete' && !window.marugotoOldPage;")
                        .equals(Boolean.TRUE));

        // the registration form, filled from the query
        assertThat(browser.getCurrentUrl()).contains("/people/new");
        assertThat(browser.findElement(By.id("familyNameKana")).getAttribute("value"))
                .isEqualTo("つるみね");
        assertThat(browser.findElement(By.id("givenNameKana")).getAttribute("value"))
                .isEqualTo("よしお");
        assertThat(browser.findElement(By.id("birthDate")).getAttribute("value"))
                .isEqualTo("昭和46年3月15日");
        assertThat(js("return document.documentElement.scrollWidth;"))
                .as("the registration form scrolls sideways at 390 px")
                .isLessThanOrEqualTo(js("return window.innerWidth;"));
        WebElement family = browser.findElement(By.id("familyName"));
        family.clear();
        family.sendKeys("鶴峰");
        WebElement given = browser.findElement(By.id("givenName"));
        given.clear();
        given.sendKeys("義男");
        new Select(browser.findElement(By.id("sex"))).selectByValue("MALE");
        Browser.clickAndWaitForNextPage(
                browser, browser.findElement(By.cssSelector("form[action$='/people/new'] button.button:not([name])")));

        // registering warns once more, by kind of agency, and registers with the request
        assertThat(browser.findElement(By.id("elsewhere")).getText())
                .contains("自立相談支援機関")
                .doesNotContain("ツルミネ");
        browser.findElement(By.id("askReason")).sendKeys("母の介護の相談で来所。息子さんが以前 就労の相談をしたと聞いた");
        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.id("ask-coordinator")));
        assertThat(browser.findElement(By.id("main")).getText()).contains("鶴峰 義男");
        assertThat(browser.findElement(By.id("asked-coordinator")).getText()).contains("コーディネーター）に確認を依頼しました");

        // the coordinator finds the request among the asked pairs, which come before the others
        browser.manage().deleteAllCookies();
        Browser.logIn(browser, port, "coordinator");
        browser.get("http://localhost:" + port + "/linkage");
        java.util.List<WebElement> rows = browser.findElements(By.cssSelector("tr.link-candidate"));
        int asked = -1;
        int firstNotAsked = rows.size();
        for (int i = 0; i < rows.size(); i++) {
            String row = rows.get(i).getText();
            if (asked < 0 && row.contains("鶴峰 義男")) {
                asked = i;
            }
            if (firstNotAsked == rows.size() && !row.contains("確認の依頼あり")) {
                firstNotAsked = i;
            }
        }
        assertThat(asked).as("the pair is on the queue").isNotNegative().isLessThan(firstNotAsked);
        assertThat(rows.get(asked).getText())
                .contains("ツルミネ ヨシオ")
                .contains("確認の依頼あり")
                .contains("小林 さくら（美月野市 北部地域包括支援センター）")
                .contains("就労の相談");
        assertThat(js("return document.documentElement.scrollWidth;"))
                .as("the queue scrolls sideways at 390 px")
                .isLessThanOrEqualTo(js("return window.innerWidth;"));
    }
}
