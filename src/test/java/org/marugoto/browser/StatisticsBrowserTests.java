package org.marugoto.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A coordinator picks last fiscal year on the statistics page, reads the tables (on a phone too) and downloads a
 * report as CSV, whose figures are the page's.
 */
@MarugotoTest
class StatisticsBrowserTests extends BrowserTest {

    long js(String script) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(script)).longValue();
    }

    /** The rows of a report's table as "label=figure" (the first figure). */
    List<String> table(String key) {
        List<String> rows = new ArrayList<>();
        for (WebElement tr : browser.findElements(By.cssSelector("#table-" + key + " tbody tr"))) {
            rows.add(tr.findElement(By.cssSelector("th")).getText() + "="
                    + tr.findElement(By.cssSelector("td")).getText());
        }
        return rows;
    }

    @Test
    void aCoordinatorPicksAFiscalYearAndDownloadsTheCsv() throws Exception {
        logIn("coordinator");
        browser.get(url("/"));
        click(By.linkText("統計"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("統計");
        Select period = new Select(browser.findElement(By.id("period")));
        // this fiscal year is chosen first; pick the one before
        List<WebElement> years = browser.findElements(By.cssSelector("#period optgroup:first-of-type option"));
        assertThat(years.size()).isGreaterThanOrEqualTo(2);
        String lastYear = years.get(1).getText();
        String lastYearCode = years.get(1).getAttribute("value");
        assertThat(lastYear).matches("令和\\d+年度（\\d{4}年度）");
        period.selectByVisibleText(lastYear);
        new Select(browser.findElement(By.id("scope"))).selectByVisibleText("市全体");
        click(By.id("show"));
        assertThat(text(By.id("shown"))).isEqualTo(lastYear + "・市全体");
        assertThat(browser.findElements(By.cssSelector("svg.chart[role=img] title")))
                .isNotEmpty();

        // the CSV behind the link, fetched with the coordinator's session as the browser would save it
        WebElement link = browser.findElement(By.id("csv-consultations-channel"));
        String href = link.getAttribute("href");
        assertThat(href).contains("period=" + lastYearCode).contains("scope=city");
        Cookie session = browser.manage().getCookieNamed("MARUGOTO_SESSION");
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", "MARUGOTO_SESSION=" + session.getValue())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment");
        String csv = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF\"相談経路\",\"相談件数\"\r\n");
        List<String> fromCsv = new ArrayList<>();
        for (String line : csv.substring(1).split("\r\n")) {
            if (!line.startsWith("\"相談経路\"")) {
                String[] cells = line.split(",");
                fromCsv.add(cells[0].replace("\"", "") + "=" + cells[1].replace("\"", ""));
            }
        }
        assertThat(fromCsv).isEqualTo(table("consultations-channel"));

        // the same page on a phone: no sideways scrolling
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        assertThat(js("return document.documentElement.scrollWidth;"))
                .isLessThanOrEqualTo(js("return window.innerWidth;"));
    }

    @Test
    void aCoordinatorViewsAReportAndDownloadsTheWorkbook() throws Exception {
        logIn("coordinator");
        browser.get(url("/"));
        click(By.linkText("統計"));
        new Select(browser.findElement(By.id("scope"))).selectByVisibleText("市全体");
        click(By.id("show"));
        assertThat(browser.findElement(By.id("title-consultations-consulter")).getText())
                .isEqualTo("相談者の種類別の件数");
        List<String> shown = table("consultations-channel");
        String href = browser.findElement(By.id("xlsx-consultations-channel")).getAttribute("href");
        Cookie session = browser.manage().getCookieNamed("MARUGOTO_SESSION");
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", "MARUGOTO_SESSION=" + session.getValue())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        List<String> fromXlsx = new ArrayList<>();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(response.body()))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("相談経路");
            for (int r = 4; r <= sheet.getLastRowNum(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                fromXlsx.add(row.getCell(0).getStringCellValue() + "="
                        + Math.round(row.getCell(1).getNumericCellValue()));
            }
        }
        assertThat(fromXlsx).isEqualTo(shown);
        // the yearly report of the same year is one click away
        assertThat(browser.findElement(By.id("yearly-xlsx")).getAttribute("href"))
                .contains("/statistics/yearly.xlsx");
    }

    @Test
    void theOpenDataPageNeedsNoLogin() throws IOException {
        browser.manage().deleteAllCookies();
        browser.get(url("/public/open-data/statistics"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("オープンデータ");
        assertThat(browser.findElements(By.cssSelector("#dictionary tbody tr"))).hasSize(8);
        assertThat(browser.findElement(By.cssSelector("a[rel=license]")).getText())
                .isEqualTo("CC BY 4.0");
    }
}
