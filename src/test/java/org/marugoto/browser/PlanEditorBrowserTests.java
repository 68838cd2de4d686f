package org.marugoto.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The support plan editor on a phone (issue #13): every field as wide as the screen, goal and action rows added and
 * removed in place (htmx swaps the rows the server renders, the page is not reloaded and nothing typed is lost), and
 * the plan saved with all its rows.
 */
@MarugotoTest
class PlanEditorBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    UUID caseOf(String household) {
        return jdbc.sql("""
                        select c.id from support_case c join household h on h.id = c.household_id
                        where h.name = ? order by c.opened_at limit 1
                        """).param(household).query(UUID.class).single();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** Clicks a row button and waits until htmx has swapped in the field the new row starts with. */
    void clickAndWaitFor(String button, String appears) {
        browser.findElement(By.id(button)).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until((WebDriver d) -> !d.findElements(By.id(appears)).isEmpty());
    }

    /** With -Dmarugoto.screenshots=true, the rows as a phone shows them (target/phone-screenshots/plan-editor*.png). */
    void screenshot(String name) throws IOException {
        if (!Boolean.getBoolean("marugoto.screenshots")) {
            return;
        }
        js("document.getElementById('goal-0').scrollIntoView();");
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path dir = Files.createDirectories(Path.of("target/phone-screenshots"));
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    long width(String id) {
        return ((Number) js("return arguments[0].getBoundingClientRect().width;", browser.findElement(By.id(id))))
                .longValue();
    }

    @Test
    void rowsAreAddedAndRemovedInPlaceAndTheWholePlanIsSavedOnAPhone() throws IOException {
        UUID kase = caseOf("髙橋家");
        logIn("caseworker3");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/cases/" + kase + "/plan"));

        // full width: the staff picker and the action field as wide as the goal's own fields, none cut short
        long goalField = width("goals0.goal");
        assertThat(goalField).isGreaterThan(250);
        for (String id : new String[] {
            "goals0.actions0.description",
            "goals0.actions0.agencyId",
            "goals0.actions0.accountId",
            "goals0.actions0.dueDate",
            "goals0.actions0.frequency"
        }) {
            assertThat(width(id)).as(id).isGreaterThanOrEqualTo(goalField - 40);
        }
        assertThat(((Number) js("return document.documentElement.scrollWidth;")).longValue())
                .isLessThanOrEqualTo(390);
        screenshot("plan-editor");

        // the rows the draft has now (other tests may have saved it before)
        int actions =
                browser.findElements(By.cssSelector("#goal-0 .plan-action")).size();
        int goals =
                browser.findElements(By.cssSelector("#plan-rows .plan-goal")).size();
        String added = "goals0.actions" + actions + ".";
        String goal = "goals" + goals + ".";

        js("window.samePage = true;");
        type("aim", "父の介護と子育てを、ひとりで抱えこまずに、夫とも分け合いたい。");
        clickAndWaitFor("add-action-0", added + "description");
        // the keyboard continues in the new row (focus moves once htmx has settled the swap)
        new WebDriverWait(browser, Duration.ofSeconds(5)).until((WebDriver d) -> (added + "description")
                .equals(d.switchTo().activeElement().getAttribute("id")));
        type(added + "description", "夫と週末の分担を話し合う場を持つ");
        new Select(browser.findElement(By.id(added + "agencyId"))).selectByVisibleText("美月野市 こども家庭センター");
        setValue(added + "dueDate", "2027-01-15");

        clickAndWaitFor("add-goal", goal + "issue");
        type(goal + "issue", "娘の睡眠不足");
        type(goal + "goal", "夜に4時間は続けて眠りたい");
        type(goal + "actions0.description", "産後ケアの訪問");
        new Select(browser.findElement(By.id(goal + "actions0.agencyId"))).selectByVisibleText("美月野市 保健センター");
        setValue(goal + "actions0.dueDate", "2027-01-31");
        clickAndWaitFor("add-action-" + goals, goal + "actions1.description");
        type(goal + "actions1.description", "消す行");
        browser.findElement(By.id("remove-action-" + goals + "-1")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until((WebDriver d) ->
                        d.findElements(By.id(goal + "actions1.description")).isEmpty());

        // no reload: what was typed before the swaps is still there, outside and inside the rows
        assertThat(js("return window.samePage === true;")).isEqualTo(Boolean.TRUE);
        assertThat(browser.findElement(By.id("aim")).getAttribute("value")).startsWith("父の介護と子育てを");
        assertThat(browser.findElement(By.id(added + "description")).getAttribute("value"))
                .isEqualTo("夫と週末の分担を話し合う場を持つ");
        assertThat(browser.findElement(By.id(goal + "actions0.description")).getAttribute("value"))
                .isEqualTo("産後ケアの訪問");

        screenshot("plan-editor-rows-added");
        click(By.id("save-plan"));
        assertThat(text(By.cssSelector("[role=status]"))).contains("支援プランの案を保存しました");
        assertThat(jdbc.sql("""
                        select string_agg(a.description, '/' order by g.position, a.position)
                        from support_plan_action a join support_plan_goal g on g.id = a.goal_id
                        join support_plan p on p.id = a.plan_id where p.case_id = ? and p.status = 'DRAFT'
                        """).param(kase).query(String.class).single())
                .endsWith("/産後ケアの訪問")
                .contains("/夫と週末の分担を話し合う場を持つ/")
                .doesNotContain("消す行");

        // the saved draft opens with the same rows
        browser.get(url("/cases/" + kase + "/plan"));
        assertThat(browser.findElement(By.id(goal + "goal")).getAttribute("value"))
                .isEqualTo("夜に4時間は続けて眠りたい");
        WebElement last = browser.findElement(By.id(added + "description"));
        assertThat(last.getAttribute("value")).isEqualTo("夫と週末の分担を話し合う場を持つ");
    }
}
