package org.marugoto.browser;

import java.io.File;
import java.time.Duration;
import org.marugoto.TestClock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver (packages chromium and chromium-driver). Nothing is
 * downloaded: the driver and browser paths are given, so Selenium Manager never runs.
 */
final class Browser {

    /** The demo administrators' and privacy officers' TOTP secret ({@code marugoto.demo.totp-secret}, README). */
    static final String DEMO_TOTP_SECRET = "MARUGOTODEMOTOTPSECRET2345ABCDEF";

    private Browser() {}

    /**
     * Logs in through the real login form with the demo password and, when the second step comes (administrators,
     * privacy officers), answers it with a code computed from the demo secret.
     */
    static void logIn(WebDriver browser, int port, String username) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("marugoto-demo");
        clickAndWaitForNextPage(browser, browser.findElement(By.cssSelector("form.form button[type=submit]")));
        answerSecondFactor(browser, DEMO_TOTP_SECRET);
    }

    /**
     * On the second step of a login, types a TOTP code of {@code secret} (of a time step not used before: a code is
     * accepted once, and several tests log in as the same demo administrator).
     */
    static void answerSecondFactor(WebDriver browser, String secret) {
        if (browser.getCurrentUrl().contains("/login/mfa")) {
            browser.findElement(By.id("code")).sendKeys(nextCode(secret));
            clickAndWaitForNextPage(browser, browser.findElement(By.cssSelector("form.form button[type=submit]")));
        }
    }

    /** A code the application accepts now, of a time step not used before ({@link TestClock#totp}). */
    static String nextCode(String secret) {
        return TestClock.INSTANCE.totp(secret);
    }

    /** Clicks something that loads a new page and waits until the new page is there (a marker on the old one is gone). */
    static void clickAndWaitForNextPage(WebDriver browser, WebElement element) {
        ((JavascriptExecutor) browser).executeScript("window.marugotoOldPage = true;");
        element.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> ((JavascriptExecutor) driver)
                .executeScript("return document.readyState === 'complete' && !window.marugotoOldPage;")
                .equals(Boolean.TRUE));
    }

    static ChromeDriver start() {
        File driver = new File(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
        File chromium = new File(System.getProperty("marugoto.chromium", "/usr/bin/chromium"));
        if (!driver.canExecute() || !chromium.canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver (" + chromium
                    + ", " + driver + "); ./test.sh installs them");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--lang=ja",
                "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver)
                .usingAnyFreePort()
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return browser;
    }
}
