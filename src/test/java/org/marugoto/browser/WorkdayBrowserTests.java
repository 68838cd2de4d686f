package org.marugoto.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.Urgency;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.PeopleApi;
import org.marugoto.referral.ReferralView;
import org.marugoto.referral.domain.ReferralService;
import org.marugoto.referral.domain.SendReferral;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Japan;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A caseworker's day in the browser: the home page's work, one click to each item; the lists filtered and sorted; a
 * declined referral sent again to the suggested agency; the suggested agencies following the issues ticked; the
 * household's genogram.
 */
@MarugotoTest
class WorkdayBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    ReferralService referrals;

    @Autowired
    PeopleApi people;

    @Autowired
    DirectoryApi directory;

    UUID household(String name) {
        return jdbc.sql("select id from household where name = ? order by case_number limit 1")
                .param(name)
                .query(UUID.class)
                .single();
    }

    @Test
    void theHomeListsTheWorkAndEachItemOpensWhereItIsDone() {
        logIn("caseworker");
        WebElement answer = browser.findElement(By.id("referrals-to-answer"));
        WebElement first = answer.findElement(By.cssSelector(".work-items a"));
        String label = first.getText();
        assertThat(label).startsWith("R");
        click(By.cssSelector("#referrals-to-answer .work-items a"));
        assertThat(browser.getCurrentUrl()).contains("/referrals/");
        assertThat(text(By.tagName("h1"))).contains(label.split(" ")[0]);

        browser.get(url("/"));
        String kase =
                browser.findElement(By.cssSelector("#my-cases .work-items a")).getText();
        click(By.cssSelector("#my-cases .work-items a"));
        assertThat(browser.getCurrentUrl()).contains("/cases/");
        assertThat(text(By.tagName("main"))).contains(kase.split(" ")[0]);

        logIn("coordinator");
        click(By.cssSelector("#coordination a[href$='/cases?all=true']"));
        assertThat(browser.findElement(By.id("case-list")).getText()).contains("佐々木家");
    }

    @Test
    void theReferralListIsFilteredAndSortedInTheBrowser() {
        logIn("caseworker2");
        click(By.linkText("つなぎ"));
        new Select(browser.findElement(By.id("state"))).selectByValue("IN_PROGRESS");
        new Select(browser.findElement(By.id("sort"))).selectByValue("OLDEST");
        click(By.cssSelector("form.list-filter button"));
        List<String> states = browser.findElements(By.cssSelector("#inbox-table td[data-label='状態']")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(states).isNotEmpty().allMatch(s -> s.startsWith("支援中"));
        assertThat(browser.findElement(By.cssSelector("#inbox-table td[data-label='世帯']"))
                        .getText())
                .isNotBlank();
        assertThat(new Select(browser.findElement(By.id("sort")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("OLDEST");
    }

    @Test
    void aDeclinedReferralIsSentAgainToTheSuggestedAgencyInOneClick() {
        UUID household = household("月岡家");
        ReferralView sent;
        try {
            CurrentActor.actAs(users.loadUserByUsername("caseworker"));
            sent = referrals.send(new SendReferral(
                    household,
                    null,
                    directory.agencyByCode("HEALTH").orElseThrow().id(),
                    null,
                    List.of(people.members(household).getFirst().person().id()),
                    List.of("ISOLATION"),
                    Urgency.NORMAL,
                    "80代女性、外出が減り食事量も少ない（ブラウザでの確認）",
                    null,
                    null,
                    ConsentStatus.NOT_ASKED,
                    null,
                    LocalDate.now(Japan.ZONE).plusDays(7)));
            CurrentActor.actAs(users.loadUserByUsername("caseworker5"));
            referrals.decline(
                    sent.id(),
                    sent.version(),
                    "地域の居場所につなぐ方が合っていると考えます。",
                    directory.agencyByCode("SHAKYO").orElseThrow().id());
        } finally {
            SecurityContextHolder.clearContext();
        }
        logIn("caseworker");
        browser.get(url("/referrals/" + sent.id()));
        click(By.id("resend"));
        assertThat(text(By.cssSelector("[role=status]"))).contains("つなぎを送りました");
        assertThat(text(By.tagName("h1"))).doesNotContain(sent.referenceNumber());
        assertThat(text(By.id("main"))).contains("社会福祉協議会").contains("外出が減り食事量も少ない");
    }

    @Test
    void theSuggestedAgenciesFollowTheIssuesTicked() {
        logIn("caseworker");
        browser.get(url("/households/" + household("月岡家") + "/referrals/new"));
        for (String code : List.of("ABUSE_DV", "CHILDCARE", "FAMILY")) {
            browser.findElement(By.cssSelector("#issueCodes input[value=" + code + "]"))
                    .click();
        }
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(driver -> driver.findElement(By.cssSelector("#toAgencyId optgroup option"))
                        .getText()
                        .equals("美月野市 こども家庭センター"));
        // what was typed and ticked stays: only the agency field was replaced
        assertThat(browser.findElement(By.cssSelector("#issueCodes input[value=FAMILY]"))
                        .isSelected())
                .isTrue();
    }

    @Test
    void theHouseholdPageDrawsTheGenogram() {
        logIn("caseworker3");
        browser.get(url("/households/" + household("髙橋家")));
        WebElement svg = browser.findElement(By.id("genogram"));
        assertThat(svg.isDisplayed()).isTrue();
        assertThat(svg.findElements(By.cssSelector("g.genogram-node"))).hasSize(3);
        assertThat(svg.findElements(By.cssSelector("line.genogram-line"))).isNotEmpty();
        assertThat(text(By.id("genogram-text"))).isNotBlank();
    }
}
