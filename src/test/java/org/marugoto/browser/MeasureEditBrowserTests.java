package org.marugoto.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.planning.domain.PlanService;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The planner edits one measure on its form: a blank name is refused at the field with nothing saved, then the measure
 * is renamed, given a second theme and marked 重点施策; the measure page shows it. On a phone too.
 */
@MarugotoTest
class MeasureEditBrowserTests extends BrowserTest {

    @Autowired
    PlanService plans;

    long js(String script) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(script)).longValue();
    }

    void fitsAPhone() {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        assertThat(js("return document.documentElement.scrollWidth;"))
                .as(browser.getCurrentUrl())
                .isLessThanOrEqualTo(js("return window.innerWidth;"));
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void thePlannerEditsAMeasure() {
        PlanService.Plan plan = plans.current().orElseThrow();
        plans.saveMeasure(
                plan.id(),
                new PlanService.MeasureDraft(
                        "BE-1",
                        "買い物支援の仕組みづくり",
                        "移動販売と付き添い",
                        1,
                        List.of(1),
                        List.of(2),
                        List.of("地域福祉推進課"),
                        List.of(PlanService.MeasureActor.COMMUNITY),
                        false));
        PlanService.Measure measure = plans.measureByNumber(plan.id(), "BE-1").orElseThrow();
        logIn("planner");
        browser.get(url("/planning/measures/" + measure.id()));
        click(By.id("edit-measure"));
        fitsAPhone();
        type("name", "");
        click(By.id("save-measure"));
        assertThat(text(By.id("error-summary"))).contains("名称");
        assertThat(browser.findElement(By.id("name-error")).getText()).isNotBlank();
        assertThat(plans.measure(measure.id()).name()).isEqualTo("買い物支援の仕組みづくり");

        type("name", "買い物支援と移動販売の仕組みづくり");
        browser.findElement(By.id("theme-2")).click();
        browser.findElement(By.id("priority")).click();
        click(By.id("save-measure"));
        assertThat(text(By.id("measure-saved"))).isEqualTo("施策を保存しました。");
        assertThat(text(By.tagName("h1"))).isEqualTo("BE-1 買い物支援と移動販売の仕組みづくり");
        PlanService.Measure after = plans.measure(measure.id());
        assertThat(after.priority()).isTrue();
        assertThat(after.themes()).extracting(PlanService.Heading::number).containsExactlyInAnyOrder(1, 2);
        fitsAPhone();
    }
}
