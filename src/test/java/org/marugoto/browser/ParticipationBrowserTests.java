package org.marugoto.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.area.AreaApi;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.people.Sex;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Participation support as a worker does it: a person's wishes, the ranked roles and places, an introduction to a farm
 * that goes through a visit and a trial (with support for the host) to settling in; and a need nothing met, recorded
 * and seen in the counts by area and kind.
 */
@MarugotoTest
class ParticipationBrowserTests extends BrowserTest {

    @Autowired
    PeopleApi people;

    @Autowired
    AreaApi areas;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.marugoto.participation.domain.ParticipationService participationService;

    String main() {
        return browser.findElement(By.id("main")).getText();
    }

    void nextStep(UUID match, String step, String accompanied, String hostSupport) {
        browser.findElement(By.cssSelector("#match-" + match + " details summary"))
                .click();
        browser.findElement(By.id("to-" + step + "-" + match)).click();
        if (!accompanied.isEmpty()) {
            type("accompaniedBy-" + match, accompanied);
        }
        if (!hostSupport.isEmpty()) {
            type("hostSupport-" + match, hostSupport);
        }
        click(By.id("step-submit-" + match));
        assertThat(main()).contains("記録しました");
    }

    @Test
    void aPersonIsMatchedThroughVisitAndTrialToSettlingInWithHostSupport() {
        PeopleFixtures.actAs(users, "csw");
        UUID household = people.register(
                        person("畑中", "誠", "はたなか", "まこと", Sex.MALE, LocalDate.of(1980, 8, 8), null, null),
                        newHousehold())
                .householdId();
        SecurityContextHolder.clearContext();
        UUID north = areas.findByCode("N").orElseThrow().id();

        logIn("csw");
        browser.get(url("/households/" + household));
        click(By.id("new-participation"));
        browser.findElement(By.id("person-0")).click();
        type("wishes", "外で体を動かす仕事をしてみたい。");
        browser.findElement(By.id("interest-OUTDOORS")).click();
        new Select(browser.findElement(By.id("areaId"))).selectByValue(north.toString());
        click(By.id("start-submit"));
        assertThat(main()).contains("参加支援を始めました");
        String first = text(By.cssSelector("#ranked > li:first-child h3"));
        assertThat(first).contains("月見ヶ丘ファームの畑作業");
        assertThat(text(By.cssSelector("#ranked > li:first-child ul.reasons")))
                .contains("近い")
                .contains("関心が合う");

        click(By.cssSelector("#ranked > li:first-child button"));
        assertThat(main()).contains("紹介を記録しました");
        String profile = browser.getCurrentUrl().replaceAll("\\?.*", "");
        UUID match = jdbc.sql("select id from participation_match where profile_id = ?")
                .param(UUID.fromString(profile.substring(profile.lastIndexOf('/') + 1)))
                .query(UUID.class)
                .single();

        nextStep(match, "VISITED", "井上（社協）", "");
        nextStep(match, "TRIAL", "", "農家さん：作業の手順を紙にしてほしい → 手順表を作って渡した");
        nextStep(match, "SETTLED", "", "");
        assertThat(text(By.cssSelector("#match-" + match + " .match-step"))).isEqualTo("定着");
        assertThat(browser.findElements(By.cssSelector("#match-" + match + " ol.steps > li")))
                .hasSize(4);
        assertThat(text(By.id("match-" + match))).contains("同行：井上（社協）").contains("手順表を作って渡した");

        // the household page lists it
        browser.get(url("/households/" + household));
        assertThat(text(By.id("participation"))).contains("月見ヶ丘ファームの畑作業").contains("定着");
    }

    @Test
    void aNeedNothingMetIsRecordedAndSeenInTheCountsByAreaAndKind() {
        UUID east = areas.findByCode("E").orElseThrow().id();
        logIn("caseworker");
        browser.get(url("/participation"));
        click(By.id("to-needs"));
        type("what", "夕方に通える、車いすで入れる居場所");
        new Select(browser.findElement(By.id("kind"))).selectByValue("PLACE_ROLE");
        new Select(browser.findElement(By.id("areaId"))).selectByValue(east.toString());
        type("forWhom", "車いすを使う若い人");
        browser.findElement(By.cssSelector("#issueCodes input[value=ISOLATION]"))
                .click();
        click(By.id("need-submit"));
        assertThat(main()).contains("記録しました").contains("夕方に通える、車いすで入れる居場所");
        String counts = text(By.id("need-counts"));
        assertThat(counts).contains("東部圏域").contains("居場所での役割");

        logIn("planner");
        browser.get(url("/participation/needs"));
        assertThat(text(By.id("need-counts"))).contains("東部圏域");
        assertThat(text(By.id("needs"))).contains("夕方に通える、車いすで入れる居場所");
    }

    long js(String script) {
        return ((Number) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(script)).longValue();
    }

    void fitsAPhone(String page) {
        assertThat(js("return document.documentElement.scrollWidth;"))
                .as("%s scrolls sideways at 390 px", page)
                .isLessThanOrEqualTo(js("return window.innerWidth;"));
    }

    @Test
    void anOpportunityIsChangedOnAPhoneAndAStaleChangeIsRefused() {
        org.marugoto.people.PeopleFixtures.actAs(users, "csw");
        participationService.addOpportunity(new org.marugoto.participation.NewOpportunity(
                jdbc.sql("select id from agency where code = 'SHAKYO'")
                        .query(UUID.class)
                        .single(),
                "公民館の受付の手伝い",
                org.marugoto.participation.OpportunityKind.VOLUNTEER_ROLE,
                null,
                null,
                "毎週水曜 10:00–12:00",
                2,
                List.of(),
                List.of(),
                null,
                null,
                null,
                null));
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        logIn("csw");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.get(url("/participation/opportunities"));
        fitsAPhone("/participation/opportunities");
        browser.findElements(By.cssSelector("a.edit-opportunity")).stream()
                .filter(a -> a.getText().contains("公民館の受付の手伝い"))
                .findFirst()
                .ifPresent(a -> Browser.clickAndWaitForNextPage(browser, a));
        assertThat(text(By.tagName("h1"))).contains("公民館の受付の手伝い");
        fitsAPhone("the opportunity's edit page");
        type("daysHours", "毎週火曜・金曜 9:00–11:30（雨天は屋内作業）");
        type("capacity", "3");
        click(By.id("save-opportunity"));
        assertThat(main()).contains("保存しました").contains("毎週火曜・金曜 9:00–11:30（雨天は屋内作業）");

        // someone else saved first: the page says so and shows the newest content
        browser.findElements(By.cssSelector("a.edit-opportunity")).stream()
                .filter(a -> a.getText().contains("公民館の受付の手伝い"))
                .findFirst()
                .ifPresent(a -> Browser.clickAndWaitForNextPage(browser, a));
        jdbc.sql("update participation_opportunity set version = version + 1 where title = '公民館の受付の手伝い'")
                .update();
        type("cost", "無料（昼食は持参）");
        click(By.id("save-opportunity"));
        assertThat(main()).contains("他の人がこの記録を更新しました");
        assertThat(browser.findElement(By.id("cost")).getAttribute("value")).isNotEqualTo("無料（昼食は持参）");
    }
}
