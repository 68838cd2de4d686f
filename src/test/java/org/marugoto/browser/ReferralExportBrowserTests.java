package org.marugoto.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.TestClock;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A caseworker exports the referral lists (decision 0033): filtered by state on the page, the export link asks for
 * the password first (the login is older than the re-authentication window), and after it the same link downloads the
 * CSV of the filtered lists; the export is recorded.
 */
@MarugotoTest
class ReferralExportBrowserTests extends BrowserTest {

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

            HttpResponse<String> response = downloadAfterConfirmingPassword(By.id("export-referrals-csv"));
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
