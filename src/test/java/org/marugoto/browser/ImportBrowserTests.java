package org.marugoto.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A coordinator imports a file of households and persons: a bad row is shown in the preview and nothing is saved; the
 * corrected file imports; importing it again changes nothing.
 */
@MarugotoTest
class ImportBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    long persons() {
        return jdbc.sql("select count(*) from person").query(Long.class).single();
    }

    Path file(String name, String content) throws Exception {
        Path dir = Files.createTempDirectory("import");
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }

    void choose(Path file) {
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        click(By.id("preview"));
    }

    @Test
    void aBadRowIsShownTheFixedFileImportsAndARerunChangesNothing() throws Exception {
        String k = UUID.randomUUID().toString().substring(0, 8);
        String bad = "世帯番号,宛名番号,氏,名,氏カナ,名カナ,性別,生年月日,続柄\r\n"
                + "B" + k + ",Q" + k + "-1,画面,一郎,ガメン,イチロウ,男,昭和40年1月1日,本人\r\n"
                + "B" + k + ",Q" + k + "-2,画面,春子,ガメン,ハルコ,おんな,昭和42年3月3日,妻\r\n";
        logIn("coordinator");
        browser.get(url("/"));
        browser.findElement(By.cssSelector("details.home-capabilities summary")).click();
        click(By.cssSelector("a[href$='/imports']"));
        long before = persons();
        choose(file("bad.csv", bad));
        assertThat(text(By.id("preview-errors"))).contains("性別「おんな」を読めません");
        assertThat(browser.findElements(By.id("commit"))).isEmpty();
        assertThat(persons()).isEqualTo(before);

        Path good = file("good.csv", bad.replace("おんな", "女"));
        choose(good);
        assertThat(text(By.id("preview-summary"))).contains("新しく登録する人 2人（新しい世帯 1）");
        click(By.id("commit"));
        assertThat(text(By.id("import-result"))).contains("新しく登録した人 2人");
        assertThat(persons()).isEqualTo(before + 2);

        choose(good);
        assertThat(text(By.id("preview-summary"))).contains("新しく登録する人 0人").contains("変わらない人 2人");
        assertThat(browser.findElements(By.id("commit"))).isEmpty();
        assertThat(persons()).isEqualTo(before + 2);
    }
}
