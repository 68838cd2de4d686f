package org.marugoto.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Mixed-load benchmark: simulated staff working in the application at the same time, over HTTP, as browsers do. Not a
 * test: it has a {@code main}, lives in test sources so that it does not ship, and asserts nothing. Run it with
 * {@code bench/load.sh}; see bench/README.md.
 *
 * <p>Starts Marugoto in a JVM of its own ({@link LoadBenchmarkApp}) on a data folder under {@code bench/target/load/}
 * with the demo city, and one staff account per simulated staff member. Then, for each load level, every simulated
 * staff member logs in once and loops: person search, a household page from the results, the referral inbox, the
 * case list and one case, and every 10th loop a consultation or a referral (form and POST, in turn); a think time
 * between requests. Only requests started inside the measuring window (after the warm-up) are counted. Prints, per
 * kind of request, count, throughput, p50/p95/p99, max and errors, and the memory (RSS and PSS) of the application's
 * JVM and of its PostgreSQL processes at idle and under load. Only localhost; every level ends after its duration,
 * and the whole run after {@code bench.maxMinutes}.
 *
 * <p>Settings (system properties): {@code bench.staff} (levels, default "50,200"), {@code bench.warmup} (seconds,
 * default 30), {@code bench.duration} (seconds, default 60), {@code bench.thinkMin}/{@code bench.thinkMax} (ms,
 * default 1000/3000), {@code bench.writeEvery} (loops, default 10), {@code bench.dir} (default bench/target/load),
 * {@code bench.fresh} (new data folder, default true), {@code bench.appOpts} (JVM options of the application,
 * default "-Xms256m -Xmx1g"), {@code bench.threadDumps} (jcmd Thread.print samples of the application during the
 * last level, default 0), {@code bench.maxMinutes} (default 20), {@code bench.commit} (printed).
 */
public final class LoadBenchmark {

    /**
     * Think time between two requests of one staff member: 1–3 s, a short look at a page before the next click (a
     * person reading a household page takes far longer). {@code -Dbench.thinkMin=100 -Dbench.thinkMax=300} gives the
     * stress run of the first version of this benchmark, which measures capacity rather than a working day.
     */
    static final int THINK_MIN_MS = 1000;

    static final int THINK_MAX_MS = 3000;

