package org.marugoto.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.marugoto.MarugotoApplication;
import org.marugoto.bench.BenchQueries.Category;
import org.marugoto.bench.BenchQueries.Target;
import org.marugoto.people.domain.PersonSearch;
import org.marugoto.people.domain.SearchHit;
import org.marugoto.shared.Actor;
import org.marugoto.shared.Tenancy;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Benchmark of person search over a large generated population (default 1,000,000 persons). Not a test: it has a
 * {@code main}, lives in test sources so that it does not ship, and asserts nothing. Run it with
 * {@code bench/search.sh [persons]}; see bench/README.md.
 *
 * <p>Starts the application in-process on an embedded PostgreSQL kept under {@code bench/target/}, loads persons in
 * households with COPY unless enough are there from an earlier run, then times, per query category, the full service
 * path ({@link PersonSearch#search}: access check, audit row, SQL, households) beside the bare SQL of the same search
 * ({@link PersonSearch#prepare}), for queries typed for persons the caseworker's agency may see (hits) and may not
 * see (misses).
 *
 * <p>Settings (system properties): {@code bench.persons} (or the first argument), {@code bench.queries} timed per
 * category and path (default 200), {@code bench.warmup} per category (default 20), {@code bench.proposed} (time the
 * proposed SQL too, default true), {@code bench.dir} (default
 * bench/target), {@code bench.user} (default caseworker), {@code bench.only} (comma-separated category labels).
 */
public final class SearchBenchmark {

    private static final double TARGET_P95_MS = 50.0;
    private static final double TARGET_RATIO = 2.0;

    /**
     * Also time the SQL with the changes proposed in bench/README.md (see {@link #proposed}). Set {@code
     * -Dbench.proposed=false} to time only what the application runs.
     */
    private static final boolean PROPOSED = Boolean.parseBoolean(System.getProperty("bench.proposed", "false"));

    private static final java.util.regex.Pattern WORD_PARAMETER = java.util.regex.Pattern.compile(":(w\\d+)");

    /**
     * The search SQL as proposed in bench/README.md, built from the same criteria and parameters as {@link
     * PersonSearch.PreparedSearch#sql()}, with the same score and order, but: (1) every word of the query must match
     * in one of its readings (the words are ANDed, the readings of a word ORed), so that "あべ さくら" looks at persons
     * matching both words instead of all who match either; in a query of several words a word after the first may also
     * match anywhere in the name or reading key (so that the given name "亮" of "髙橋 亮" still matches); (2) {@code offset 0} in the visibility subquery, so that
     * PostgreSQL checks visibility per candidate row instead of hashing every person the agency may see.
     */
    static String proposed(PersonSearch.PreparedSearch search) {
        List<PersonSearch.Criterion> criteria = search.criteria();
        StringBuilder score = new StringBuilder();
        StringBuilder flags = new StringBuilder();
        Map<String, StringBuilder> words = new java.util.LinkedHashMap<>();
        for (int i = 0; i < criteria.size(); i++) {
            PersonSearch.Criterion c = criteria.get(i);
            score.append(i == 0 ? "" : " + ")
                    .append("(case when ")
                    .append(c.sql())
                    .append(" then ")
                    .append(c.score())
                    .append(" else 0 end)");
            flags.append(", (").append(c.sql()).append(") as c").append(i);
            java.util.regex.Matcher word = WORD_PARAMETER.matcher(c.sql());
            StringBuilder any = words.computeIfAbsent(word.find() ? word.group(1) : "all", k -> new StringBuilder());
            any.append(any.isEmpty() ? "" : " or ").append('(').append(c.sql()).append(')');
        }
        if (words.size() > 1) {
            // in a name of several words, a later word ("亮", "えみ") is part of the key of the whole name: accept it
            // anywhere in the name or reading; the first word's indexes narrow the candidates, so this is a filter
            for (var word : words.entrySet()) {
                if (word.getKey().equals("w0")) {
                    continue; // the first word (usually the family name) keeps only indexable conditions
                }
                if (search.params().hasValue(word.getKey() + "name")) {
                    word.getValue()
                            .append(" or position(:")
                            .append(word.getKey())
                            .append("name in p.name_key) > 0");
                }
                if (search.params().hasValue(word.getKey() + "reading")) {
                    word.getValue()
                            .append(" or position(:")
                            .append(word.getKey())
                            .append("reading in p.loose_reading_key) > 0");
                }
            }
        }
        StringBuilder all = new StringBuilder();
        for (StringBuilder any : words.values()) {
            all.append(all.isEmpty() ? "" : "\n  and ").append('(').append(any).append(')');
        }
        return """
                select p.*, %s as score %s
                from person p
                where p.municipality_id = :m
                  and %s
                  and (p.owner_agency_id = :agency or exists (
                        select 1 from household_member vm join household_agency va
                          on va.municipality_id = vm.municipality_id and va.household_id = vm.household_id
                        where vm.municipality_id = p.municipality_id and vm.person_id = p.id
                          and va.agency_id = :agency
                        offset 0))
                order by score desc, p.loose_reading_key, p.birth_date
                limit :limit
                """.formatted(score, flags, all);
    }

    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        long persons = args.length > 0
                ? Long.parseLong(args[0].replace("_", "").replace(",", ""))
                : Long.getLong("bench.persons", 1_000_000L);
        int queries = Integer.getInteger("bench.queries", 200);
        int warmup = Integer.getInteger("bench.warmup", 20);
        String username = System.getProperty("bench.user", "caseworker");
        Path dir = Path.of(System.getProperty("bench.dir", "bench/target")).toAbsolutePath();
        Path dataDir = dir.resolve("pg-" + persons);
        Files.createDirectories(dir);

        long started = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(MarugotoApplication.class)
                .run(
                        "--server.port=0",
                        "--marugoto.db.embedded.data-dir=" + dataDir,
                        "--marugoto.db.embedded.temporary=false",
                        "--marugoto.demo.enabled=true",
                        "--marugoto.demo.households=0",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN");
        int exit = 0;
        try {
            new SearchBenchmark.Run(context, persons, queries, warmup, username, dir, started).run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            context.close();
        }
        System.exit(exit);
    }

    private static final class Run {

        private final ConfigurableApplicationContext context;
        private final long persons;
        private final int queries;
        private final int warmup;
        private final String username;
        private final Path dir;
        private final long started;
        private final JdbcClient jdbc;
        private final DataSource dataSource;
        private final PersonSearch search;
        private final UUID municipalityId;
        private final List<String> out = new ArrayList<>();

        Run(
                ConfigurableApplicationContext context,
                long persons,
                int queries,
                int warmup,
                String username,
                Path dir,
                long started) {
            this.context = context;
            this.persons = persons;
            this.queries = queries;
            this.warmup = warmup;
            this.username = username;
            this.dir = dir;
            this.started = started;
            this.jdbc = context.getBean(JdbcClient.class);
            this.dataSource = context.getBean(DataSource.class);
            this.search = context.getBean(PersonSearch.class);
            this.municipalityId = context.getBean(Tenancy.class).municipalityId();
        }

        void run() throws Exception {
            double startSeconds = (System.nanoTime() - started) / 1e9;
            String loadLine = load();
            UUID agencyId = login();
            String agencyCode = jdbc.sql("select code from agency where id = ?")
                    .param(agencyId)
                    .query(String.class)
                    .single();

            print(
                    "Marugoto person search benchmark (%s)",
                    java.time.OffsetDateTime.now().withNano(0));
            print("");
            machine(startSeconds);
            print("");
            print("Data");
            print("  %s", loadLine);
            counts(agencyId, agencyCode);
            print("");

            List<Target> sample = sample(agencyId);
            List<Target> visible = sample.stream().filter(Target::visible).toList();
            List<Target> hidden = sample.stream().filter(t -> !t.visible()).toList();
            print(
                    "Queries: per category %d timed on each path (%d for persons the agency sees, %d for persons it"
                            + " does not), after %d warm-up; service and bare SQL alternate, in turn first",
                    queries, queries / 2, queries - queries / 2, warmup);
            print(
                    "  sampled %d persons (%d visible, %d not visible) as targets",
                    sample.size(), visible.size(), hidden.size());
            print("");

            String only = System.getProperty("bench.only", "");
            Map<Category, Result> results = new EnumMap<>(Category.class);
            for (Category category : Category.values()) {
                if (!only.isBlank() && !Arrays.asList(only.split(",")).contains(category.label)) {
                    continue;
                }
                System.err.printf("  timing %s ...%n", category.label);
                results.put(category, measure(category, visible, hidden, agencyId));
            }
            table(results);
            explain(results);
            Files.write(dir.resolve("search-" + persons + ".txt"), out);
        }

        // ---- data -----------------------------------------------------------------------------------------

        private String load() throws Exception {
            long existing = jdbc.sql("select count(*) from person where created_by = ?")
                    .param(BenchData.CREATED_BY)
                    .query(Long.class)
                    .single();
            if (existing >= persons) {
                return "reused %,d persons loaded by an earlier run (delete %s to load again)"
                        .formatted(existing, dir.relativize(dir.resolve("pg-" + persons)));
            }
            long existingHouseholds = jdbc.sql("select count(*) from household where created_by = ?")
                    .param(BenchData.CREATED_BY)
                    .query(Long.class)
                    .single();
            long toLoad = persons - existing;
            System.err.printf("  loading %,d persons with COPY ...%n", toLoad);
            long t0 = System.nanoTime();
            BenchData data;
            // a connection of its own: a pooled one may hold the plans of the foreign-key checks made while the
            // tables were almost empty (demo data at start-up), which scan the whole referenced table per row
            try (Connection c = newConnection()) {
                data = new BenchData(
                        municipalityId,
                        BenchData.codes(c, "agency", municipalityId),
                        BenchData.codes(c, "area", municipalityId),
                        20261123L + existing,
                        100_000 + existingHouseholds);
                try {
                    data.load(c, toLoad, loaded -> {
                        if (loaded > 0) {
                            System.err.printf("    %,d persons, %.0f s%n", loaded, (System.nanoTime() - t0) / 1e9);
                        }
                    });
                } finally {
                    c.setAutoCommit(true);
                }
            }
            double copySeconds = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            try (Connection c = newConnection();
                    Statement s = c.createStatement()) {
                s.execute("set maintenance_work_mem = '512MB'");
                // flushes the GIN pending lists the COPY left behind and writes the visibility map, as autovacuum
                // would soon do; then statistics for the planner
                s.execute("vacuum (analyze) household, person, household_member, household_agency");
            }
            double analyzeSeconds = (System.nanoTime() - t1) / 1e9;
            return ("loaded %,d persons in %,d households (%,d household_agency rows) with COPY in %.1f s"
                            + " (%,.0f persons/s), then VACUUM ANALYZE in %.1f s")
                    .formatted(
                            data.persons,
                            data.households,
                            data.involvements,
                            copySeconds,
                            data.persons / copySeconds,
                            analyzeSeconds);
        }

        /**
         * A connection of its own (see bench/README.md, stale foreign-key plans) as the schema owner: the application's
         * role may not alter tables, and the loader switches the row triggers of the loaded tables off.
         */
        private Connection newConnection() throws java.sql.SQLException {
            return context.getBean(org.marugoto.shared.db.Database.class)
                    .ownerDataSource()
                    .getConnection();
        }

        private UUID login() {
            UserDetails user = context.getBean(UserDetailsService.class).loadUserByUsername(username);
            SecurityContextHolder.getContext()
                    .setAuthentication(
                            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            return ((Actor) user).agencyId();
        }

        private void counts(UUID agencyId, String agencyCode) {
            Map<String, Object> c =
                    jdbc.sql("""
                            select (select count(*) from person) as persons,
                                   (select count(*) from household) as households,
                                   (select count(*) from household_member) as members,
                                   (select count(*) from household_agency) as involvements,
                                   (select count(*) from person p where p.owner_agency_id = :agency or exists (
                                        select 1 from household_member vm join household_agency va
                                          on va.municipality_id = vm.municipality_id and va.household_id = vm.household_id
                                        where vm.municipality_id = p.municipality_id and vm.person_id = p.id
                                          and va.agency_id = :agency)) as visible,
                                   pg_size_pretty(pg_total_relation_size('person')) as person_size,
                                   pg_size_pretty(pg_database_size(current_database())) as db_size
                            """).param("agency", agencyId).query().singleRow();
            long all = ((Number) c.get("persons")).longValue();
            long visible = ((Number) c.get("visible")).longValue();
            print(
                    "  rows: person %,d, household %,d, household_member %,d, household_agency %,d",
                    all, c.get("households"), c.get("members"), c.get("involvements"));
            print("  person table with indexes %s, database %s", c.get("person_size"), c.get("db_size"));
            print(
                    "  searching as '%s' (agency %s): %,d persons visible (%.1f%%)",
                    username, agencyCode, visible, 100.0 * visible / all);
        }

        private void machine(double startSeconds) throws Exception {
            String cpu = "unknown";
            Path cpuinfo = Path.of("/proc/cpuinfo");
            if (Files.exists(cpuinfo)) {
                cpu = Files.readAllLines(cpuinfo).stream()
                        .filter(l -> l.startsWith("model name"))
                        .map(l -> l.substring(l.indexOf(':') + 1).strip())
                        .findFirst()
                        .orElse(cpu);
            }
            Map<String, Object> pg = jdbc.sql("""
                            select version() as version, current_setting('shared_buffers') as shared_buffers,
                                   current_setting('work_mem') as work_mem,
                                   current_setting('effective_cache_size') as effective_cache_size,
                                   current_setting('random_page_cost') as random_page_cost,
                                   current_setting('jit') as jit,
                                   (select datctype from pg_database where datname = current_database()) as lc_ctype
                            """).query().singleRow();
            Runtime rt = Runtime.getRuntime();
            print("Machine");
            print(
                    "  %d cpus (nproc), %s; %s %s; memory %.1f GiB",
                    rt.availableProcessors(),
                    cpu,
                    System.getProperty("os.name"),
                    System.getProperty("os.version"),
                    totalMemoryGiB());
            print(
                    "  JVM %s %s (%s), max heap %d MiB",
                    System.getProperty("java.vm.vendor"),
                    System.getProperty("java.runtime.version"),
                    System.getProperty("java.vm.name"),
                    rt.maxMemory() >> 20);
            print("  %s", pg.get("version"));
            print(
                    "  PostgreSQL settings: shared_buffers %s, work_mem %s, effective_cache_size %s, random_page_cost %s,"
                            + " jit %s, lc_ctype %s",
                    pg.get("shared_buffers"),
                    pg.get("work_mem"),
                    pg.get("effective_cache_size"),
                    pg.get("random_page_cost"),
                    pg.get("jit"),
                    pg.get("lc_ctype"));
            print("  application started (embedded PostgreSQL, migrations, demo directory) in %.1f s", startSeconds);
        }

        private static double totalMemoryGiB() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                    if (line.startsWith("MemTotal:")) {
                        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0;
                    }
                }
            } catch (Exception e) {
                // not Linux
            }
            return 0;
        }

        /** Persons sampled from the generated data, with whether the searching agency may see them. */
        private List<Target> sample(UUID agencyId) {
            long all = jdbc.sql("select count(*) from person where created_by = ?")
                    .param(BenchData.CREATED_BY)
                    .query(Long.class)
                    .single();
            double percent = Math.min(100.0, 30_000 * 100.0 / Math.max(1, all));
            List<Target> targets = jdbc.sql("""
                            select p.id, p.family_name, p.given_name, p.family_name_kana, p.given_name_kana,
                                   p.birth_date, p.phone, p.address, p.nationality is not null as foreign,
                                   (p.owner_agency_id = :agency or exists (
                                        select 1 from household_member vm join household_agency va
                                          on va.municipality_id = vm.municipality_id and va.household_id = vm.household_id
                                        where vm.municipality_id = p.municipality_id and vm.person_id = p.id
                                          and va.agency_id = :agency)) as visible
                            from person p tablesample bernoulli (%s) repeatable (20261123)
                            where p.municipality_id = :m and p.created_by = :by
                            """.formatted(String.format(Locale.ROOT, "%.4f", percent)))
                    .param("agency", agencyId)
                    .param("m", municipalityId)
                    .param("by", BenchData.CREATED_BY)
                    .query((rs, i) -> new Target(
                            rs.getObject("id", UUID.class),
                            rs.getString("family_name"),
                            rs.getString("given_name"),
                            rs.getString("family_name_kana"),
                            rs.getString("given_name_kana"),
                            rs.getObject("birth_date", LocalDate.class),
                            rs.getString("phone"),
                            rs.getString("address"),
                            rs.getBoolean("foreign"),
                            rs.getBoolean("visible")))
                    .list();
            List<Target> shuffled = new ArrayList<>(targets);
            Collections.shuffle(shuffled, new Random(7));
            return shuffled;
        }

        // ---- timing ---------------------------------------------------------------------------------------

        private record Sample(
                String query,
                boolean visible,
                long serviceNanos,
                long bareNanos,
                long proposedNanos,
                int hits,
                boolean found,
                int proposedHits,
                boolean proposedFound) {}

        private record Result(Category category, List<Sample> samples) {}

        private Result measure(Category category, List<Target> visible, List<Target> hidden, UUID agencyId) {
            Random random = new Random(category.ordinal() * 7919L + 1);
            int visibleCount = (queries + warmup) / 2;
            List<String[]> vis = queries(category, visible, visibleCount, random);
            List<String[]> hid = queries(category, hidden, queries + warmup - visibleCount, random);
            // alternate: hit, miss, hit, miss ...
            List<String[]> all = new ArrayList<>();
            for (int i = 0; i < Math.max(vis.size(), hid.size()); i++) {
                if (i < vis.size()) {
                    all.add(vis.get(i));
                }
                if (i < hid.size()) {
                    all.add(hid.get(i));
                }
            }
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                String[] q = all.get(i);
                Sample s = once(q[0], UUID.fromString(q[1]), Boolean.parseBoolean(q[2]), agencyId, i % 3);
                if (i >= warmup) {
                    samples.add(s);
                }
            }
            return new Result(category, samples);
        }

        /** query, target id, visible; as many as asked, drawn from the targets that suit the category. */
        private static List<String[]> queries(Category category, List<Target> targets, int count, Random random) {
            List<String[]> result = new ArrayList<>();
            for (Target t : targets) {
                if (result.size() == count) {
                    break;
                }
                String q = BenchQueries.query(category, t, random);
                if (q != null) {
                    result.add(new String[] {q, t.id().toString(), Boolean.toString(t.visible())});
                }
            }
            if (result.size() < count) {
                throw new IllegalStateException(
                        "only %d targets suit %s, %d wanted".formatted(result.size(), category.label, count));
            }
            return result;
        }

        private Sample once(String query, UUID target, boolean visible, UUID agencyId, int firstPath) {
            long service = 0;
            long bare = 0;
            Bare proposed = new Bare(0, 0, false);
            List<SearchHit> hits = List.of();
            for (int turn = 0; turn < 3; turn++) {
                int path = (firstPath + turn) % 3;
                if (path == 0) {
                    long t0 = System.nanoTime();
                    hits = search.search(query);
                    service = System.nanoTime() - t0;
                } else if (path == 1) {
                    PersonSearch.PreparedSearch prepared = search.prepare(query, agencyId);
                    bare = bare(prepared.sql(), prepared, target).nanos();
                } else if (PROPOSED) {
                    PersonSearch.PreparedSearch prepared = search.prepare(query, agencyId);
                    proposed = bare(proposed(prepared), prepared, target);
                }
            }
            boolean found = hits.stream().anyMatch(h -> h.person().id().equals(target));
            return new Sample(
                    query,
                    visible,
                    service,
                    bare,
                    proposed.nanos(),
                    hits.size(),
                    found,
                    proposed.rows(),
                    proposed.found());
        }

        private record Bare(long nanos, int rows, boolean found) {}

        /** Runs SQL of a search alone and reads every row. */
        private Bare bare(String sql, PersonSearch.PreparedSearch prepared, UUID target) {
            long t0 = System.nanoTime();
            int[] rows = {0};
            boolean[] found = {false};
            jdbc.sql(sql).paramSource(prepared.params()).query((ResultSet rs) -> {
                while (rs.next()) {
                    rows[0]++;
                    found[0] |= target.equals(rs.getObject("id", UUID.class));
                }
                return rows[0];
            });
            return new Bare(System.nanoTime() - t0, rows[0], found[0]);
        }

        // ---- report ---------------------------------------------------------------------------------------

        private void table(Map<Category, Result> results) {
            print("Latency in ms. service = PersonSearch.search (access check, audit row, SQL, households; one"
                    + " transaction); bare = the same SQL alone");
            print("");
            print(
                    "%-19s %4s | %-22s | %-22s | %5s | %5s | %5s | %4s",
                    "category", "n", "service p50/p95/p99", "bare SQL p50/p95/p99", "ratio", "hits", "found", "p95");
            print("%s", "-".repeat(103));
            for (Result r : results.values()) {
                double[] svc = millis(r.samples(), Path0.SERVICE, null);
                double[] bare = millis(r.samples(), Path0.BARE, null);
                double svc95 = percentile(svc, 95);
                print(
                        "%-19s %4d | %6.1f %6.1f %7.1f | %6.1f %6.1f %7.1f | %5.2f | %5.1f | %4.0f%% | %4s",
                        r.category().label,
                        r.samples().size(),
                        percentile(svc, 50),
                        svc95,
                        percentile(svc, 99),
                        percentile(bare, 50),
                        percentile(bare, 95),
                        percentile(bare, 99),
                        svc95 / percentile(bare, 95),
                        average(r, Sample::hits),
                        found(r, Sample::found),
                        svc95 <= TARGET_P95_MS ? "ok" : "SLOW");
            }
            print("");
            print(
                    "ratio = service p95 / bare SQL p95 (target < %.0f); hits = average rows returned (limit 50);"
                            + " found = share of the",
                    TARGET_RATIO);
            print(
                    "queries for a visible person whose result list holds that person; p95 = service p95 against the"
                            + " target of %.0f ms",
                    TARGET_P95_MS);
            print("");
            print("By visibility of the person the query was typed for (hit = the agency may see them, miss = it may"
                    + " not), p95 in ms");
            print("%-19s | %-17s | %-17s | %-13s", "category", "service hit/miss", "bare hit/miss", "hits hit/miss");
            for (Result r : results.values()) {
                print(
                        "%-19s | %8.1f %8.1f | %8.1f %8.1f | %6.1f %6.1f",
                        r.category().label,
                        percentile(millis(r.samples(), Path0.SERVICE, true), 95),
                        percentile(millis(r.samples(), Path0.SERVICE, false), 95),
                        percentile(millis(r.samples(), Path0.BARE, true), 95),
                        percentile(millis(r.samples(), Path0.BARE, false), 95),
                        r.samples().stream()
                                .filter(Sample::visible)
                                .mapToInt(Sample::hits)
                                .average()
                                .orElse(0),
                        r.samples().stream()
                                .filter(s -> !s.visible())
                                .mapToInt(Sample::hits)
                                .average()
                                .orElse(0));
            }
            if (PROPOSED) {
                print("");
                print("Proposed SQL (bench/README.md: every word must match; visibility per candidate row), bare, ms");
                print(
                        "%-19s | %-22s | %7s | %5s | %5s",
                        "category", "proposed p50/p95/p99", "vs bare", "hits", "found");
                for (Result r : results.values()) {
                    double[] proposed = millis(r.samples(), Path0.PROPOSED, null);
                    print(
                            "%-19s | %6.1f %6.1f %7.1f | %6.1fx | %5.1f | %4.0f%%",
                            r.category().label,
                            percentile(proposed, 50),
                            percentile(proposed, 95),
                            percentile(proposed, 99),
                            percentile(millis(r.samples(), Path0.BARE, null), 95) / percentile(proposed, 95),
                            average(r, Sample::proposedHits),
                            found(r, Sample::proposedFound));
                }
                print("vs bare = bare SQL p95 / proposed p95");
            }
            print("");
            print("Examples of the queries");
            for (Result r : results.values()) {
                List<String> examples = r.samples().stream()
                        .map(Sample::query)
                        .distinct()
                        .limit(6)
                        .toList();
                print("  %-19s %s", r.category().label, String.join("  |  ", examples));
            }
        }

        private static double average(Result r, java.util.function.ToIntFunction<Sample> value) {
            return r.samples().stream().mapToInt(value).average().orElse(0);
        }

        private static double found(Result r, java.util.function.Predicate<Sample> found) {
            long visible = r.samples().stream().filter(Sample::visible).count();
            long hits = r.samples().stream()
                    .filter(s -> s.visible() && found.test(s))
                    .count();
            return 100.0 * hits / Math.max(1, visible);
        }

        private enum Path0 {
            SERVICE,
            BARE,
            PROPOSED
        }

        private static double[] millis(List<Sample> samples, Path0 path, Boolean visible) {
            return samples.stream()
                    .filter(s -> visible == null || s.visible() == visible)
                    .mapToDouble(s -> switch (path) {
                                case SERVICE -> s.serviceNanos();
                                case BARE -> s.bareNanos();
                                case PROPOSED -> s.proposedNanos();
                            }
                            / 1e6)
                    .sorted()
                    .toArray();
        }

        private static double percentile(double[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        /**
         * EXPLAIN (ANALYZE, BUFFERS) of the query at the bare-SQL p95 of every category, written to
         * bench/target/explain/; the categories over the target are named in the output.
         */
        private void explain(Map<Category, Result> results) throws Exception {
            Path explainDir = dir.resolve("explain-" + persons);
            Files.createDirectories(explainDir);
            UUID agencyId = login();
            print("");
            print(
                    "Plans: EXPLAIN (ANALYZE, BUFFERS) of the query at each category's bare-SQL p95 in %s",
                    dir.getParent() == null ? explainDir : dir.getParent().relativize(explainDir));
            for (Result r : results.values()) {
                List<Sample> byBare = new ArrayList<>(r.samples());
                byBare.sort((a, b) -> Long.compare(a.bareNanos(), b.bareNanos()));
                Sample p95 = byBare.get(Math.max(0, (int) Math.ceil(0.95 * byBare.size()) - 1));
                PersonSearch.PreparedSearch prepared = search.prepare(p95.query(), agencyId);
                List<String> file = new ArrayList<>();
                file.add("-- " + r.category().label + ": " + p95.query());
                file.add(prepared.sql());
                List<String> plan = plan(prepared.sql(), prepared);
                file.addAll(plan);
                List<String> proposedPlan = List.of();
                if (PROPOSED) {
                    file.add("");
                    file.add("-- proposed:");
                    file.add(proposed(prepared));
                    proposedPlan = plan(proposed(prepared), prepared);
                    file.addAll(proposedPlan);
                }
                Files.write(explainDir.resolve(r.category().label.replaceAll("[^a-z+-]", "_") + ".txt"), file);
                print(
                        "  %-19s %-24s %-30s %s",
                        r.category().label,
                        "\"" + p95.query() + "\"",
                        executionTime(plan),
                        PROPOSED ? "proposed: " + executionTime(proposedPlan) : "");
            }
        }

        private List<String> plan(String sql, PersonSearch.PreparedSearch prepared) {
            return jdbc.sql("explain (analyze, buffers) " + sql)
                    .paramSource(prepared.params())
                    .query(String.class)
                    .list();
        }

        private static String executionTime(List<String> plan) {
            return plan.stream()
                    .filter(l -> l.startsWith("Execution Time"))
                    .findFirst()
                    .orElse("");
        }

        private void print(String format, Object... args) {
            String line = args.length == 0 ? format : String.format(Locale.ROOT, format, args);
            System.out.println(line);
            out.add(line);
        }
    }
}
