package org.marugoto.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.TestClock;
import org.marugoto.consent.ConsentApi;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.people.Sex;
import org.marugoto.shared.Actor;
import org.marugoto.shared.Japan;
import org.marugoto.watch.AskToWatch;
import org.marugoto.watch.WatchBasis;
import org.marugoto.watch.domain.WatchService;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Outreach as a worker does it: a welfare commissioner raises a concern about a man they watch, the council's CSW
 * opens an outreach record from it in one click, logs five visits and letters over three months while the stage
 * moves, and makes it a multi-agency case; the case page links back to the record.
 */
@MarugotoTest
class OutreachBrowserTests extends BrowserTest {

    @Autowired
    PeopleApi people;

    @Autowired
    ConsentApi consents;

    @Autowired
    WatchService watches;

    @Autowired
    UserDetailsService users;

    @Autowired
    org.marugoto.directory.DirectoryApi directory;

    String main() {
        return browser.findElement(By.id("main")).getText();
    }

    void choose(String name, String value) {
        browser.findElement(By.cssSelector("input[name=" + name + "][value=" + value + "]"))
                .click();
    }

    @Test
    void fromAVolunteersConcernThroughFiveAttemptsOverThreeMonthsToACase() {
        LocalDate today = Japan.today(TestClock.INSTANCE);
        PeopleFixtures.actAs(users, "csw");
        UUID household = people.register(
                        person("外山", "源三", "とやま", "げんぞう", Sex.MALE, LocalDate.of(1952, 6, 6), "美月野市南台四丁目2番", null),
                        newHousehold())
                .householdId();
        String name = people.household(household, "test").name();
        org.marugoto.watch.WatchFixtures.consentToWatch(consents, people, users, household, "minsei");
        watches.ask(
                household,
                new AskToWatch(
                        ((Actor) users.loadUserByUsername("minsei")).accountId(),
                        "ごみが増えていないか",
                        "月2回",
                        null,
                        WatchBasis.CONSENT,
                        null,
                        null));
        SecurityContextHolder.clearContext();

        // the welfare commissioner notices something
        logIn("minsei");
        click(By.linkText(name));
        click(By.linkText("この世帯について気になることを伝える"));
        type("noticed", "庭のごみが道路まで出てきました。声をかけても出てきません。");
        choose("urgency", "SOON");
        click(By.cssSelector("form.form button[type=submit]"));
        assertThat(main()).contains("気になることを伝えました");

        // the council's CSW takes it up and opens the outreach record in one click
        logIn("csw");
        click(By.linkText("気になること"));
        WebElement row = browser.findElement(By.xpath("//tr[td[text()='" + name + "']]"));
        Browser.clickAndWaitForNextPage(browser, row.findElement(By.tagName("a")));
        click(By.id("concern-outreach"));
        assertThat(main()).contains("民生委員の「気になること」から").contains("庭のごみが道路まで出てきました");
        browser.findElement(By.id("person-0")).click();
        browser.findElement(By.cssSelector("input[name=issueCodes][value=SELF_NEGLECT]"))
                .click();
        LocalDate first = today.minusDays(95);
        setValue("firstConcernOn", first.toString());
        type("keyName-0", "隣の松田さん");
        type("keyRelation-0", "隣人");
        click(By.id("open-submit"));
        assertThat(main()).contains("アウトリーチの記録を始めました").contains("把握").contains("隣の松田さん（隣人）");
        String recordUrl = browser.getCurrentUrl().replaceAll("\\?.*", "");
        String number = text(By.cssSelector("h1 span:nth-child(2)"));

        // five attempts over three months, the stage moving with them
        List<String[]> attempts = List.of(
                new String[] {"5", "VISIT", "NO_ANSWER", "呼び鈴に応答なし", "TRYING"},
                new String[] {"20", "LETTER", "LEFT_NOTE", "名刺と手紙を入れた", null},
                new String[] {"40", "VIA_COMMISSIONER", "THROUGH_DOOR", "ドア越しに「大丈夫だ」", null},
                new String[] {"62", "VISIT", "MET", "玄関先で10分話せた", "MET"},
                new String[] {"88", "VISIT", "MET", "ごみの分別を少し手伝わせてくれた", "RELATIONSHIP"});
        for (String[] a : attempts) {
            LocalDate on = first.plusDays(Integer.parseInt(a[0]));
            click(By.id("record-attempt"));
            setValue("date", on.toString());
            setValue("time", "10:00");
            choose("method", a[1]);
            choose("outcome", a[2]);
            type("learned", a[3]);
            setValue("nextContactOn", on.plusDays(21).toString());
            click(By.id("attempt-submit"));
            assertThat(main()).contains("訪問・連絡を記録しました").contains(a[3]);
            if (a[4] != null) {
                new Select(browser.findElement(By.id("toStage"))).selectByValue(a[4]);
                setValue("changedOn", on.toString());
                click(By.id("stage-submit"));
                assertThat(main()).contains("段階を変えました");
                assertThat(text(By.id("outreach-stage"))).isNotBlank();
            }
        }
        assertThat(browser.findElements(By.cssSelector("#attempts > li"))).hasSize(5);
        assertThat(browser.findElements(By.cssSelector("#stage-history > li"))).hasSize(4);
        assertThat(text(By.id("outreach-stage"))).isEqualTo("関係づくり");
        assertThat(text(By.id("days-since"))).contains("95日").contains("5回");
        assertThat(browser.findElements(By.cssSelector("svg.outreach-chart rect.chart-bar")))
                .hasSizeGreaterThanOrEqualTo(3);

        // it becomes a multi-agency case; the case page links back to the outreach record
        click(By.id("open-case"));
        new Select(browser.findElement(By.id("leadAccountId"))).selectByIndex(1);
        browser.findElement(By.cssSelector("#personIds input[type=checkbox]")).click();
        browser.findElement(By.cssSelector("#issueCodes input[value=SELF_NEGLECT]"))
                .click();
        type("summary", "ごみ屋敷・孤立。アウトリーチで関係ができ、多機関で支える。");
        click(By.id("open-submit"));
        assertThat(main()).contains("アウトリーチの記録").contains(number);
        assertThat(main()).contains("アウトリーチの記録から多機関協働へ");
        // opening the case moved the record to つないだ (a case) by itself
        click(By.linkText(number));
        assertThat(text(By.id("outreach-stage"))).isEqualTo("つないだ");
        assertThat(main()).contains("多機関協働の事例").contains("再開する");
        assertThat(browser.getCurrentUrl()).startsWith(recordUrl);
    }

