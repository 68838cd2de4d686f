package org.marugoto.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The closed loop in the browser: the elderly-care centre refers the son of an 8050 household to the poverty counter,
 * which accepts or declines; the sender sees it; the coordinator sees the overdue ones.
 */
@MarugotoTest
class ReferralBrowserTests extends BrowserTest {

    /** As the elderly-care centre's caseworker, refers 佐々木 健一 to the poverty counter; returns the reference. */
    String referTheSon(String summary) {
        logIn("caseworker");
        click(By.linkText("相談受付・検索"));
        type("q", "ささき けんいち");
        // the search answers with htmx: the results replace part of the page, which does not reload
        browser.findElement(By.cssSelector("form[role=search] button")).click();
        click(By.cssSelector("#results tr.search-hit td:nth-child(4) a"));
        click(By.linkText("他機関につなぐ"));
        new Select(browser.findElement(By.id("toAgencyId"))).selectByVisibleText("美月野市 くらし・しごと相談センター");
        for (WebElement box : browser.findElements(By.cssSelector("#personIds .checkbox"))) {
            if (box.getText().contains("健一")) {
                box.findElement(By.tagName("input")).click();
            }
        }
        browser.findElement(By.cssSelector("#issueCodes input[value=JOB_SEARCH]"))
                .click();
        browser.findElement(By.cssSelector("#issueCodes input[value=INCOME]")).click();
        type("summary", summary);
        new Select(browser.findElement(By.id("consentStatus"))).selectByValue("GIVEN");
        type("reason", "母の介護の相談の中で、息子さんが働きたいと話した。");
        click(By.cssSelector("form.form button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .contains("つなぎを送りました");
        return browser.findElement(By.tagName("h1"))
                .getText()
                .replace("つなぎ", "")
                .strip();
    }

    void openInbox(String reference) {
        click(By.linkText("つなぎ"));
        click(By.linkText(reference));
    }

    @Test
    void theReceiverAcceptsAndTheSenderSeesIt() {
        String reference = referTheSon("50代男性の就労と家計の相談（80代の母と同居）");

        logIn("caseworker2");
        openInbox(reference);
        assertThat(browser.findElement(By.id("main")).getText())
                .contains("個人情報を含む詳細は、受け付けた後に表示されます")
                .doesNotContain("佐々木 健一");
        click(By.id("accept"));
        String accepted = browser.findElement(By.id("main")).getText();
        assertThat(accepted)
                .contains("受け付けました")
                .contains("受付済み")
                .contains("佐々木 健一")
                .contains("息子さんが働きたいと話した");

        logIn("caseworker");
        click(By.linkText("つなぎ"));
        WebElement sent = browser.findElement(By.xpath("//tr[td/a[text()='" + reference + "']]"));
        assertThat(sent.getText()).contains("受付済み").contains("くらし・しごと相談センター");
        assertThat(browser.findElement(By.cssSelector(".notification-link")).getText())
                .contains("お知らせ");
    }

    @Test
    void theReceiverDeclinesWithAReasonAndSuggestsAnotherAgency() {
        String reference = referTheSon("50代男性の生活費の相談");

        logIn("caseworker2");
        openInbox(reference);
        type("decline-text", "生活保護の相談が先に必要と考えます。");
        new Select(browser.findElement(By.id("suggestedAgencyId"))).selectByVisibleText("美月野市 福祉事務所（生活福祉課）");
        click(By.cssSelector("#decline-form button"));

        logIn("caseworker");
        openInbox(reference);
        String page = browser.findElement(By.id("referral-summary")).getText();
        assertThat(page).contains("お断り").contains("生活保護の相談が先に必要と考えます。").contains("福祉事務所（生活福祉課）");
        assertThat(page).contains("フォロー確認待ち");
    }

    @Test
    void overdueReferralsAppearOnTheCoordinatorsList() {
        logIn("coordinator");
        click(By.linkText("つなぎ"));
        click(By.linkText("期限を過ぎたつなぎ"));
        WebElement overdue = browser.findElement(By.id("overdue"));
        assertThat(overdue.getText())
                .contains("期限超過")
                .contains("美月野市 中央地域包括支援センター")
                .contains("社会福祉法人 美月野市社会福祉協議会");
    }
}
