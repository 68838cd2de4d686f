package org.marugoto.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The administrator imports the population table: a file with a bad row is refused with the row's error in Japanese and
 * nothing saved; the fixed file is saved; the CSW then sees the district's ageing rate on its area page. On a phone
 * too.
 */
@MarugotoTest
class PopulationBrowserTests extends BrowserTest {

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

    Path csv(String content) throws Exception {
        Path file = Files.createTempFile("population", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }

    @Test
    void theAdministratorImportsThePopulationWithABadRowFixesItAndTheCswSeesTheAgeingRate() throws Exception {
        String header = "地域コード,基準日,年齢区分,人口,高齢単身世帯数\n";
        // 西山小学校区 (W1-1) on a date after the demo's table, so that the area page shows this one
        String date = java.time.LocalDate.now().toString();
        Path bad = csv(header + "W1-1," + date + ",0-64,8000,410\n" + "W1-1," + date + ",60歳以上,3350,410\n");
        logIn("admin");
        browser.get(url("/admin/areas"));
        click(By.id("population-link"));
        browser.findElement(By.id("file")).sendKeys(bad.toString());
        click(By.id("preview"));
        assertThat(text(By.id("preview-errors"))).contains("誤りが1件あるため取り込めません。").contains("年齢区分「60歳以上」は65歳をまたいでいます。");
        assertThat(browser.findElements(By.id("save-import"))).isEmpty();
        fitsAPhone();

        Path fixed = csv(header + "W1-1," + date + ",0-64,8000,410\n" + "W1-1," + date + ",65歳以上,3350,410\n");
        browser.findElement(By.id("file")).sendKeys(fixed.toString());
        click(By.id("preview"));
        assertThat(text(By.id("preview-summary"))).isEqualTo("新規 2行・変更 0行・変更なし 0行");
        click(By.id("save-import"));
        assertThat(text(By.id("population-saved"))).contains("新規 2行");
        assertThat(text(By.id("population-dates"))).contains(date);
        fitsAPhone();

        logIn("csw");
        browser.get(url("/community/areas"));
        click(By.linkText("西山小学校区"));
        // 3,350 of 11,350 residents are 65 or over
        assertThat(text(By.id("ageing-rate"))).contains("29.5%");
        assertThat(text(By.id("single-elderly"))).contains("410");
        assertThat(text(By.id("population-as-of"))).contains(date);
        fitsAPhone();
    }
}
