package org.marugoto.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
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
}
