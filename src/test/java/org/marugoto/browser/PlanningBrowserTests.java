package org.marugoto.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.planning.domain.PlanService;
import org.marugoto.planning.domain.PlanService.HeadingKind;
import org.marugoto.shared.CurrentActor;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The regional welfare plan as people use it: the planner imports a measures sheet with a bad row, fixes it and
 * imports again (and once more, changing nothing); a department's member enters a measure's progress from the home
 * page; the planner opens and closes a year and downloads its report; a resident finds the measures of a theme on the
 * public pages, on a phone too.
 */
@MarugotoTest
class PlanningBrowserTests extends BrowserTest {

    @Autowired
    PlanService plans;

    @Autowired
    UserDetailsService users;

    long js(String script) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(script)).longValue();
    }

    void fitsAPhone() {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        assertThat(js("return document.documentElement.scrollWidth;"))
                .as(browser.getCurrentUrl())
                .isLessThanOrEqualTo(js("return window.innerWidth;"));
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    Path csv(String content) throws Exception {
        Path file = Files.createTempFile("measures", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }

    PlanService.Plan demo() {
        return plans.current().orElseThrow();
    }

    @Test
    void thePlannerImportsASheetWithABadRowFixesItAndImportsAgain() throws Exception {
        PlanService.Plan plan = demo();
        String header = "番号,施策名,内容,施策の方向性,テーマ,サービス類型,所管課,実施主体,重点施策\n";
        Path bad = csv(header + "B-1,商店街の見守り協力店,店舗での声かけ,1,1,8,地域福祉推進課,地域、市,\n" + "B-2,地域食堂の食材提供,,1,99,4,地域福祉推進課,地域,\n");
        logIn("planner");
        browser.get(url("/planning"));
        click(By.linkText("取り込み"));
        browser.findElement(By.id("file")).sendKeys(bad.toString());
        click(By.id("preview"));
        assertThat(text(By.id("preview-errors")))
                .contains("誤りが1件あるため取り込めません。")
                .contains("テーマ")
                .contains("「99」はこの計画にない番号です。");
        assertThat(browser.findElements(By.id("save-import"))).isEmpty();
        assertThat(plans.measureByNumber(plan.id(), "B-1")).isEmpty();
        fitsAPhone();

        Path fixed =
                csv(header + "B-1,商店街の見守り協力店,店舗での声かけ,1,1,8,地域福祉推進課,地域、市,\n" + "B-2,地域食堂の食材提供,,1,9,4,地域福祉推進課,地域,\n");
        browser.findElement(By.id("file")).sendKeys(fixed.toString());
        click(By.id("preview"));
        assertThat(text(By.id("preview-summary"))).isEqualTo("新規 2件・変更 0件・変更なし 0件");
        click(By.id("save-import"));
        assertThat(text(By.id("import-done"))).contains("新規 2件");
        assertThat(browser.findElement(By.id("measure-B-1")).getText()).contains("商店街の見守り協力店");

        // the same file again: nothing would change
        browser.get(url("/planning/plans/" + plan.id() + "/import"));
        browser.findElement(By.id("file")).sendKeys(fixed.toString());
        click(By.id("preview"));
        assertThat(text(By.id("preview-summary"))).isEqualTo("新規 0件・変更 0件・変更なし 2件");
    }

    @Test
    void aDepartmentMemberEntersAMeasuresProgressFromTheHomePage() {
        logIn("caseworker5");
        browser.get(url("/"));
        String item = browser.findElement(By.cssSelector("#plan-progress-to-enter a[href*='/measures/']"))
                .getAttribute("href");
        browser.get(item);
        assertThat(text(By.id("evaluation"))).contains("A：計画以上に進んだ").contains("D：大きく遅れている・実施できなかった");
        fitsAPhone();
        // without results: the message at the field
        browser.findElement(By.id("evaluation-B")).click();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('result').removeAttribute('required');");
        click(By.id("save-progress"));
        assertThat(text(By.id("error-summary"))).contains("実績を入力してください。");
        type("result", "健康教室を地区ごとに12回開き、延べ340人が参加した。");
        browser.findElement(By.id("evaluation-B")).click();
        type("issues", "若い世代の参加が少ない。");
        type("nextDirection", "夜間と休日の教室を試みる。");
        click(By.id("save-progress"));
        assertThat(text(By.id("progress-saved"))).contains("進捗を保存しました");
        assertThat(browser.getCurrentUrl()).endsWith("/planning/progress");
    }

    @Test
    void thePlannerOpensAndClosesAYearAndDownloadsTheReport() throws Exception {
        CurrentActor.actAs(users.loadUserByUsername("planner"));
        UUID plan = plans.createPlan("ブラウザ確認用の計画 " + UUID.randomUUID(), 2016, 2018, "ともに支えあう", null);
        plans.addHeading(plan, HeadingKind.THEME, 1, "見守り");
        plans.addHeading(plan, HeadingKind.SERVICE_TYPE, 1, "人材育成");
        plans.saveMeasure(
                plan,
                new PlanService.MeasureDraft(
                        "1",
                        "見守り訪問",
                        "月1回",
                        null,
                        java.util.List.of(1),
                        java.util.List.of(1),
                        java.util.List.of("健康づくり課"),
                        java.util.List.of(PlanService.MeasureActor.CITY),
                        true));
        SecurityContextHolder.clearContext();
        logIn("planner");
        browser.get(url("/planning/plans/" + plan));
        new Select(browser.findElement(By.id("fiscalYear"))).selectByValue("2017");
        click(By.cssSelector("#open-year button"));
        assertThat(text(By.id("year-status"))).isEqualTo("入力受付中");
        assertThat(text(By.id("department-status"))).contains("健康づくり課").contains("0 / 1");
        click(By.id("remind"));
        assertThat(text(By.id("reminded"))).contains("1課に督促しました");
        type("comment", "見守りの担い手確保を引き続き求める。");
        click(By.id("save-comment"));
        fitsAPhone();
        click(By.id("close-year"));
        assertThat(text(By.id("closed-now"))).contains("締め切りました");
        assertThat(text(By.id("year-status"))).isEqualTo("締切済み");
        assertThat(browser.findElements(By.id("close-year"))).isEmpty();
        assertThat(text(By.id("committee-comment"))).isEqualTo("見守りの担い手確保を引き続き求める。");

        String href = browser.findElement(By.id("report-pdf")).getAttribute("href");
        Cookie session = browser.manage().getCookieNamed("MARUGOTO_SESSION");
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", "MARUGOTO_SESSION=" + session.getValue())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment")
                .contains("plan-progress-2017.pdf");
        assertThat(new String(response.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void aResidentSearchesThePublicPlanByTheme() {
        browser.manage().deleteAllCookies();
        browser.get(url("/public/plan"));
        assertThat(browser.findElement(By.id("basic-goal")).getText()).isEqualTo(demo().basicGoal());
        fitsAPhone();
        click(By.linkText("4. こどもと子育てを支援する仕組みづくり"));
        assertThat(text(By.id("measure-table"))).contains("子ども食堂の立ち上げ・運営支援").doesNotContain("認知症サポーター養成講座");
        assertThat(text(By.id("measure-count"))).matches("\\d+件");
        fitsAPhone();
        click(By.linkText("子ども食堂の立ち上げ・運営支援"));
        assertThat(text(By.tagName("h1"))).isEqualTo("子ども食堂の立ち上げ・運営支援");
        assertThat(browser.findElements(By.cssSelector(".card"))).isNotEmpty();
        browser.get(url("/public/plan/indicators"));
        assertThat(browser.findElements(By.cssSelector("svg.chart[role=img] > title")))
                .hasSize(16);
        fitsAPhone();
        // the area plans, readable on a phone
        browser.get(url("/public/plan/areas"));
        assertThat(text(By.tagName("h1"))).isEqualTo("区計画・地区計画");
        assertThat(browser.findElements(By.cssSelector(".report .card"))).isNotEmpty();
        fitsAPhone();
        assertThat(browser.manage().getCookieNamed("MARUGOTO_SESSION")).isNull();
    }
}
