package org.marugoto.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A 社協 reviewer imports a file of places from the community desk: a bad row is shown in the preview and nothing is
 * saved; the corrected file imports and its entries wait for review; importing it again changes nothing. The page, with
 * its table of errors, fits a 390 px phone.
 */
@MarugotoTest
class CommunityImportBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    long activities() {
        return jdbc.sql("select count(*) from community_activity")
                .query(Long.class)
                .single();
    }

    long js(String script) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(script)).longValue();
    }

    void fitsAPhone() {
        browser.manage().window().setSize(new Dimension(390, 844));
        assertThat(js("return document.documentElement.scrollWidth;"))
                .as(browser.getCurrentUrl())
                .isLessThanOrEqualTo(js("return window.innerWidth;"));
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    Path file(String name, String content) throws Exception {
        Path file = Files.createTempDirectory("import").resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }

    void choose(Path file) {
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        click(By.id("preview"));
    }

    @Test
    void aReviewerImportsPlacesFixesABadRowAndARerunChangesNothing() throws Exception {
        String k = UUID.randomUUID().toString().substring(0, 6);
        String bad = "活動番号,団体名,種類,名称,説明,地域コード,会場,住所,対象,曜日,開始時刻,終了時刻\r\n"
                + "B" + k + "-1,桜台地区社会福祉協議会,サロン,桜台お茶のみサロン" + k
                + ",お茶とおしゃべり,N1-2,桜台集会所,美月野市桜台1-2-3,高齢の方,火,13:30,15:00\r\n"
                + "B" + k + "-2,桜台地区社会福祉協議会,えんがわ,桜台の縁側" + k
                + ",ひと休みできる縁側,N1-2,桜台2丁目の民家,美月野市桜台2-4-6,どなたでも,土、日,10:00,16:00\r\n";
        logIn("csw");
        browser.get(url("/community"));
        click(By.id("import-link"));
        fitsAPhone();
        long before = activities();
        choose(file("places.csv", bad));
        assertThat(text(By.id("preview-errors"))).contains("3").contains("種類「えんがわ」を読めません");
        assertThat(browser.findElements(By.id("commit"))).isEmpty();
        assertThat(activities()).isEqualTo(before);
        fitsAPhone();

        Path good = file("places-fixed.csv", bad.replace("えんがわ", "地域の縁側"));
        choose(good);
        assertThat(text(By.id("preview-summary"))).contains("新しく登録 2件");
        click(By.id("commit"));
        assertThat(text(By.id("import-result"))).contains("新しく登録 2件");
        assertThat(activities()).isEqualTo(before + 2);

        choose(good);
        assertThat(text(By.id("preview-summary"))).contains("新しく登録 0件").contains("変わらない 2件");
        assertThat(browser.findElements(By.id("commit"))).isEmpty();
        assertThat(activities()).isEqualTo(before + 2);
        fitsAPhone();
        browser.get(url("/community/reviews"));
        assertThat(browser.getPageSource()).contains("桜台の縁側" + k);
    }
}