    @Test
    void aConcernAboutSomeoneNotRegisteredOpensTheirRecordInOneStep() {
        // a welfare commissioner tells the northern centre about a woman nobody has registered
        logIn("minsei");
        browser.get(url("/volunteer"));
        type("aboutWho", "港町四丁目の80代くらいの女性");
        type("location", "港町四丁目、郵便局の裏の平屋");
        type("noticed", "雨戸が一週間閉まったままです。");
        choose("urgency", "SOON");
        new Select(browser.findElement(By.id("toAgencyId")))
                .selectByValue(
                        directory.agencyByCode("HOKATSU-N").orElseThrow().id().toString());
        click(By.cssSelector("form.form button[type=submit]"));
        assertThat(main()).contains("気になることを伝えました");

        logIn("caseworker");
        click(By.linkText("気になること"));
        WebElement row = browser.findElement(By.xpath("//tr[td[contains(., '港町四丁目の80代くらいの女性')]]"));
        Browser.clickAndWaitForNextPage(browser, row.findElement(By.tagName("a")));
        String concernUrl = browser.getCurrentUrl();
        click(By.id("concern-outreach-new"));
        assertThat(main()).contains("この人を登録する").contains("雨戸が一週間閉まったままです");
        assertThat(browser.findElement(By.id("newAddress")).getAttribute("value"))
                .isEqualTo("港町四丁目、郵便局の裏の平屋");
        type("newFamilyName", "不明");
        type("newFamilyNameKana", "ふめい");
        new Select(browser.findElement(By.id("newSex"))).selectByValue("FEMALE");
        browser.findElement(By.cssSelector("input[name=issueCodes][value=ISOLATION]"))
                .click();
        click(By.id("open-submit"));
        assertThat(main()).contains("アウトリーチの記録を始めました").contains("把握").contains("不明");
        // the concern now leads to the household that was registered
        browser.get(concernUrl);
        assertThat(browser.findElements(By.id("concern-outreach-new"))).isEmpty();
        assertThat(browser.findElements(By.id("concern-outreach"))).hasSize(1);
    }
}
