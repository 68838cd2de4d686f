package org.marugoto;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.marugoto.access.domain.MfaService;
import org.marugoto.access.domain.StaffService;
import org.marugoto.access.domain.Totp;
import org.marugoto.referral.domain.OverdueReferrals;
import org.marugoto.shared.ClusterJobs;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Two application nodes ({@code marugoto.nodes=many}, decision 0030): two Spring application contexts on their own
 * ports in this JVM, on one PostgreSQL server, as a load balancer would put them. A session started on one node goes on
 * on the other; a lockout and a used TOTP code count on both; an overdue scan started on both at once marks and
 * announces each referral once, and each notification is delivered once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesTests {

    static final String PASSWORD = "marugoto-demo";
    static final String TOTP_SECRET = "MARUGOTODEMOTOTPSECRET2345ABCDEF";

    EmbeddedPostgres database;
    ConfigurableApplicationContext nodeA;
    ConfigurableApplicationContext nodeB;
    final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @BeforeAll
    void startTwoNodes() throws Exception {
        database = EmbeddedPostgres.builder().start();
        try (Connection c = database.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("create role app_owner login password 'owner-secret'");
            c.createStatement().execute("create role app_runtime login password 'runtime-secret'");
            c.createStatement().execute("create database marugoto owner app_owner");
        }
        String url = database.getJdbcUrl("postgres", "marugoto").replace("?user=postgres", "");
        // the first node migrates the schema and loads the demo city; the second one finds both done
        nodeA = node(url, true);
        nodeB = node(url, false);
    }

    private ConfigurableApplicationContext node(String url, boolean demo) throws Exception {
        Path unused = Files.createTempDirectory("marugoto-node-").resolve("postgres");
        return new SpringApplicationBuilder(MarugotoApplication.class)
                .run(
                        "--server.port=0",
                        "--marugoto.nodes=many",
                        "--marugoto.db.url=" + url,
                        "--marugoto.db.user=app_runtime",
                        "--marugoto.db.password=runtime-secret",
                        "--marugoto.db.owner-user=app_owner",
                        "--marugoto.db.owner-password=owner-secret",
                        "--marugoto.db.embedded.data-dir=" + unused,
                        "--marugoto.demo.enabled=" + demo,
                        "--marugoto.demo.password=" + PASSWORD,
                        "--marugoto.demo.totp-secret=" + TOTP_SECRET,
                        "--spring.mail.host=localhost",
                        "--spring.mail.port=3025",
                        // the test starts the scans itself
                        "--marugoto.referral.overdue-check=1h");
    }

    @AfterAll
    void stop() throws Exception {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void bothNodesKeepTheirSessionsInTheDatabaseAndDoNotRepublishOnStart() {
        for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
            assertThat(node.getBeansOfType(JdbcIndexedSessionRepository.class)).hasSize(1);
            assertThat(node.getEnvironment()
                            .getProperty("spring.modulith.events.republish-outstanding-events-on-restart"))
                    .isEqualTo("false");
        }
    }

    @Test
    void aSessionSurvivesASwitchOfNode() throws Exception {
        String cookie = login(nodeA, "caseworker", PASSWORD);
        assertThat(cookie).isNotNull();
        HttpResponse<String> home = get(nodeB, "/", cookie);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("小林 さくら");
        // and back again, and a stranger without the cookie is sent to the login page
        assertThat(get(nodeA, "/account", cookie).statusCode()).isEqualTo(200);
        assertThat(get(nodeB, "/account", null).statusCode()).isEqualTo(302);
        // logging out on B ends the session on A too
        logout(nodeB, cookie);
        assertThat(get(nodeA, "/account", cookie).statusCode()).isEqualTo(302);
    }

    @Test
    void aLockoutCountsTheFailuresOfBothNodes() throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(login(attempt % 2 == 0 ? nodeA : nodeB, "caseworker2", "wrong-password"))
                    .isNull();
        }
        // the right password no longer helps, on either node
        assertThat(login(nodeA, "caseworker2", PASSWORD)).isNull();
        assertThat(login(nodeB, "caseworker2", PASSWORD)).isNull();
        UUID id = nodeA.getBean(StaffService.class)
                .loadUserByUsername("caseworker2")
                .accountId();
        assertThat(nodeA.getBean(StaffService.class).isLocked(id)).isTrue();
        assertThat(nodeB.getBean(StaffService.class).isLocked(id)).isTrue();
    }

    @Test
    void aTotpCodeUsedOnOneNodeIsRefusedOnTheOther() {
        UUID admin =
                nodeA.getBean(StaffService.class).loadUserByUsername("admin").accountId();
        String code = Totp.code(TOTP_SECRET, Instant.now());
        assertThat(nodeA.getBean(MfaService.class).verifyLogin(admin, "admin", code))
                .isEqualTo(StaffService.Proof.ACCEPTED);
        assertThat(nodeB.getBean(MfaService.class).verifyLogin(admin, "admin", code))
                .isNotEqualTo(StaffService.Proof.ACCEPTED);
    }

    @Test
    void anOverdueScanStartedOnBothNodesMarksAndAnnouncesEachReferralOnce() throws Exception {
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        java.sql.Timestamp start =
                jdbc.sql("select now()").query(java.sql.Timestamp.class).single();
        // every referral waiting for an answer is made overdue (it was due three days ago)
        int waiting = jdbc.sql("""
                        update referral set desired_response_date = current_date - 3, overdue_since = null
                        where status in ('SENT', 'INFO_REQUESTED')
                        """).update();
        assertThat(waiting).isPositive();
        int stillDue = jdbc.sql("""
                        select count(*) from referral
                        where overdue_since is null
                          and ((status in ('SENT', 'INFO_REQUESTED') and desired_response_date < current_date)
                            or (status in ('ACCEPTED', 'IN_PROGRESS') and last_activity_at < now() - interval '14 days'))
                        """).query(Integer.class).single();
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> scans = List.of(nodeA, nodeB).stream()
                .map(node -> CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    OverdueReferrals overdue = node.getBean(OverdueReferrals.class);
                    int total = 0;
                    // a node goes on until nothing is left (the scan takes at most 200 at a time)
                    for (int found;
                            (found = node.getBean(ClusterJobs.class).runAlone("referral-overdue", overdue::detect))
                                    != 0; ) {
                        total += Math.max(found, 0);
                        if (found < 0) {
                            Thread.onSpinWait();
                        }
                    }
                    return total;
                }))
                .toList();
        int marked = scans.stream().mapToInt(CompletableFuture::join).sum();
        assertThat(marked).isEqualTo(stillDue);
        assertThat(jdbc.sql("""
                        select count(*) from (select referral_id from referral_event where kind = 'OVERDUE'
                                              and occurred_at >= ? group by referral_id having count(*) > 1) twice
                        """).param(start).query(Integer.class).single())
                .as("referrals marked overdue twice")
                .isZero();
        // the notifications are written after the commit by the event listeners: each once
        waitForDelivery(jdbc, start);
        assertThat(jdbc.sql("select count(*) from notification where kind = 'REFERRAL_OVERDUE' and created_at >= ?")
                        .param(start)
                        .query(Integer.class)
                        .single())
                .isPositive();
        assertThat(jdbc.sql("""
                        select count(*) from (select referral_id, agency_id, for_coordinators from notification
                                              where kind = 'REFERRAL_OVERDUE' and created_at >= ?
                                              group by referral_id, agency_id, for_coordinators
                                              having count(*) > 1) twice
                        """).param(start).query(Integer.class).single())
                .as("notifications delivered twice")
                .isZero();
    }

    /**
     * Waits for the referral events published since {@code start}; others (the demo city's organiser mails, which
     * have no mail server here and wait for their retry) are not this test's business.
     */
    private static void waitForDelivery(JdbcClient jdbc, java.sql.Timestamp start) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (jdbc.sql("""
                                    select count(*) from event_publication where completion_date is null
                                    and publication_date >= ? and event_type like '%.ReferralChanged'""").param(start).query(Integer.class).single() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("events not delivered within 10 seconds");
    }

    // ---- HTTP as a browser does it -------------------------------------------------------------------------------

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private URI uri(ConfigurableApplicationContext node, String path) {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(ConfigurableApplicationContext node, String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(node, path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in through the login form; returns the session cookie, or null if the login did not succeed. */
    private String login(ConfigurableApplicationContext node, String username, String password) throws Exception {
        HttpResponse<String> page = get(node, "/login", null);
        String cookie = sessionCookie(page, null);
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        HttpResponse<String> posted = http.send(
                HttpRequest.newBuilder(uri(node, "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password="
                                + enc(password) + "&_csrf=" + enc(csrf.group(1))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = posted.headers().firstValue("Location").orElse("");
        if (posted.statusCode() != 302 || location.contains("/login")) {
            return null;
        }
        return sessionCookie(posted, cookie);
    }

    private void logout(ConfigurableApplicationContext node, String cookie) throws Exception {
        HttpResponse<String> home = get(node, "/", cookie);
        Matcher csrf = CSRF.matcher(home.body());
        assertThat(csrf.find())
                .as("the page carries a CSRF token for the logout form")
                .isTrue();
        HttpResponse<String> out = http.send(
                HttpRequest.newBuilder(uri(node, "/logout"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookie)
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf.group(1))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isEqualTo(302);
    }

    private static String sessionCookie(HttpResponse<?> response, String previous) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("MARUGOTO_SESSION="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .filter(c -> !c.equals("MARUGOTO_SESSION="))
                .findFirst()
                .orElse(previous);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
