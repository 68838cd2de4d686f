package org.marugoto.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.shared.Japan;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Multi-agency casework in the browser: a caseworker escalates a consultation; the coordinator forms the team and
 * agrees the plan at a 重層的支援会議 and prints it; a 支援会議 without consent that a non-member cannot open; closing
 * and reopening a case.
 */
@MarugotoTest
class CaseworkBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    UUID caseOf(String household) {
        return jdbc.sql("""
                        select c.id from support_case c join household h on h.id = c.household_id
                        where h.name = ? order by c.opened_at limit 1
                        """).param(household).query(UUID.class).single();
    }

    @Test
    void aConsultationBecomesACaseWhoseTeamAgreesAPlanAtAJushoMeetingAndPrintsIt() throws Exception {
        // a consultation of the elderly-care centre about a household that has no case yet
        UUID consultation = jdbc.sql("""
                        select c.id from consultation c join agency a on a.id = c.agency_id
                        where a.code = 'HOKATSU-N'
                          and not exists (select 1 from support_case s where s.household_id = c.household_id)
                        order by c.received_at limit 1
                        """).query(UUID.class).single();
        logIn("caseworker");
        browser.get(url("/consultations/" + consultation));
        click(By.id("escalate"));
        new Select(browser.findElement(By.id("leadAccountId"))).selectByVisibleText("高橋 真理子（美月野市 多機関協働推進室）");
        if (browser.findElements(By.cssSelector("#personIds input:checked")).isEmpty()) {
            browser.findElement(By.cssSelector("#personIds input")).click();
        }
        if (browser.findElements(By.cssSelector("#issueCodes input:checked")).isEmpty()) {
            browser.findElement(By.cssSelector("#issueCodes input[value=ISOLATION]"))
                    .click();
        }
        type("summary", "母の介護と長男の失業が重なり、複数の機関で支える必要がある。");
        new Select(browser.findElement(By.id("consentStatus"))).selectByValue("GIVEN");
        setValue("consentDate", "2026-11-20");
        click(By.id("open-submit"));
        assertThat(text(By.cssSelector("[role=status]"))).contains("事例を開始しました");
        assertThat(text(By.id("case-status"))).isEqualTo("アセスメント");
        String casePath = new URI(browser.getCurrentUrl()).getPath();

        click(By.id("new-assessment"));
        type("wishes", "「家族みんなで、ここで暮らしたい」");
        type("strengths", "近所に親しい友人がいる。");
        click(By.id("save-assessment"));
        assertThat(text(By.cssSelector("[role=status]"))).contains("アセスメントを保存しました");
        click(By.id("to-PLANNING"));
        assertThat(text(By.cssSelector("[role=status]"))).contains("状態を変更しました");
        assertThat(text(By.id("case-status"))).isEqualTo("プラン作成");

        click(By.id("edit-plan"));
        type("aim", "家族みんなで、この家で暮らし続けたい。");
        type("goals0.issue", "介護の負担が大きい");
        type("goals0.goal", "夜はゆっくり眠りたい");
        type("goals0.actions0.description", "ショートステイの利用調整");
        new Select(browser.findElement(By.id("goals0.actions0.agencyId"))).selectByVisibleText("美月野市 北部地域包括支援センター");
        setValue("goals0.actions0.dueDate", "2026-12-20");
        click(By.id("save-plan"));
        assertThat(text(By.cssSelector("[role=status]"))).contains("支援プランの案を保存しました");

        // the coordinator forms the team and agrees the plan with the person at a 重層的支援会議
        logIn("coordinator");
        browser.get(url(casePath));
        new Select(browser.findElement(By.id("accountId"))).selectByVisibleText("美月野市 くらし・しごと相談センター：山口 翔太");
        click(By.id("add-member"));
        assertThat(text(By.id("team-table")))
                .contains("山口 翔太")
                .contains("小林 さくら")
                .contains("主担当");

        click(By.id("new-jusho"));
        type("agenda", "支援プラン（案）の承認");
        setValue("scheduledAt", anHourAgo()); // minutes are recorded once the meeting has begun
        click(By.id("schedule"));
        browser.findElement(By.id("consentConfirmed1")).click();
        type("minutes", "本人が出席し、ショートステイから始めることに同意した。");
        for (String decision : new String[] {"APPROVE_PLAN", "START_SUPPORT"}) {
            browser.findElement(By.cssSelector("#minutes-form input[name=decisions][value=" + decision + "]"))
                    .click();
        }
        new Select(browser.findElement(By.id("personAgreement"))).selectByValue("AGREED");
        type("personAgreementNote", "「お願いします」（署名あり）");
        click(By.id("record-minutes"));
        assertThat(text(By.cssSelector("[role=status]"))).contains("会議の記録を保存し");
        assertThat(text(By.id("conference-status"))).isEqualTo("開催済み");

        browser.get(url(casePath));
        assertThat(text(By.id("case-status"))).isEqualTo("支援中");
        click(By.linkText("第1版"));
        assertThat(text(By.id("plan-status"))).isEqualTo("合意済み（実施中）");
        assertThat(text(By.id("plan-agreement"))).contains("本人が同意した");

        String pdfPath = new URI(browser.findElement(By.id("plan-pdf")).getAttribute("href")).getPath();
        Cookie session = browser.manage().getCookieNamed("MARUGOTO_SESSION");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url(pdfPath)))
                                .header("Cookie", "MARUGOTO_SESSION=" + session.getValue())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
    }

    @Test
    void a支援会議WithoutConsentIsReadByItsPledgedMembersOnly() throws Exception {
        UUID saito = caseOf("齋藤家");
        logIn("coordinator");
        browser.get(url("/cases/" + saito));
        assertThat(browser.findElements(By.id("new-jusho"))).isEmpty(); // no consent: no 重層的支援会議
        click(By.id("new-shien"));
        type("agenda", "散歩のときの見守りの分担（本人同意なし）");
        for (WebElement box : browser.findElements(By.cssSelector("#memberAccountIds .checkbox"))) {
            if (box.getText().contains("保健センター")) {
                box.findElement(By.tagName("input")).click();
            }
        }
        setValue("scheduledAt", anHourAgo());
        click(By.id("schedule"));
        assertThat(text(By.id("restricted"))).contains("守秘義務を確認してください");
        click(By.id("pledge"));
        type("minutes", "朝の散歩の時間に、地区の民生委員と保健師が交代であいさつする。");
        click(By.id("record-minutes"));
        assertThat(text(By.id("minutes"))).contains("交代であいさつ");
        String meeting = new URI(browser.getCurrentUrl()).getPath();

        logIn("caseworker"); // neither in the case team nor a member of the meeting
        browser.get(url(meeting));
        assertThat(text(By.tagName("h1"))).contains("許可されていません");
        assertThat(browser.getPageSource()).doesNotContain("交代であいさつ");

        logIn("csw"); // in the case team, but not a member of this meeting
        browser.get(url(meeting));
        assertThat(text(By.id("restricted"))).contains("構成員だけ");
        assertThat(browser.getPageSource()).doesNotContain("交代であいさつ");
    }

    @Test
    void aClosedCaseTellsTheHouseholdItCanComeBackAndReopensWithItsHistory() {
        UUID yamazaki = caseOf("山﨑家");
        logIn("coordinator2");
        browser.get(url("/cases/" + yamazaki));
        click(By.id("close-case"));
        click(By.id("close-submit"));
        assertThat(text(By.id("error-summary"))).contains("終結の理由を選んでください");
        new Select(browser.findElement(By.id("outcome"))).selectByValue("STABLE_WITH_OTHER_SUPPORT");
        type("evaluation", "保護が始まり、就労準備支援にも通えている。");
        type("followUp", "福祉事務所のケースワーカーが月1回面談し、気になることがあれば推進員へ連絡する。");
        click(By.id("close-submit"));
        assertThat(text(By.cssSelector("[role=status]"))).contains("事例を終結しました");
        assertThat(text(By.id("case-status"))).isEqualTo("終結");

        click(By.partialLinkText("山﨑家"));
        assertThat(text(By.id("cases"))).contains("いつでも相談に戻ってこられます");
        click(By.cssSelector("#cases li a"));
        type("reopen-reason", "アルバイト先が閉店し、また収入がなくなった。");
        click(By.id("reopen"));
        assertThat(text(By.cssSelector("[role=status]"))).contains("事例を再開しました");
        assertThat(text(By.id("case-status"))).isEqualTo("アセスメント");
        assertThat(text(By.id("history"))).contains("終結").contains("再開").contains("アルバイト先が閉店");
    }

    private static String anHourAgo() {
        return java.time.LocalDateTime.now(Japan.ZONE)
                .minusHours(1)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                .toString();
    }
}
