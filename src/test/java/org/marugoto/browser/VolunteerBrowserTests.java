package org.marugoto.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.people.Sex;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The volunteer's loop in the browser: a caseworker asks 民生委員 minsei to watch a household; minsei sees it on her
 * page and raises a concern about it; the caseworker finds it in the agency's inbox and takes it up.
 */
@MarugotoTest
class VolunteerBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    PeopleApi people;

    @Autowired
    UserDetailsService users;

    @Autowired
    org.marugoto.consent.ConsentApi consents;

    WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    void logIn(String username) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("marugoto-demo");
        Browser.clickAndWaitForNextPage(browser, browser.findElement(By.cssSelector("form.form button[type=submit]")));
    }

    void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    void click(By by) {
        Browser.clickAndWaitForNextPage(browser, browser.findElement(by));
    }

    String main() {
        return browser.findElement(By.id("main")).getText();
    }

    @Test
    void aCaseworkerAsksMinseiToWatchMinseiRaisesAConcernAndTheCaseworkerSeesIt() {
        PeopleFixtures.actAs(users, "caseworker");
        UUID household = people.register(
                        person(
                                "星野",
                                "ウメ",
                                "ほしの",
                                "うめ",
                                Sex.FEMALE,
                                LocalDate.of(1939, 3, 3),
                                "美月野市星見町5番5号",
                                "0470-99-1234"),
                        newHousehold())
                .householdId();
        String name = people.household(household, "test").name();
        // the request rests on the household's consent: it is on record
        org.marugoto.watch.WatchFixtures.consentToWatch(consents, people, users, household, "minsei");
        SecurityContextHolder.clearContext();

        logIn("caseworker");
        browser.get("http://localhost:" + port + "/households/" + household);
        click(By.linkText("民生委員に見守りを依頼する"));
        new Select(browser.findElement(By.id("volunteerId"))).selectByVisibleText("田中 キヨ子");
        type("watchFor", "新聞がたまっていないか");
        type("frequency", "週1回の声かけ");
        browser.findElement(By.cssSelector("#basis input[value=CONSENT]")).click();
        type("sharedNote", "午前中は通院していることが多いです");
        click(By.cssSelector("form.form button[type=submit]"));
        assertThat(main()).contains("見守りを依頼しました").contains("田中 キヨ子").contains("新聞がたまっていないか");

        logIn("minsei");
        assertThat(browser.getCurrentUrl()).endsWith("/volunteer");
        assertThat(browser.findElement(By.cssSelector("nav.site-nav")).getText())
                .contains("見守り")
                .contains("機関・窓口")
                .doesNotContain("相談受付・検索");
        click(By.linkText(name));
        assertThat(main())
                .contains("星野 ウメ")
                .contains("美月野市星見町5番5号")
                .contains("午前中は通院していることが多いです")
                .doesNotContain("0470-99-1234");
        click(By.linkText("この世帯について気になることを伝える"));
        assertThat(new Select(browser.findElement(By.id("requestId")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo(name);
        type("noticed", "3日分の新聞が郵便受けに入ったままです");
        browser.findElement(By.cssSelector("#urgency input[value=URGENT]")).click();
        click(By.cssSelector("form.form button[type=submit]"));
        assertThat(main()).contains("気になることを伝えました").contains("3日分の新聞が郵便受けに入ったままです");

        logIn("caseworker");
        click(By.linkText("気になること"));
        WebElement row = browser.findElement(By.xpath("//tr[td[text()='" + name + "']]"));
        assertThat(row.getText()).contains("急ぎ").contains("田中 キヨ子").contains("未対応");
        Browser.clickAndWaitForNextPage(browser, row.findElement(By.tagName("a")));
        assertThat(main()).contains("3日分の新聞が郵便受けに入ったままです");
        type("note", "当日中に訪問します");
        click(By.cssSelector("form.form button[type=submit]"));
        assertThat(main()).contains("受け止めました").contains("受け止め済み");

        logIn("minsei");
        assertThat(main()).contains("受け止め済み").doesNotContain("当日中に訪問します");
    }
}
