package org.marugoto.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.TestClock;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.Select;

/**
 * A caseworker exports the referral lists (decision 0033): filtered by state on the page, the export link asks for
 * the password first (the login is older than the re-authentication window), and after it the same link downloads the
 * CSV of the filtered lists; the export is recorded.
 */
@MarugotoTest
class ReferralExportBrowserTests extends BrowserTest {

    HttpResponse<String> fetch(String href) throws Exception {
        Cookie session = browser.manage().getCookieNamed("MARUGOTO_SESSION");
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", "MARUGOTO_SESSION=" + session.getValue())
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void theCaseworkerFiltersTheListConfirmsThePasswordThenDownloadsTheReferrals() throws Exception {
        logIn("caseworker");
        try (TestClock.Jump later = TestClock.INSTANCE.jump(Duration.ofMinutes(6))) {
            browser.get(url("/referrals"));
            new Select(browser.findElement(By.id("sort"))).selectByValue("OLDEST");
            click(By.cssSelector("form.list-filter button[type=submit]"));
            String href = browser.findElement(By.id("export-referrals-csv")).getAttribute("href");
            assertThat(href).contains("/referrals/export.csv").contains("sort=OLDEST");
            assertThat(fetch(href).statusCode()).as("not before the password").isEqualTo(302);

            click(By.id("export-referrals-csv"));
            assertThat(browser.getCurrentUrl()).contains("/reauth");
            type("password", "marugoto-demo");
            if (!browser.findElements(By.id("code")).isEmpty()) {
                type("code", Browser.nextCode(Browser.DEMO_TOTP_SECRET));
            }
            // the browser saves the file (no new page): submit without waiting for one
            browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
            HttpResponse<String> response = null;
            for (int i = 0; i < 50; i++) {
                response = fetch(href);
                if (response.statusCode() == 200) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(response).isNotNull();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                    .contains("attachment", "referrals.csv");
            assertThat(response.body()).startsWith("\uFEFF\"一覧\",\"番号\",\"世帯\",\"つなぎ元\",\"つなぎ先\"");
            String[] lines = response.body().split("\r\n");
            assertThat(lines.length).isGreaterThan(1);
            assertThat(lines[1]).matches("^\"(受け取った|送った)\",\"R\\d{4}-\\d{5}\".*");
        }
    }
}
