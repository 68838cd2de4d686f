package org.marugoto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Kills what a power cut or a crash kills, during a stream of writes through the application's forms, and checks that
 * every write the user saw acknowledged (302 to the new household) is there afterwards, whole, and that the application
 * serves again without a human: first the JVM (SIGKILL; its embedded PostgreSQL is left behind as an orphan), then,
 * on the restarted application, the postmaster alone (SIGKILL). Runs the application as a separate process, as a user
 * would, with a data folder of its own.
 */
class DurabilityTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern HOUSEHOLD = Pattern.compile("/households/([0-9a-f-]{36})$");
    private static final String KANA = "あいうえおかきくけこ";

    @Test
    void acknowledgedWritesSurviveKillingTheJvmAndThenThePostmaster() throws Exception {
        Path data = Files.createTempDirectory("marugoto-durability-");
        Set<UUID> acknowledged = new ConcurrentSkipListSet<>();
        List<Integer> statusesWhileDatabaseDown = new CopyOnWriteArrayList<>();
        AtomicInteger serial = new AtomicInteger();
        Process first = null;
        Process second = null;
        try {
            // 1. a stream of registrations; the JVM is killed after ten were acknowledged, with one in flight
            int port = freePort();
            first = launch(data, port);
            awaitReadyWithoutEarlyLogin(port, first);
            Client client = Client.login(port, "caseworker");
            Writer writer = new Writer(client, serial, acknowledged, null);
            Thread stream = Thread.ofPlatform().start(writer);
            awaitCount(acknowledged, 10, Duration.ofSeconds(60));
            first.destroyForcibly().waitFor();
            writer.stop();
            stream.join();
            int afterJvmKill = acknowledged.size();

            // 2. start again on the same data folder: the orphaned database server is dealt with, nothing is lost
            port = freePort();
            second = launch(data, port);
            awaitReadyWithoutEarlyLogin(port, second);
            assertAllPresentAndWhole(data, acknowledged);

            // 3. kill the postmaster under the running application, during another stream
            client = Client.login(port, "caseworker");
            writer = new Writer(client, serial, acknowledged, statusesWhileDatabaseDown);
            stream = Thread.ofPlatform().start(writer);
            awaitCount(acknowledged, afterJvmKill + 10, Duration.ofSeconds(60));
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid"))
                    .getFirst()
                    .strip());
            writer.databaseKilled();
            new ProcessBuilder("kill", "-KILL", Long.toString(postmaster))
                    .inheritIO()
                    .start()
                    .waitFor();
            int atKill = acknowledged.size();
            // the application must serve writes again by itself
            awaitCount(acknowledged, atKill + 10, Duration.ofSeconds(90));
            writer.stop();
            stream.join();
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
            assertAllPresentAndWhole(data, acknowledged);
            assertThat(writer.failures)
                    .as("unexpected answers: %s", writer.failures)
                    .isEmpty();
            assertThat(statusesWhileDatabaseDown)
                    .as("while the database was down, only 503 (or a saved write) may be answered")
                    .allMatch(status -> status == 302 || status == 503);
            System.out.printf(
                    "Durability: %d writes acknowledged before the JVM was killed, %d before the postmaster was"
                            + " killed, %d in all, all present; answers after the postmaster kill: %d x 503%n",
                    afterJvmKill,
                    atKill,
                    acknowledged.size(),
                    statusesWhileDatabaseDown.stream().filter(s -> s == 503).count());
        } catch (AssertionError e) {
            // keep the application's log for the reader of the failure
            Files.copy(
                    data.resolve("application.log"),
                    Path.of("target", "durability-application.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            throw e;
        } finally {
            for (Process p : new Process[] {first, second}) {
                if (p != null && p.isAlive()) {
                    p.destroy();
                    if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                }
            }
            stopLeftoverServer(data);
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Registers one new person in a new household after another, recording the acknowledged ones. */
    static final class Writer implements Runnable {

        private final Client client;
        private final AtomicInteger serial;
        private final Set<UUID> acknowledged;
        private final List<Integer> statusesAfterKill;
        private final List<String> failures = new CopyOnWriteArrayList<>();
        private volatile boolean running = true;
        private volatile boolean databaseKilled;

        Writer(Client client, AtomicInteger serial, Set<UUID> acknowledged, List<Integer> statusesAfterKill) {
            this.client = client;
            this.serial = serial;
            this.acknowledged = acknowledged;
            this.statusesAfterKill = statusesAfterKill == null ? new ArrayList<>() : statusesAfterKill;
        }

        void stop() {
            running = false;
        }

        void databaseKilled() {
            databaseKilled = true;
        }

        @Override
        public void run() {
            while (running) {
                int n = serial.incrementAndGet();
                try {
                    String form = client.csrfOf("/people/new");
                    HttpResponse<String> response = client.post(
                            "/people/new",
                            Map.of(
                                    "_csrf", form,
                                    "familyName", "耐久",
                                    "givenName", "試験" + n,
                                    "familyNameKana", "たいきゅう",
                                    "givenNameKana", kana(n),
                                    "sex", "FEMALE",
                                    "newHouseholdName", "耐久試験" + n,
                                    "relationship", "SELF",
                                    "livesTogether", "true",
                                    "confirmedNew", "true"));
                    if (databaseKilled) {
                        statusesAfterKill.add(response.statusCode());
                    }
                    String location = response.headers().firstValue("Location").orElse("");
                    Matcher household = HOUSEHOLD.matcher(location);
                    if (response.statusCode() == 302 && household.find()) {
                        acknowledged.add(UUID.fromString(household.group(1)));
                    } else if (response.statusCode() != 503) {
                        Matcher title =
                                Pattern.compile("<title>([^<]*)</title>").matcher(response.body());
                        failures.add(
                                response.statusCode() + " " + location + " " + (title.find() ? title.group(1) : ""));
                    } else {
                        Thread.sleep(200);
                    }
                } catch (IOException e) {
                    // the JVM is gone (first stream); the write was never acknowledged
                    if (!databaseKilled) {
                        return;
                    }
                    failures.add(e.toString());
                } catch (InterruptedException e) {
                    return;
                } catch (IllegalStateException e) {
                    if (databaseKilled) {
                        // the form page itself answered 503: wait and try again
                        sleep();
                    } else {
                        failures.add(e.getMessage());
                        sleep();
                    }
                }
            }
        }

        private static void sleep() {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A browser-like client: a cookie jar (kept by hand: the session cookie is Secure, which browsers but not the JDK's
     * cookie manager send to http://localhost), the CSRF token from the form, no redirects followed.
     */
    record Client(HttpClient http, String base, Map<String, String> cookies) {

        static Client login(int port, String username) throws Exception {
            HttpClient http = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            Client client =
                    new Client(http, "http://localhost:" + port, new java.util.concurrent.ConcurrentHashMap<>());
            String csrf = client.csrfOf("/login");
            HttpResponse<String> login =
                    client.post("/login", Map.of("_csrf", csrf, "username", username, "password", "marugoto-demo"));
            assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
            return client;
        }

        String csrfOf(String path) throws IOException, InterruptedException {
            HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + path)));
            Matcher m = CSRF.matcher(page.body());
            if (page.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException(path + " answered " + page.statusCode());
            }
            return m.group(1);
        }

        HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
            String body = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            if (!cookies.isEmpty()) {
                request.header(
                        "Cookie",
                        cookies.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                cookies.put(
                        pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
            return response;
        }
    }

    private static Process launch(Path data, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx512m",
                "-Duser.timezone=Asia/Tokyo",
                "-cp",
                System.getProperty("java.class.path"),
                MarugotoApplication.class.getName(),
                "--server.port=" + port,
                "--marugoto.db.embedded.data-dir=" + data.resolve("postgres"),
                "--marugoto.db.embedded.temporary=false",
                "--marugoto.demo.enabled=true",
                "--spring.mail.host="));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        data.resolve("application.log").toFile()))
                .start();
    }

    /**
     * Waits until the readiness probe says UP; meanwhile the login page must never be served (it answers 503 until the
     * migrations and the demo city are done).
     */
    private static void awaitReadyWithoutEarlyLogin(int port, Process app) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        List<Integer> loginBeforeReady = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive()).as("the application exited; see its log").isTrue();
            try {
                int login = status(http, port, "/login");
                int ready = status(http, port, "/actuator/health/readiness");
                if (ready == 200) {
                    assertThat(loginBeforeReady).as("login page before ready").doesNotContain(200);
                    return;
                }
                loginBeforeReady.add(login);
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the application did not become ready in 180 s");
    }

    private static int status(HttpClient http, int port, String path) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static void awaitCount(Set<UUID> set, int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (set.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + set.size() + " of " + count + " writes acknowledged in " + limit);
            }
            Thread.sleep(50);
        }
    }

    /** Every acknowledged household is there with exactly its one person; no registration is half there. */
    private static void assertAllPresentAndWhole(Path data, Set<UUID> acknowledged) throws Exception {
        Properties secrets = new Properties();
        try (InputStream in = Files.newInputStream(data.resolve("secrets/database.properties"))) {
            secrets.load(in);
        }
        String port = Files.readAllLines(data.resolve("postgres/postmaster.pid"))
                .get(3)
                .strip();
        try (Connection c = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/postgres",
                "marugoto_owner",
                secrets.getProperty("owner.password"))) {
            List<UUID> missing = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    select count(*) from household_member m join person p on p.id = m.person_id
                    where m.household_id = ? and p.family_name = '耐久'""")) {
                for (UUID id : acknowledged) {
                    s.setObject(1, id);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) != 1) {
                            missing.add(id);
                        }
                    }
                }
            }
            assertThat(missing).as("acknowledged writes missing or not whole").isEmpty();
            try (ResultSet rs = c.createStatement().executeQuery("""
                    select count(*) from household h where h.name like '耐久試験%'
                      and (select count(*) from household_member m where m.household_id = h.id) <> 1""")) {
                rs.next();
                assertThat(rs.getInt(1)).as("households without their person").isZero();
            }
        }
        assertThat(Collections.unmodifiableSet(acknowledged)).isNotEmpty();
    }

    private static void stopLeftoverServer(Path data) throws Exception {
        Path pid = data.resolve("postgres/postmaster.pid");
        if (Files.exists(pid)) {
            long server = Long.parseLong(Files.readAllLines(pid).getFirst().strip());
            ProcessHandle.of(server).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static String kana(int n) {
        StringBuilder s = new StringBuilder("しけん");
        for (char digit : Integer.toString(n).toCharArray()) {
            s.append(KANA.charAt(digit - '0'));
        }
        return s.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