    static final double TARGET_P99_LOW_MS = 200;
    static final double TARGET_P99_HIGH_MS = 1000;

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern HOUSEHOLD = Pattern.compile("/households/([0-9a-f-]{36})\"");
    static final Pattern CASE = Pattern.compile("/cases/([0-9a-f-]{36})\"");
    static final Pattern INPUT = Pattern.compile("<input[^>]*>");
    static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"");
    static final Pattern SELECT_TO_AGENCY =
            Pattern.compile("<select[^>]*name=\"toAgencyId\"[^>]*>(.*?)</select>", Pattern.DOTALL);
    static final Pattern OPTION = Pattern.compile("<option[^>]*value=\"([0-9a-f-]{36})\"");
    static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");
    static final Pattern ERROR_TEXT = Pattern.compile("class=\"[^\"]*(?:error|invalid)[^\"]*\"[^>]*>([^<]{1,200})<");

    /** What the staff type into the search box: family names (kana, kanji, romaji), dates, years. */
    static final List<String> QUERIES = List.of(
            "さとう",
            "すずき",
            "たかはし",
            "たなか",
            "いとう",
            "わたなべ",
            "やまもと",
            "なかむら",
            "こばやし",
            "かとう",
            "よしだ",
            "やまだ",
            "ささき",
            "やまぐち",
            "まつもと",
            "いのうえ",
            "きむら",
            "はやし",
            "しみず",
            "やまざき",
            "佐藤",
            "鈴木",
            "高橋",
            "田中",
            "山本",
            "中村",
            "sato",
            "suzuki",
            "tanaka",
            "S45",
            "1970",
            "昭和30年",
            "さとう けいこ",
            "たなか 1950");

    final String base;
    final HttpClient http;
    final Path dir;
    final Process app;
    final Map<String, Stats> stats = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    final AtomicInteger errorSampleCount = new AtomicInteger();
    volatile long windowStart = Long.MAX_VALUE;
    volatile long windowEnd = Long.MAX_VALUE;
    volatile boolean running;

    LoadBenchmark(String base, Path dir, Process app) {
        this.base = base;
        this.dir = dir;
        this.app = app;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    // ---- statistics -------------------------------------------------------------------------------------------

    /** Latencies (µs) and errors of one kind of request, inside the measuring window. */
    static final class Stats {
        final ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        final AtomicInteger errors = new AtomicInteger();
    }

    void record(String kind, long startNanos, long endNanos, boolean ok) {
        if (startNanos < windowStart || startNanos >= windowEnd) {
            return;
        }
        Stats s = stats.computeIfAbsent(kind, k -> new Stats());
        s.micros.add((endNanos - startNanos) / 1000);
        if (!ok) {
            s.errors.incrementAndGet();
        }
    }

    void sampleError(String what) {
        if (errorSampleCount.incrementAndGet() <= 12) {
            errorSamples.add(what);
        }
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }

    // ---- one simulated staff member ---------------------------------------------------------------------------

    /** A browser: its own cookie jar kept by hand (the session cookie is Secure), no redirects followed. */
    final class Staff implements Runnable {
        final String username;
        final Map<String, String> cookies = new ConcurrentHashMap<>();
        final List<String> households = new ArrayList<>();
        volatile boolean loggedIn;
        int loops;

        Staff(String username) {
            this.username = username;
        }

        HttpResponse<String> send(String kind, HttpRequest.Builder request, int expected) throws InterruptedException {
            if (!cookies.isEmpty()) {
                request.header(
                        "Cookie",
                        cookies.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining("; ")));
            }
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(
                        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                long end = System.nanoTime();
                for (String setCookie : response.headers().allValues("Set-Cookie")) {
                    String pair = setCookie.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    cookies.put(
                            pair.substring(0, eq).strip(),
                            pair.substring(eq + 1).strip());
                }
                boolean ok = response.statusCode() == expected;
                record(kind, start, end, ok);
                if (!ok) {
                    Matcher title = TITLE.matcher(response.body());
                    Matcher error = ERROR_TEXT.matcher(response.body());
                    sampleError(kind + " " + response.uri().getPath() + " -> " + response.statusCode() + " "
                            + response.headers().firstValue("Location").orElse("") + " "
                            + (title.find() ? title.group(1).strip() : "")
                            + (error.find() ? " [" + error.group(1).strip() + "]" : ""));
                }
                return response;
            } catch (IOException e) {
                record(kind, start, System.nanoTime(), false);
                sampleError(kind + " " + e);
                return null;
            }
        }

        HttpResponse<String> get(String kind, String path) throws InterruptedException {
            return send(kind, HttpRequest.newBuilder(URI.create(base + path)), 200);
        }

        HttpResponse<String> post(String kind, String path, List<String[]> fields) throws InterruptedException {
            String body = fields.stream()
                    .map(f -> URLEncoder.encode(f[0], StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(f[1], StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(
                    kind,
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)),
                    302);
        }

        boolean login() throws InterruptedException {
            HttpResponse<String> page = get("login", "/login");
            Matcher csrf = page == null ? null : CSRF.matcher(page.body());
            if (csrf == null || !csrf.find()) {
                return false;
            }
            HttpResponse<String> done = post(
                    "login",
                    "/login",
                    List.of(new String[] {"_csrf", csrf.group(1)}, new String[] {"username", username}, new String[] {
                        "password", "marugoto-demo"
                    }));
            return done != null
                    && !done.headers().firstValue("Location").orElse("error").contains("error");
        }

        void think() throws InterruptedException {
            int min = Integer.getInteger("bench.thinkMin", THINK_MIN_MS);
            int max = Integer.getInteger("bench.thinkMax", THINK_MAX_MS);
            Thread.sleep(ThreadLocalRandom.current().nextInt(min, max + 1));
        }

        @Override
        public void run() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            try {
                if (!login()) {
                    sampleError("login failed for " + username);
                    return;
                }
                loggedIn = true;
                while (running) {
                    loops++;
                    // person search, and a household from its results
                    String q = QUERIES.get(random.nextInt(QUERIES.size()));
                    HttpResponse<String> found =
                            get("search", "/people?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
                    if (found != null && found.statusCode() == 200) {
                        Matcher m = HOUSEHOLD.matcher(found.body());
                        List<String> ids = new ArrayList<>();
                        while (m.find()) {
                            ids.add(m.group(1));
                        }
                        if (!ids.isEmpty()) {
                            households.add(ids.get(random.nextInt(ids.size())));
                            if (households.size() > 20) {
                                households.removeFirst();
                            }
                        }
                    }
                    think();
                    String household = households.isEmpty() ? null : households.get(random.nextInt(households.size()));
                    HttpResponse<String> page = null;
                    if (household != null && running) {
                        page = get("household", "/households/" + household);
                        think();
                    }
                    if (!running) {
                        break;
                    }
                    get("referral inbox", "/referrals");
                    think();
                    if (!running) {
                        break;
                    }
                    HttpResponse<String> list = get("case list", "/cases");
                    think();
                    if (list != null && list.statusCode() == 200 && running) {
                        Matcher m = CASE.matcher(list.body());
                        List<String> ids = new ArrayList<>();
                        while (m.find()) {
                            ids.add(m.group(1));
                        }
                        if (!ids.isEmpty()) {
                            get("case page", "/cases/" + ids.get(random.nextInt(ids.size())));
                            think();
                        }
                    }
                    int every = Integer.getInteger("bench.writeEvery", 10);
                    if (loops % every == 0 && page != null && page.statusCode() == 200 && running) {
                        // half of the staff start with a consultation, the other half with a referral, then in turn
                        if ((loops / every + Math.floorMod(username.hashCode(), 2)) % 2 == 1
                                && page.body().contains("/households/" + household + "/consultations/new")) {
                            consultation(household);
                        } else if (page.body().contains("/households/" + household + "/referrals/new")) {
                            referral(household);
                        }
                        think();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                sampleError(username + " stopped: " + e);
            }
        }

        void consultation(String household) throws InterruptedException {
            String path = "/households/" + household + "/consultations/new";
            HttpResponse<String> form = get("consultation form", path);
            if (form == null || form.statusCode() != 200) {
                return;
            }
            String html = form.body();
            Optional<String> csrf = inputs(html, "_csrf").stream().findFirst();
            List<String> persons = inputs(html, "personIds");
            List<String> issues = inputs(html, "issueCodes");
            if (csrf.isEmpty() || persons.isEmpty() || issues.isEmpty()) {
                sampleError("consultation form without csrf, person or issue: " + household);
                return;
            }
            String submission = inputs(html, "submissionToken").stream()
                    .findFirst()
                    .orElse(java.util.UUID.randomUUID().toString());
            think();
            // a consultation that came in a few minutes ago (one in the future is refused)
            java.time.LocalDateTime received = java.time.LocalDateTime.now(ZoneId.of("Asia/Tokyo"))
                    .minusMinutes(5)
                    .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            List<String[]> fields = new ArrayList<>(List.of(
                    new String[] {"_csrf", csrf.get()},
                    new String[] {"submissionToken", submission},
                    new String[] {"receivedDate", received.toLocalDate().toString()},
                    new String[] {"receivedTime", received.toLocalTime().toString()},
                    new String[] {"channel", "PHONE"},
                    new String[] {"consulterType", "SELF"},
                    new String[] {"personIds", persons.getFirst()},
                    new String[] {
                        "issueCodes", issues.get(ThreadLocalRandom.current().nextInt(issues.size()))
                    },
                    new String[] {"urgency", "NORMAL"},
                    new String[] {"ownWords", "負荷試験の相談"},
                    new String[] {"consentStatus", "GIVEN"},
                    new String[] {"consentDate", received.toLocalDate().toString()},
                    new String[] {"firstResponse", "INFORMATION_GIVEN"}));
            post("consultation POST", path, fields);
        }

        void referral(String household) throws InterruptedException {
            String path = "/households/" + household + "/referrals/new";
            HttpResponse<String> form = get("referral form", path);
            if (form == null || form.statusCode() != 200) {
                return;
            }
            String html = form.body();
            Optional<String> csrf = inputs(html, "_csrf").stream().findFirst();
            List<String> persons = inputs(html, "personIds");
            List<String> issues = inputs(html, "issueCodes");
            Matcher select = SELECT_TO_AGENCY.matcher(html);
            List<String> agencies = select.find() ? all(OPTION, select.group(1)) : List.of();
            if (csrf.isEmpty() || persons.isEmpty() || issues.isEmpty() || agencies.isEmpty()) {
                sampleError("referral form without csrf, person, issue or agency: " + household);
                return;
            }
            think();
            List<String[]> fields = new ArrayList<>(List.of(
                    new String[] {"_csrf", csrf.get()},
                    new String[] {
                        "toAgencyId", agencies.get(ThreadLocalRandom.current().nextInt(agencies.size()))
                    },
                    new String[] {"personIds", persons.getFirst()},
                    new String[] {
                        "issueCodes", issues.get(ThreadLocalRandom.current().nextInt(issues.size()))
                    },
                    new String[] {"urgency", "NORMAL"},
                    new String[] {"summary", "負荷試験のつなぎ"},
                    new String[] {"consentStatus", "GIVEN"},
                    new String[] {"consentScope", "支援に必要な範囲"},
                    new String[] {
                        "desiredResponseDate",
                        LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(7).toString()
                    }));
            post("referral POST", path, fields);
        }
    }

    /** The values of the form's inputs of that name, in any order of attributes. */
    static List<String> inputs(String html, String name) {
        Matcher m = INPUT.matcher(html);
        List<String> values = new ArrayList<>();
        while (m.find()) {
            String tag = m.group();
            if (tag.contains("name=\"" + name + "\"")) {
                Matcher value = VALUE.matcher(tag);
                if (value.find() && !value.group(1).isEmpty() && !values.contains(value.group(1))) {
                    values.add(value.group(1));
                }
            }
        }
        return values;
    }

    static List<String> all(Pattern p, String html) {
        Matcher m = p.matcher(html);
        List<String> values = new ArrayList<>();
        while (m.find()) {
            if (!values.contains(m.group(1))) {
                values.add(m.group(1));
            }
        }
        return values;
    }

    // ---- one load level ---------------------------------------------------------------------------------------

    String level(int staff, int offset, Duration warmup, Duration duration, boolean sampleMemory, int threadDumps)
            throws Exception {
        stats.clear();
        errorSamples.clear();
        errorSampleCount.set(0);
        running = true;
        long now = System.nanoTime();
        windowStart = now + warmup.toNanos();
        windowEnd = windowStart + duration.toNanos();
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
        AuditBacklog auditBefore = auditBacklog();
        List<Thread> threads = new ArrayList<>();
        List<Staff> members = new ArrayList<>();
        for (int i = 0; i < staff; i++) {
            Staff member = new Staff(LoadBenchmarkApp.username(offset + i));
            members.add(member);
            // the logins spread over the first two thirds of the warm-up (a password check costs tens of ms of CPU)
            long delay = warmup.toMillis() * 2 / 3 * i / Math.max(1, staff);
            threads.add(Thread.ofVirtual().name("staff-" + i).start(() -> {
                try {
                    Thread.sleep(delay);
                    member.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        List<Memory> memory = new ArrayList<>();
        int dumps = 0;
        Cpu cpuStart = null;
        while (System.nanoTime() < windowEnd) {
            Thread.sleep(1000);
            long t = System.nanoTime();
            if (t > windowStart && cpuStart == null) {
                cpuStart = cpu();
            }
            if (t > windowStart && sampleMemory && (t - windowStart) / 1_000_000_000L % 5 == 0) {
                memory.add(memory());
            }
            if (t > windowStart + duration.toNanos() / 4 && dumps < threadDumps && (t / 1_000_000_000L) % 3 == 0) {
                dumps++;
                threadDump(dumps);
            }
        }
        Cpu cpuEnd = cpu();
        running = false;
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(35));
        }
        String loadAfter = Files.readString(Path.of("/proc/loadavg")).strip();
        AuditBacklog auditAfter = auditBacklog();

        StringBuilder out = new StringBuilder();
        double seconds = duration.toNanos() / 1e9;
        out.append("%n== %d simulated staff: %d s warm-up, %d s measured; think %d-%d ms; a write every %d loops%n"
                .formatted(
                        staff,
                        warmup.toSeconds(),
                        duration.toSeconds(),
                        Integer.getInteger("bench.thinkMin", THINK_MIN_MS),
                        Integer.getInteger("bench.thinkMax", THINK_MAX_MS),
                        Integer.getInteger("bench.writeEvery", 10)));
        out.append("   load average before: %s | after: %s%n".formatted(loadBefore, loadAfter));
        out.append("   staff logged in: %d of %d; errors outside the measured window (warm-up, logins): %d%n"
                .formatted(
                        members.stream().filter(m -> m.loggedIn).count(),
                        staff,
                        errorSampleCount.get()
                                - stats.values().stream()
                                        .mapToInt(st -> st.errors.get())
                                        .sum()));
        if (cpuStart != null) {
            double wall = (cpuEnd.nanos - cpuStart.nanos) / 1e9;
            double machine = (cpuEnd.machineBusy - cpuStart.machineBusy) / 100.0;
            double jvm = (cpuEnd.jvm - cpuStart.jvm) / 100.0;
            double pg = (cpuEnd.postgres - cpuStart.postgres) / 100.0;
            out.append(String.format(
                    Locale.ROOT,
                    "   CPU in the measured window (cores busy on average, of %d): application JVM %.2f,"
                            + " PostgreSQL %.2f, whole machine %.2f (the rest: the load generator and other work)%n",
                    Runtime.getRuntime().availableProcessors(),
                    jvm / wall,
                    pg / wall,
                    machine / wall));
        }
        out.append(
                "   audit trail: %,d rows written during the level; older than 30 s and not sealed: %,d before, %,d after%n"
                        .formatted(
                                auditAfter.rows() - auditBefore.rows(), auditBefore.unsealed(), auditAfter.unsealed()));
        out.append("   loops per staff member: %s%n"
                .formatted(members.stream()
                        .mapToInt(m -> m.loops)
                        .summaryStatistics()
                        .toString()
                        .replaceFirst("IntSummaryStatistics", "")));
        out.append(String.format(
                "%-20s %7s %8s | %8s %8s %8s %8s | %6s%n", "kind", "n", "req/s", "p50", "p95", "p99", "max", "errors"));
        out.append("-".repeat(88)).append('\n');
        List<Long> everything = new ArrayList<>();
        int allErrors = 0;
        Map<String, Stats> sorted =
                new TreeMap<>(Comparator.comparingInt(LoadBenchmark::order).thenComparing(k -> k));
        sorted.putAll(stats);
        for (var e : sorted.entrySet()) {
            long[] values = e.getValue().micros.stream()
                    .mapToLong(Long::longValue)
                    .sorted()
                    .toArray();
            everything.addAll(e.getValue().micros);
            allErrors += e.getValue().errors.get();
            out.append(row(e.getKey(), values, seconds, e.getValue().errors.get()));
        }
        long[] all = everything.stream().mapToLong(Long::longValue).sorted().toArray();
        out.append("-".repeat(88)).append('\n');
        out.append(row("all", all, seconds, allErrors));
        double p99 = percentile(all, 99);
        double target = staff <= 50 ? TARGET_P99_LOW_MS : TARGET_P99_HIGH_MS;
        boolean met = p99 <= target && (staff <= 50 || allErrors == 0);
        out.append("   target (%s): p99 <= %.0f ms%s -> %s%n"
                .formatted(
                        staff <= 50 ? "50 staff" : "200 staff",
                        target,
                        staff <= 50 ? "" : " and 0 errors",
                        met ? "met" : "MISSED"));
        if (!memory.isEmpty()) {
            out.append("   memory under load (%d samples, every 5 s): last %s%n"
                    .formatted(memory.size(), memory.getLast()));
            Memory max = memory.stream()
                    .max(Comparator.comparingLong(m -> m.jvmRss + m.pgPss))
                    .orElseThrow();
            out.append("   memory under load, highest sample:        %s%n".formatted(max));
        }
        if (!errorSamples.isEmpty()) {
            out.append("   first errors (of %d):%n".formatted(errorSampleCount.get()));
            errorSamples.forEach(s -> out.append("     ").append(s).append('\n'));
        }
        return out.toString();
    }

    static int order(String kind) {
        List<String> order = List.of(
                "login",
                "search",
                "household",
                "referral inbox",
                "case list",
                "case page",
                "consultation form",
                "consultation POST",
                "referral form",
                "referral POST");
        int i = order.indexOf(kind);
        return i < 0 ? order.size() : i;
    }

    static String row(String kind, long[] values, double seconds, int errors) {
        return String.format(
                Locale.ROOT,
                "%-20s %7d %8.1f | %8.1f %8.1f %8.1f %8.1f | %6d%n",
                kind,
                values.length,
                values.length / seconds,
                percentile(values, 50),
                percentile(values, 95),
                percentile(values, 99),
                values.length == 0 ? Double.NaN : values[values.length - 1] / 1000.0,
                errors);
    }

    // ---- CPU (from /proc, in clock ticks of 10 ms) -----------------------------------------------------------

    record Cpu(long nanos, long jvm, long postgres, long machineBusy) {}

    Cpu cpu() {
        long pg = 0;
        for (long pid : postgresPids()) {
            pg += ticks(pid);
        }
        long busy = 0;
        try {
            String[] f =
                    Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // not idle, not iowait
                    busy += Long.parseLong(f[i]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // left at 0
        }
        return new Cpu(System.nanoTime(), ticks(app.pid()), pg, busy);
    }

    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    // ---- memory (from /proc) ----------------------------------------------------------------------------------

    record AuditBacklog(long rows, long unsealed) {}

    /**
     * Audit rows, and how many of those written more than 30 s ago the sealing job has not chained yet (it runs every
     * 10 s on rows older than 5 s, so a sealer that keeps up leaves none), read as the application's own runtime role
     * (its password is in the data folder's secrets, the port in {@code postmaster.pid}).
     */
    AuditBacklog auditBacklog() throws IOException, SQLException {
        Properties secrets = new Properties();
        try (var in = Files.newInputStream(dir.resolve("secrets/database.properties"))) {
            secrets.load(in);
        }
        String port = Files.readAllLines(dir.resolve("postgres/postmaster.pid"))
                .get(3)
                .strip();
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + port + "/postgres",
                        "marugoto_app",
                        secrets.getProperty("app.password"));
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                        select (select count(*) from audit_event),
                               (select count(*) from audit_event e
                                where e.occurred_at < now() - interval '30 seconds'
                                  and not exists (select 1 from audit_seal s where s.event_seq = e.seq))
                        """)) {
            rs.next();
            return new AuditBacklog(rs.getLong(1), rs.getLong(2));
        }
    }

    record Memory(long jvmRss, long pgRss, long pgPss, int pgProcesses) {
        @Override
        public String toString() {
            return "JVM RSS %d MiB; PostgreSQL %d processes, RSS sum %d MiB, PSS sum %d MiB"
                    .formatted(jvmRss >> 10, pgProcesses, pgRss >> 10, pgPss >> 10);
        }
    }

    Memory memory() {
        long jvm = kib(app.pid(), "status", "VmRSS:");
        long rss = 0;
        long pss = 0;
        int count = 0;
        for (long pid : postgresPids()) {
            rss += kib(pid, "status", "VmRSS:");
            pss += kib(pid, "smaps_rollup", "Pss:");
            count++;
        }
        return new Memory(jvm, rss, pss, count);
    }

    List<Long> postgresPids() {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("postgres/postmaster.pid"))
                    .getFirst()
                    .strip());
            return Stream.concat(
                            Stream.of(postmaster),
                            ProcessHandle.of(postmaster).stream()
                                    .flatMap(ProcessHandle::descendants)
                                    .map(ProcessHandle::pid))
                    .toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    static long kib(long pid, String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), file))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(
                            line.substring(key.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended meanwhile
        }
        return 0;
    }

    void threadDump(int n) {
        try {
            Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java"))
                    .resolveSibling("jcmd");
            // Thread.dump_to_file includes the virtual threads that serve the requests (Thread.print does not)
            Path file = dir.resolve("threads-" + n + ".txt").toAbsolutePath();
            Files.deleteIfExists(file);
            new ProcessBuilder(
                            jcmd.toString(),
                            Long.toString(app.pid()),
                            "Thread.dump_to_file",
                            "-format=text",
                            file.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor(20, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the application --------------------------------------------------------------------------------------

    static Process launch(Path dir, int port, int accounts) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(Arrays.asList(
                System.getProperty("bench.appOpts", "-Xms256m -Xmx1g").strip().split("\\s+")));
        command.addAll(List.of(
                "-Duser.timezone=Asia/Tokyo",
                "-Dfile.encoding=UTF-8",
                "-Dbench.accounts=" + accounts,
                "-Dbench.ready=" + dir.resolve("ready"),
                "-cp",
                System.getProperty("java.class.path"),
                LoadBenchmarkApp.class.getName(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--marugoto.db.embedded.data-dir=" + dir.resolve("postgres"),
                "--marugoto.db.embedded.temporary=false",
                "--marugoto.demo.enabled=true",
                "--spring.mail.host="));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("application.log").toFile()))
                .start();
    }

    static void awaitReady(Path dir, Process app, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!Files.exists(dir.resolve("ready"))) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the application exited; see " + dir.resolve("application.log"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the application was not ready in " + limit);
            }
            Thread.sleep(500);
        }
    }

    static void stop(Process app, Path dir) throws Exception {
        if (app.isAlive()) {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor();
            }
        }
        // the embedded PostgreSQL stops with the application; if it was left behind, stop it (fast shutdown)
        Path pidFile = dir.resolve("postgres/postmaster.pid");
        if (Files.exists(pidFile)) {
            long postmaster =
                    Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
            ProcessHandle.of(postmaster).ifPresent(p -> {
                try {
                    new ProcessBuilder("kill", "-INT", Long.toString(postmaster))
                            .inheritIO()
                            .start()
                            .waitFor();
                    p.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // reported by the next start
                }
            });
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public static void main(String[] args) throws Exception {
        List<Integer> levels = Arrays.stream(
                        System.getProperty("bench.staff", "50,200").split(","))
                .map(String::strip)
                .map(Integer::parseInt)
                .toList();
        Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", 30));
        Duration duration = Duration.ofSeconds(Integer.getInteger("bench.duration", 60));
        int threadDumps = Integer.getInteger("bench.threadDumps", 0);
        Path dir = Path.of(System.getProperty("bench.dir", "bench/target/load"));
        if (Boolean.parseBoolean(System.getProperty("bench.fresh", "true"))) {
            deleteTree(dir);
        }
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("ready"));
        int accounts = levels.stream().mapToInt(Integer::intValue).sum();
        int port = freePort();

        // the whole run is bounded: a watchdog stops the application and exits
        long maxMinutes = Long.getLong("bench.maxMinutes", 20);
        Process app = launch(dir, port, accounts);
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(Duration.ofMinutes(maxMinutes));
                System.err.println("bench.maxMinutes (" + maxMinutes + ") passed: stopping");
                stop(app, dir);
                System.exit(2);
            } catch (Exception e) {
                // ended normally
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop(app, dir);
            } catch (Exception e) {
                // best effort
            }
        }));

        StringBuilder report = new StringBuilder();
        try {
            long started = System.nanoTime();
            awaitReady(dir, app, Duration.ofMinutes(5));
            LoadBenchmark bench = new LoadBenchmark("http://127.0.0.1:" + port, dir, app);
            report.append("Marugoto mixed-load benchmark, %s, commit %s%n"
                    .formatted(
                            java.time.ZonedDateTime.now(ZoneId.of("Asia/Tokyo"))
                                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                            System.getProperty("bench.commit", "?")));
            report.append("  %d cpus (nproc), %s; memory %s%n"
                    .formatted(Runtime.getRuntime().availableProcessors(), cpuModel(), memTotal()));
            report.append("  load generator JVM %s %s; application JVM options: %s%n"
                    .formatted(
                            System.getProperty("java.vendor"),
                            System.getProperty("java.runtime.version"),
                            System.getProperty("bench.appOpts", "-Xms256m -Xmx1g")));
            report.append("  application ready (demo city and %d bench accounts) in %d s%n"
                    .formatted(accounts, (System.nanoTime() - started) / 1_000_000_000L));
            Thread.sleep(10_000);
            report.append("  memory at idle (after start, before load): %s%n".formatted(bench.memory()));
            System.out.print(report);
            int offset = 0;
            for (int i = 0; i < levels.size(); i++) {
                int staff = levels.get(i);
                String result =
                        bench.level(staff, offset, warmup, duration, true, i == levels.size() - 1 ? threadDumps : 0);
                offset += staff;
                System.out.print(result);
                report.append(result);
            }
            report.append("  memory after the run: %s%n".formatted(bench.memory()));
            System.out.printf("  memory after the run: %s%n", bench.memory());
        } finally {
            Files.writeString(dir.resolve("report.txt"), report.toString());
            stop(app, dir);
        }
        System.exit(0);
    }

    static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    static String memTotal() {
        return "%.1f GiB".formatted(kibFromMeminfo() / 1024.0 / 1024.0);
    }

    static long kibFromMeminfo() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
                    .findFirst()
                    .orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }
}
