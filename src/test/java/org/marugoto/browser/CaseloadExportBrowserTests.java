package org.marugoto.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.TestClock;
import org.openqa.selenium.By;

/**
 * A coordinator exports the caseload (decision 0033): the link asks for the password first (the login is older than
 * the re-authentication window), and after it the same link downloads the CSV with the list's cases.
 */
@MarugotoTest
class CaseloadExportBrowserTests extends BrowserTest {

    @Test
    void theCoordinatorConfirmsThePasswordThenDownloadsTheCaseload() throws Exception {
        logIn("coordinator");
        try (TestClock.Jump later = TestClock.INSTANCE.jump(Duration.ofMinutes(6))) {
            browser.get(url("/cases?all=true"));
            String href = browser.findElement(By.id("export-caseload-csv")).getAttribute("href");
            assertThat(href).contains("/cases/export.csv").contains("all=true");
            assertThat(fetch(href).statusCode()).as("not before the password").isEqualTo(302);

            HttpResponse<String> response = downloadAfterConfirmingPassword(By.id("export-caseload-csv"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                    .contains("attachment", "caseload.csv");
            assertThat(response.body()).startsWith("\uFEFF\"事例番号\",\"世帯\",\"主担当\",\"状態\"");
            assertThat(response.body().split("\r\n").length).isGreaterThan(1);
        }
    }
}
