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
 * An administrator imports a file of agencies: a bad row is shown in the preview and nothing is saved; the corrected
 * file imports; importing it again changes nothing. The page, with its table of errors, fits a 390 px phone.
 */
@MarugotoTest
class DirectoryImportBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    long agencies() {
        return jdbc.sql("select count(*) from agency").query(Long.class).single();
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
        Path dir = Files.createTempDirectory("import");
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }

    void choose(Path file) {
        browser.findElement(By.id("kind-agencies")).click();
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        click(By.id("preview"));
    }

    @Test
    void anAdministratorImportsAgenciesFixesABadRowAndARerunChangesNothing() throws Exception {
        String k = UUID.randomUUID().toString().substring(0, 6);
        String bad = "機関コード,名称,名称カナ,種別,地域コード,住所,電話番号\r\n"
                + "T-BR" + k + "-1,南台こども家庭センター,ミナミダイコドモカテイセンター,こども家庭センター,S1-1,美月野市南台3-2-1,0120-345-678\r\n"
                + "T-BR" + k + "-2,北浜ふくし相談室,キタハマフクシソウダンシツ,ふくしそうだん,,美月野市北浜1-4,0120-345-679\r\n";
        logIn("admin");
        browser.get(url("/admin/agencies"));
        click(By.id("import-link"));
        fitsAPhone();
        long before = agencies();
        choose(file("agencies.csv", bad));
        assertThat(text(By.id("preview-errors"))).contains("3").contains("種別「ふくしそうだん」を読めません");
        assertThat(browser.findElements(By.id("commit"))).isEmpty();
        assertThat(agencies()).isEqualTo(before);
        fitsAPhone();

        Path good = file("agencies-fixed.csv", bad.replace("ふくしそうだん", "その他"));
        choose(good);
        assertThat(text(By.id("preview-summary"))).contains("新しく登録 2件");
        click(By.id("commit"));
        assertThat(text(By.id("import-result"))).contains("新しく登録 2件");
        assertThat(agencies()).isEqualTo(before + 2);

        choose(good);
        assertThat(text(By.id("preview-summary"))).contains("新しく登録 0件").contains("変わらない 2件");
        assertThat(browser.findElements(By.id("commit"))).isEmpty();
        assertThat(agencies()).isEqualTo(before + 2);
        browser.get(url("/admin/agencies"));
        assertThat(browser.getPageSource()).contains("北浜ふくし相談室");
    }
}
