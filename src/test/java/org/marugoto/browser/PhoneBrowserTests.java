package org.marugoto.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On a 390 px phone (the volunteers are often elderly and use phones) no page scrolls sideways: tables become cards,
 * long words wrap; and the volunteer's concern form is on the first screen.
 */
@MarugotoTest
class PhoneBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    UUID id(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (Object p : params) {
            spec = spec.param(p);
        }
        return spec.query(UUID.class).single();
    }

    void phone() {
        browser.manage().window().setSize(new Dimension(390, 844));
    }

    long js(String script) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(script)).longValue();
    }

    /** Fails softly, naming the page, when the page is wider than the window. */
    void visit(SoftAssertions softly, String who, String path) {
        browser.get(url(path));
        long scrollWidth = js("return document.documentElement.scrollWidth;");
        long innerWidth = js("return window.innerWidth;");
        softly.assertThat(scrollWidth)
                .as("%s as %s is %d px wide in a %d px window (%s)", path, who, scrollWidth, innerWidth, widest())
                .isLessThanOrEqualTo(innerWidth);
        softly.assertThat(seriousAxeViolations())
                .as("axe violations on %s as %s at 390 px", path, who)
                .isEmpty();
        screenshot(who + path);
        if (js("return document.querySelectorAll('table.data').length;") > 0) {
            ((JavascriptExecutor) browser).executeScript("document.querySelector('table.data').scrollIntoView();");
            screenshot(who + path + "-table");
        }
    }

    /** axe-core's WCAG 2.1 A and AA violations of serious or critical impact, as in {@link AccessibilityBrowserTests}. */
    List<Object> seriousAxeViolations() {
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
        return violations;
    }

    /** What sticks out furthest to the right, to say why a page is too wide. */
    String widest() {
        return String.valueOf(((JavascriptExecutor) browser).executeScript("""
                let worst = null, right = 0;
                for (const e of document.body.querySelectorAll('*')) {
                  const r = e.getBoundingClientRect().right;
                  if (r > right) { right = r; worst = e; }
                }
                return worst ? worst.tagName + (worst.id ? '#' + worst.id : '') + '.' + worst.className
                    + ' right=' + Math.round(right) : 'nothing';
                """));
    }

    /** Keeps a screenshot under target/phone-screenshots when asked to (-Dmarugoto.screenshots=true). */
    void screenshot(String name) {
        if (!Boolean.getBoolean("marugoto.screenshots")) {
            return;
        }
        try {
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Path dir = Files.createDirectories(Path.of("target/phone-screenshots"));
            Files.copy(
                    shot.toPath(),
                    dir.resolve(name.replaceAll("[^A-Za-z0-9]+", "-") + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noPageScrollsSidewaysOnA390PxPhone() {
        UUID household = id("select id from household where name = '佐々木家' order by case_number limit 1");
        UUID kase = id("select id from support_case where household_id = ?", household);
        UUID concern = id("select id from watch_concern order by created_at limit 1");
        UUID watch = id("""
                select r.id from watch_request r join staff_account a on a.id = r.volunteer_account_id
                where a.username = 'minsei' and r.ended_at is null order by r.created_at limit 1""");
        SoftAssertions softly = new SoftAssertions();
        phone();

        logIn("caseworker");
        visit(softly, "caseworker", "/");
        visit(softly, "caseworker", "/people?q=ささき");
        visit(softly, "caseworker", "/households/" + household);
        visit(softly, "caseworker", "/households/" + household + "?lang=en");
        visit(softly, "caseworker", "/referrals");
        visit(softly, "caseworker", "/referrals?state=SENT&sort=STATE");
        visit(softly, "caseworker", "/households/" + household + "/referrals/new");
        visit(
                softly,
                "caseworker",
                "/households/" + id("select id from household where name = '月岡家' order by case_number limit 1"));
        visit(softly, "caseworker", "/concerns");
        visit(softly, "caseworker", "/concerns/" + concern);
        visit(softly, "caseworker", "/cases/" + kase + "/plan");
        visit(softly, "caseworker", "/cases/" + kase + "/assessments");

        // outreach: the list with the overdue records, a record with its chart, the attempt form made for the door
        UUID outreach = id("""
                select o.id from outreach_record o join household h on h.id = o.household_id
                where h.name = '齋藤家' order by o.created_at limit 1""");
        UUID saito = id("select household_id from outreach_record where id = ?", outreach);
        logIn("csw");
        visit(softly, "csw", "/outreach");
        visit(softly, "csw", "/outreach/" + outreach);
        visit(softly, "csw", "/outreach/" + outreach + "?lang=en");
        visit(softly, "csw", "/outreach/" + outreach + "/attempts/new");
        visit(softly, "csw", "/outreach/new?household=" + saito);
        visit(softly, "csw", "/households/" + saito);

        // participation support: the person's page with the ranked roles, the list of roles, the unmet needs
        UUID profile = id("""
                select p.id from participation_profile p join household h on h.id = p.household_id
                where h.name = '佐々木家' limit 1""");
        logIn("caseworker2");
        visit(softly, "caseworker2", "/participation");
        visit(softly, "caseworker2", "/participation/" + profile);
        visit(softly, "caseworker2", "/participation/opportunities");
        visit(softly, "caseworker2", "/participation/needs");
        visit(
                softly,
                "caseworker2",
                "/participation/new?household="
                        + id("select household_id from participation_profile where id = ?", profile));

        logIn("planner");
        visit(softly, "planner", "/participation/needs");

        logIn("coordinator");
        visit(softly, "coordinator", "/");
        visit(softly, "coordinator", "/cases");
        visit(softly, "coordinator", "/outreach");
        visit(softly, "coordinator", "/cases?all=true&sort=STATE");
        visit(softly, "coordinator", "/referrals/overdue");
        visit(softly, "coordinator", "/statistics");
        visit(softly, "coordinator", "/statistics?lang=en");
        visit(softly, "coordinator", "/statistics/dashboard");
        visit(softly, "coordinator", "/imports");

        logIn("supervisor");
        visit(softly, "supervisor", "/");
        visit(softly, "supervisor", "/statistics/dashboard");

        logIn("csw");
        visit(softly, "csw", "/");
        visit(softly, "csw", "/referrals/" + id("""
                select r.id from referral r join household h on h.id = r.household_id
                where h.name = '齋藤家' and r.status = 'DECLINED' order by r.created_at limit 1"""));

        logIn("planner");
        visit(softly, "planner", "/");
        visit(softly, "planner", "/statistics?scope=city");
        visit(softly, "coordinator", "/cases/" + kase);

        logIn("auditor");
        visit(softly, "auditor", "/");
        visit(softly, "auditor", "/audit");

        logIn("minsei");
        visit(softly, "minsei", "/volunteer");
        visit(softly, "minsei", "/volunteer/watches/" + watch);
        visit(softly, "minsei", "/directory");

        logIn("admin");
        visit(softly, "admin", "/");
        visit(softly, "admin", "/admin/areas");
        visit(softly, "admin", "/admin/staff");
        visit(softly, "admin", "/admin/agencies");
        visit(softly, "admin", "/admin/issue-codes");
        visit(softly, "admin", "/admin/outreach-stages");

        logIn("privacy");
        visit(softly, "privacy", "/");
        visit(softly, "privacy", "/protection");
        visit(softly, "privacy", "/emergency-access/reviews");
        softly.assertAll();
    }

    @Test
    void theVolunteersConcernFormIsOnTheFirstScreen() {
        phone();
        logIn("minsei");
        browser.get(url("/volunteer"));
        long formTop = js("return Math.round(document.querySelector('form[action$=\"/volunteer/concerns\"]')"
                + ".getBoundingClientRect().top);");
        long screen = js("return window.innerHeight;");
        assertThat(formTop)
                .as("top of the concern form on /volunteer in a %d px high window", screen)
                .isLessThan(screen);
        assertThat(browser.findElement(By.id("noticed")).isDisplayed()).isTrue();
    }
}
