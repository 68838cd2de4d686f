package org.marugoto.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the browser tests share: a headless Chromium per test, signing in, typing and clicking as a person does. */
abstract class BrowserTest {

    @LocalServerPort
    int port;

    WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs out whoever was signed in and signs in as a demo user (answering the second factor when asked). */
    void logIn(String username) {
        browser.manage().deleteAllCookies();
        Browser.logIn(browser, port, username);
    }

    void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a field that has a native picker (date, time) the way the picker would. */
    void setValue(String id, String value) {
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id(id)), value);
    }

    /** Clicks something that loads the next page, and waits for it. */
    void click(By by) {
        Browser.clickAndWaitForNextPage(browser, browser.findElement(by));
    }

    String text(By by) {
        return browser.findElement(by).getText();
    }

    /**
     * Answers the password confirmation that exports and reveals ask for (decision 0033): the demo password, and the
     * second factor when the account has one. The caller submits (a download loads no new page).
     */
    void confirmPassword() {
        assertThat(browser.getCurrentUrl()).as("the password is asked for").contains("/reauth");
        type("password", "marugoto-demo");
        if (!browser.findElements(By.id("code")).isEmpty()) {
            type("code", Browser.nextCode(Browser.DEMO_TOTP_SECRET));
        }
    }

    /** Requests a link with the browser's session, not following redirects: what the browser would download. */
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

    /**
     * Follows an export link that asks for the password first, confirms it and submits (the browser saves the file: no
     * new page), then downloads the link's file with the browser's session once the confirmation has gone through.
     */
    HttpResponse<String> downloadAfterConfirmingPassword(By link) throws Exception {
        String href = browser.findElement(link).getAttribute("href");
        click(link);
        confirmPassword();
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        HttpResponse<String> response = fetch(href);
        for (int i = 0; i < 50 && response.statusCode() != 200; i++) {
            Thread.sleep(100);
            response = fetch(href);
        }
        return response;
    }
}
