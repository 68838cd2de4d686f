package org.marugoto.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * Community building in the browser: a resident on a phone finds a children's cafeteria, a salon and a volunteer
 * opportunity in their school district and sends an interest message, which the organiser answers; an organiser
 * changes a schedule, which residents see only once a CSW has published it.
 */
@MarugotoTest
class CommunityBrowserTests extends BrowserTest {

    void phone() {
        browser.manage().window().setSize(new Dimension(390, 844));
    }

    long js(String script) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(script)).longValue();
    }

    /** The page fits a 390 px phone and has no serious WCAG 2.1 AA violation. */
    void fitsAndIsAccessible(String page) {
        assertThat(js("return document.documentElement.scrollWidth;"))
                .as("%s scrolls sideways at 390 px", page)
                .isLessThanOrEqualTo(js("return window.innerWidth;"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        try {
            js.executeScript(AccessibilityBrowserTests.axe());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        @SuppressWarnings("unchecked")
        List<Object> violations = (List<Object>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => v.id + ': ' + v.help + ' ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')))));
                """);
        assertThat(violations).as("axe violations on %s", page).isEmpty();
    }

    void search(String district, String kind) {
        new Select(browser.findElement(By.id("area"))).selectByVisibleText(district);
        new Select(browser.findElement(By.id("kind"))).selectByVisibleText(kind);
        click(By.cssSelector("form.public-search button[type=submit]"));
    }

    @Test
    void aResidentOnAPhoneFindsACafeteriaASalonAndAVolunteerOpportunityAndTheOrganiserAnswers() {
        phone();
        browser.manage().deleteAllCookies();
        browser.get(url("/"));
        assertThat(text(By.tagName("h1"))).contains("近くの居場所や活動を探しましょう");
        assertThat(browser.findElements(By.linkText("職員の方（ログイン）"))).isNotEmpty();
        fitsAndIsAccessible("/");

        search("桜台小学校区", "こども食堂");
        assertThat(text(By.cssSelector("main"))).contains("桜台こども食堂 さくらんぼ").doesNotContain("本町こども食堂");
        fitsAndIsAccessible("/public/activities (cafeterias)");
        click(By.linkText("桜台こども食堂 さくらんぼ"));
        assertThat(text(By.cssSelector("main")))
                .contains("毎月 第2・第4 土曜 17:00〜19:00")
                .contains("お休み");
        fitsAndIsAccessible("the cafeteria's page");

        browser.get(url("/public"));
        search("桜台小学校区", "サロン");
        click(By.linkText("桜台ふれあい・いきいきサロン"));
        assertThat(text(By.cssSelector("main"))).contains("毎月 第2 火曜").contains("段差なしで入れます");

        // ふりがな on the headings
        click(By.linkText("ふりがなをつける"));
        assertThat(browser.findElements(By.cssSelector("ruby rt"))).isNotEmpty();
        click(By.linkText("ふりがなを消す"));

        // a volunteer opportunity in the district
        click(By.cssSelector(".public-nav a[href='/public/activities?volunteer=true']"));
        browser.findElement(By.cssSelector(".public-filter summary")).click();
        new Select(browser.findElement(By.id("area"))).selectByVisibleText("桜台小学校区");
        click(By.cssSelector("form.public-search button[type=submit]"));
        click(By.linkText("桜台こども食堂 調理・配膳ボランティア"));
        click(By.linkText("手伝いたい・話を聞きたい"));
        fitsAndIsAccessible("the interest form");
        type("name", "みどり");
        type("contact", "midori@example.jp");
        type("message", "日曜以外の夕方なら手伝えます。見学できますか。");
        click(By.cssSelector("form.form button[type=submit]"));
        assertThat(text(By.tagName("h1"))).contains("送りました");
        assertThat(text(By.cssSelector("main"))).contains("自動で消します");

        // the organiser sees it and answers
        browser.manage().window().maximize();
        logIn("organiser");
        assertThat(browser.getCurrentUrl()).endsWith("/community");
        click(By.partialLinkText("住民からの申し出"));
        click(By.xpath("//tr[td[normalize-space()='みどり']]//a"));
        assertThat(text(By.cssSelector("main"))).contains("midori@example.jp").contains("日曜以外の夕方なら");
        type("answer", "電話で見学日を相談した");
        browser.findElement(By.id("handled")).click();
        click(By.id("record-answer"));
        assertThat(text(By.cssSelector("main"))).contains("記録しました").contains("対応済み");
    }

    @Test
    void anOrganiserChangesAScheduleAndResidentsSeeItOnceACswPublishedIt() {
        logIn("organiser");
        browser.get(url("/community"));
        click(By.linkText("桜台ふれあい・いきいきサロン"));
        String page = browser.getCurrentUrl();
        String id = page.substring(page.lastIndexOf('/') + 1);
        click(By.linkText("変更する"));
        setValue("startTime", "13:30");
        setValue("endTime", "15:00");
        type("cancelledDates", "2027-01-12");
        click(By.id("save"));
        assertThat(text(By.cssSelector("main")))
                .contains("保存しました")
                .contains("確認待ち")
                .contains("毎月 第2 火曜 13:30〜15:00");

        // residents still see the published time
        browser.get(url("/public/activities/" + id));
        assertThat(text(By.cssSelector("main"))).contains("10:00〜12:00").doesNotContain("13:30");

        logIn("csw");
        browser.get(url("/community/reviews"));
        click(By.linkText("桜台ふれあい・いきいきサロン"));
        click(By.id("publish"));
        assertThat(text(By.cssSelector("main"))).contains("住民向けページに掲載しました");

        browser.manage().deleteAllCookies();
        browser.get(url("/public/activities/" + id));
        assertThat(text(By.cssSelector("main"))).contains("毎月 第2 火曜 13:30〜15:00");
    }

    @Test
    void aCswProposesACommunityIssueFromTheAreasFiguresAndRecordsAMeeting() {
        logIn("csw");
        browser.get(url("/community"));
        click(By.linkText("地域の様子と地域生活課題"));
        click(By.linkText("若葉小学校区"));
        assertThat(text(By.id("indicators"))).contains("人口千人あたりの居場所・活動").contains("市全体");
        assertThat(browser.findElements(By.cssSelector("svg.chart rect"))).isNotEmpty();
        type("title", "放課後の子どもの居場所が足りない");
        type("description", "若葉では共働き世帯が増え、放課後の居場所についての相談が学校と子育てひろばに寄せられている。");
        click(By.id("propose"));
        assertThat(text(By.tagName("h1"))).isEqualTo("放課後の子どもの居場所が足りない");
        assertThat(text(By.cssSelector("main"))).contains("根拠となる数字");

        new Select(browser.findElement(By.id("kind"))).selectByVisibleText("三者懇談会");
        setValue("heldOn", java.time.LocalDate.now().toString());
        type("organisations", "若葉町自治会、若葉小学校、民生委員");
        type("minutes", "放課後に図書室を開ける案と、まなびサポーターを増やす案を話し合った。");
        type("action", "まなびサポーターを募集する");
        type("actionOwner", "若葉小学校");
        click(By.id("record-meeting"));
        assertThat(text(By.cssSelector("main")))
                .contains("会議を記録しました")
                .contains("三者懇談会")
                .contains("まなびサポーターを募集する");
        type("feedback", "若葉小学校の図書室を放課後に開けます。まなびサポーターを募集しています。");
        click(By.id("publish-feedback"));
        assertThat(text(By.cssSelector("main"))).contains("住民向けページに載せました");

        browser.manage().deleteAllCookies();
        browser.get(url("/public/issues"));
        assertThat(text(By.cssSelector("main")))
                .contains("放課後の子どもの居場所が足りない")
                .contains("図書室を放課後に開けます")
                .doesNotContain("共働き世帯");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    String id(String sql) {
        return jdbc.sql(sql).query(String.class).list().getFirst();
    }

    /** Every residents' page and the desk's pages, at 390 px: no sideways scrolling, no serious WCAG 2.1 AA issue. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1} as {2}")
    @org.junit.jupiter.params.provider.CsvSource({
        "/, ja, ",
        "/, en, ",
        "/public/furigana?on=true&back=/public, ja, ",
        "/public/activities?kind=SALON, ja, ",
        "/public/activities?volunteer=true, en, ",
        "/public/calendar, ja, ",
        "/public/calendar, en, ",
        "/public/help, ja, ",
        "/public/help/PARENT_CARE, ja, ",
        "/public/activities/{cafeteria}, ja, ",
        "/public/activities/{cafeteria}, en, ",
        "/public/activities/{cafeteria}/interest, ja, ",
        "/public/issues, ja, ",
        "/public/open-data, en, ",
        "/community, ja, organiser",
        "/community/activities/{cafeteria}, ja, organiser",
        "/community/activities/{cafeteria}/edit, ja, organiser",
        "/community/interests, ja, organiser",
        "/community/reviews, en, csw",
        "/community/areas, ja, csw",
        "/community/areas/{area}, ja, csw",
        "/community/issues/{issue}, en, csw"
    })
    void pagesFitAPhoneAndHaveNoSeriousAccessibilityViolations(String path, String lang, String username) {
        if (username != null) {
            logIn(username);
        } else {
            browser.manage().deleteAllCookies();
        }
        phone();
        String url = path.replace(
                        "{cafeteria}", id("select id from community_activity_published where name = '桜台こども食堂 さくらんぼ'"))
                .replace("{area}", id("select id from area where code = 'N1-2'"))
                .replace("{issue}", id("select id from community_issue where title = 'ひとり暮らし高齢者の孤立'"));
        browser.get(url(url + (url.contains("?") ? "&" : "?") + "lang=" + lang));
        fitsAndIsAccessible(path + " " + lang);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.marugoto.community.domain.CommunityService communityService;

    @org.springframework.beans.factory.annotation.Autowired
    org.marugoto.area.AreaApi areaApi;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.security.core.userdetails.UserDetailsService userDetails;

    @Test
    void anOrganiserUploadsAPhotoAndResidentsSeeItOnThePublicPageOncePublished() throws IOException {
        org.marugoto.people.PeopleFixtures.actAs(userDetails, "csw");
        var group = communityService.ensureGroup(
                "写真ボランティアの会",
                null,
                org.marugoto.community.domain.GroupKind.VOLUNTEER_GROUP,
                null,
                null,
                null,
                ((org.marugoto.shared.Actor) userDetails.loadUserByUsername("organiser2")).accountId());
        org.marugoto.people.PeopleFixtures.actAs(userDetails, "organiser2");
        var activity = communityService.create(org.marugoto.community.CommunityFixtures.activity(
                group.id(), areaApi.findByCode("W1-1").orElseThrow().id(), "写真のある縁側カフェ"));
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("salon", ".jpg");
        java.nio.file.Files.write(file, org.marugoto.community.CommunityFixtures.jpegWithGps());

        logIn("organiser2");
        phone();
        browser.get(url("/community/activities/" + activity.id()));
        browser.findElement(By.id("photo-file")).sendKeys(file.toAbsolutePath().toString());
        type("photoAlt", "縁側でお茶を飲みながら話す人たち");
        click(By.id("photo-upload"));
        assertThat(text(By.cssSelector("main"))).contains("写真を保存しました");
        assertThat(browser.findElement(By.id("desk-photo")).getAttribute("alt")).isEqualTo("縁側でお茶を飲みながら話す人たち");
        fitsAndIsAccessible("the desk's activity page with a photo");

        logIn("csw");
        browser.get(url("/community/activities/" + activity.id()));
        click(By.id("publish"));

        browser.manage().deleteAllCookies();
        phone();
        browser.get(url("/public/activities/" + activity.id()));
        var img = browser.findElement(By.id("public-photo"));
        assertThat(img.getAttribute("alt")).isEqualTo("縁側でお茶を飲みながら話す人たち");
        assertThat(js("return document.getElementById('public-photo').naturalWidth;"))
                .isEqualTo(1200);
        assertThat(js("return document.getElementById('public-photo').getBoundingClientRect().width;"))
                .isLessThanOrEqualTo(390);
        fitsAndIsAccessible("the public page with a photo");
        java.nio.file.Files.deleteIfExists(file);
    }
}
