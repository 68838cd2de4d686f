package org.marugoto.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.marugoto.MarugotoApplication;
import org.marugoto.consultation.ConsultationStatistics;
import org.marugoto.shared.CountScope;
import org.marugoto.shared.Tenancy;
import org.marugoto.statistics.domain.Period;
import org.marugoto.statistics.domain.ScopeChoice;
import org.marugoto.statistics.domain.StatisticsService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark of the yearly statistics over a large generated city (default 5,000,000 consultations about 1,000,000
 * households over two fiscal years). Not a test: it has a {@code main} and asserts nothing. Run it with
 * {@code bench/stats.sh [consultations] [households]}; see bench/README.md.
 *
 * <p>Starts the application in-process on an embedded PostgreSQL kept under {@code bench/target/}, generates the
 * households, consultations and their issues inside the database with {@code generate_series} (once; later runs
 * reuse them), then times every report of {@link StatisticsService} for the last full fiscal year and the whole city
 * (the service path: the count API, naming, suppression), and beside the main ones the same SQL run bare with
 * {@code EXPLAIN ANALYZE} (its execution time).
 */
public final class StatsBenchmark {

    private static final double TARGET_MS = 1000.0;

    private StatsBenchmark() {}

    public static void main(String[] args) throws Exception {
        long consultations = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 5_000_000L;
        long households = args.length > 1 ? Long.parseLong(args[1].replace("_", "")) : 1_000_000L;
        Path dir = Path.of(System.getProperty("bench.dir", "bench/target")).toAbsolutePath();
        Files.createDirectories(dir);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(MarugotoApplication.class)
                .run(
                        "--server.port=0",
                        "--marugoto.db.embedded.data-dir=" + dir.resolve("pg-stats-" + consultations),
                        "--marugoto.db.embedded.temporary=false",
                        "--marugoto.demo.enabled=true",
                        "--marugoto.demo.households=0",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN");
        int exit = 0;
        try {
            run(context, consultations, households);
        } catch (Exception | Error e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            context.close();
        }
        System.exit(exit);
    }

    static void run(ConfigurableApplicationContext context, long consultations, long households) throws Exception {
        StatisticsService statistics = context.getBean(StatisticsService.class);
        String m = context.getBean(Tenancy.class).municipalityId().toString();
        int fy = Period.fiscalYearOf(statistics.today()) - 1;
        Period year = Period.fiscalYear(fy);
        try (Connection c = context.getBean(org.marugoto.shared.db.Database.class)
                        .ownerDataSource()
                        .getConnection();
                Statement s = c.createStatement()) {
            long have = single(s, "select count(*) from consultation where created_by = 'bench'");
            if (have < consultations) {
                long t = System.nanoTime();
                generate(s, m, consultations, households, fy - 1);
                System.out.printf(
                        Locale.ROOT,
                        "generated %,d households and %,d consultations in %.0f s%n",
                        households,
                        consultations,
                        (System.nanoTime() - t) / 1e9);
            }
            System.out.printf(
                    Locale.ROOT,
                    "data: %,d households, %,d consultations, %,d issue rows; FY%d holds %,d consultations%n",
                    single(s, "select count(*) from household"),
                    single(s, "select count(*) from consultation"),
                    single(s, "select count(*) from consultation_issue"),
                    fy,
                    single(
                            s,
                            "select count(*) from consultation where received_at >= '" + year.from()
                                    + "' and received_at < '" + year.to().plusDays(1) + "'"));
            ScopeChoice city = new ScopeChoice("city", "city", CountScope.city());
            // the first report folds in the summary notes left by the writes since the last read (decision 0034): after
            // the generation, every day and household
            long f = System.nanoTime();
            statistics.report("consultations-channel", year, city, Locale.JAPANESE);
            System.out.printf(
                    Locale.ROOT,
                    "first report (summary brought up to date): %.1f s; summary: %,d count rows, %,d household spans%n",
                    (System.nanoTime() - f) / 1e9,
                    single(s, "select count(*) from consultation_count"),
                    single(s, "select count(*) from consultation_household_span"));
            s.execute("vacuum (analyze) consultation_count, consultation_household_span");
            List<String> lines = new ArrayList<>();
            lines.add(String.format(
                    Locale.ROOT,
                    "%-26s %12s %14s %14s %s",
                    "report (FY" + fy + ", city)",
                    "service ms",
                    "summary SQL ms",
                    "records SQL ms",
                    "≤ 1 s"));
            for (String key : StatisticsService.REPORTS) {
                statistics.report(key, year, city, Locale.JAPANESE); // warm-up
                double[] runs = new double[3];
                for (int i = 0; i < runs.length; i++) {
                    long t = System.nanoTime();
                    statistics.report(key, year, city, Locale.JAPANESE);
                    runs[i] = (System.nanoTime() - t) / 1e6;
                }
                java.util.Arrays.sort(runs);
                String summary = summary(key, m, year);
                String summaryMs = summary == null ? "" : String.format(Locale.ROOT, "%.0f", explain(s, summary));
                String bare = bare(key, m, year);
                String bareMs = bare == null ? "" : String.format(Locale.ROOT, "%.0f", explain(s, bare));
                lines.add(String.format(
                        Locale.ROOT,
                        "%-26s %12.0f %14s %14s %s",
                        key,
                        runs[1],
                        summaryMs,
                        bareMs,
                        runs[1] <= TARGET_MS ? "yes" : "NO"));
            }
            long t = System.nanoTime();
            statistics.yearly(fy);
            lines.add(String.format(
                    Locale.ROOT, "%-26s %12.0f %12s", "yearly report (all)", (System.nanoTime() - t) / 1e6, ""));
            // the running year: FY<fy> as it read on this day a year ago (the generated data holds no current year),
            // the yearly report and the households, whose range is no whole period
            java.time.LocalDate running = statistics.today().minusYears(1);
            ConsultationStatistics counts = context.getBean(ConsultationStatistics.class);
            double yearlyRunning = median(() -> statistics.yearly(fy, running));
            double runningHouseholds =
                    median(() -> counts.householdsWithIssues(CountScope.city(), year.from(), running));
            lines.add(String.format(
                    Locale.ROOT,
                    "%-26s %12.0f %14.0f %14.0f %s",
                    "households to " + running,
                    runningHouseholds,
                    explain(s, runningSummary(m, year, running)),
                    explain(s, runningRecords(m, year, running)),
                    runningHouseholds <= TARGET_MS ? "yes" : "NO"));
            lines.add(String.format(
                    Locale.ROOT,
                    "%-26s %12.0f %14s %14s %s",
                    "yearly report to " + running,
                    yearlyRunning,
                    "",
                    "",
                    yearlyRunning <= TARGET_MS ? "yes" : "NO"));
            lines.forEach(System.out::println);
            Files.writeString(
                    Path.of(System.getProperty("bench.dir", "bench/target")).resolve("stats-" + consultations + ".txt"),
                    String.join("\n", lines) + "\n");
        }
    }

    private static void generate(Statement s, String m, long consultations, long households, int firstYear)
            throws Exception {
        s.execute("set maintenance_work_mem = '256MB'");
        s.execute(
                "delete from consultation_issue where consultation_id in (select id from consultation where created_by = 'bench')");
        s.execute("delete from consultation where created_by = 'bench'");
        s.execute("delete from household where case_number like 'BS%'");
        s.execute("""
                insert into household (municipality_id, id, case_number, name, area_id, owner_agency_id,
                    created_at, created_by, updated_at, updated_by)
                select '%1$s', gen_random_uuid(), 'BS' || g, 'ベンチ' || g || '家',
                       a.ids[1 + g %% cardinality(a.ids)], o.ids[1 + g %% cardinality(o.ids)],
                       now(), 'bench', now(), 'bench'
                from generate_series(1, %2$d) g,
                     (select array_agg(id order by code) ids from area where municipality_id = '%1$s') a,
                     (select array_agg(id order by code) ids from agency where municipality_id = '%1$s') o
                """.formatted(m, households));
        s.execute("""
                insert into consultation (municipality_id, id, household_id, agency_id, received_at, channel,
                    consulter_type, urgency, consent_status, first_response, submission_token,
                    created_at, created_by, updated_at, updated_by)
                select '%1$s', gen_random_uuid(), h.ids[1 + ((g::bigint * 7919) %% cardinality(h.ids))::int],
                       o.ids[1 + g %% cardinality(o.ids)],
                       timestamptz '%3$d-04-01 09:00+09' + (g %% 730) * interval '1 day' + (g %% 480) * interval '1 minute',
                       (array['VISIT','PHONE','HOME_VISIT','MAIL','ONLINE','FROM_COMMUNITY','FROM_AGENCY'])[1 + g %% 7],
                       (array['SELF','FAMILY','NEIGHBOUR','WELFARE_COMMISSIONER','AGENCY','ANONYMOUS','OTHER'])[1 + (g / 7) %% 7],
                       'NORMAL', 'GIVEN',
                       (array['ANSWERED_AT_COUNTER','INFORMATION_GIVEN','REFERRED','ESCALATED_TO_MULTI_AGENCY','OUTREACH_NEEDED'])[1 + (g / 3) %% 5],
                       gen_random_uuid(), now(), 'bench', now(), 'bench'
                from generate_series(1, %2$d) g,
                     (select array_agg(id order by id) ids from household
                      where municipality_id = '%1$s' and case_number like 'BS%%') h,
                     (select array_agg(id order by code) ids from agency where municipality_id = '%1$s') o
                """.formatted(m, consultations, firstYear));
        s.execute("""
                insert into consultation_issue (municipality_id, consultation_id, issue_code, main)
                select c.municipality_id, c.id, i.codes[1 + abs(hashtext(c.id::text)) %% cardinality(i.codes)], true
                from consultation c,
                     (select array_agg(code order by code) codes from issue_code where municipality_id = '%1$s') i
                where c.municipality_id = '%1$s' and c.created_by = 'bench'
                """.formatted(m));
        s.execute("""
                insert into consultation_issue (municipality_id, consultation_id, issue_code, main)
                select c.municipality_id, c.id, i.codes[1 + (abs(hashtext(c.id::text)) + 1) %% cardinality(i.codes)], false
                from consultation c,
                     (select array_agg(code order by code) codes from issue_code where municipality_id = '%1$s') i
                where c.municipality_id = '%1$s' and c.created_by = 'bench' and abs(hashtext(c.id::text)) %% 10 < 4
                """.formatted(m));
        s.execute("vacuum (analyze) household, consultation, consultation_issue");
    }

    /**
     * The SQL the consultation module runs for a report since decision 0034 (on the summary), to be timed bare; null
     * for the reports not repeated here.
     */
    static String summary(String key, String m, Period year) {
        if (key.equals("households-issues")) {
            return """
                    select count(*) filter (where first_day <= '%3$s') households,
                           count(*) filter (where several_day <= '%3$s') several
                    from consultation_household_span
                    where municipality_id = '%1$s' and period = '%2$s' and scope_kind = 'C' and scope_id in ('%1$s')
                    """.formatted(m, year.code(), year.to());
        }
        String dimension =
                switch (key) {
                    case "consultations-channel" -> "CHANNEL";
                    case "consultations-agency" -> "AGENCY";
                    case "consultations-consulter" -> "CONSULTER_TYPE";
                    case "consultations-response" -> "FIRST_RESPONSE";
                    case "consultations-issue" -> "ISSUE";
                    case "consultations-sex" -> "SEX";
                    case "consultations-age" -> "AGE_GROUP";
                    default -> null;
                };
        if (key.equals("consultations-area")) {
            return """
                    select key k, sum(n) n from consultation_count
                    where municipality_id = '%1$s' and dimension = 'AREA' and scope_kind = 'A'
                      and scope_id in (select id from area where municipality_id = '%1$s')
                      and day >= '%2$s' and day <= '%3$s'
                    group by key order by n desc, key
                    """.formatted(m, year.from(), year.to());
        }
        if (dimension == null) {
            return null;
        }
        return """
                select key k, sum(n) n from consultation_count
                where municipality_id = '%1$s' and dimension = '%4$s' and scope_kind = 'C' and scope_id in ('%1$s')
                  and day >= '%2$s' and day <= '%3$s'
                group by key order by n desc, key
                """.formatted(m, year.from(), year.to(), dimension);
    }

    /**
     * The SQL the consultation module ran for a report before decision 0034 (on the records), to be timed bare; null for
     * the reports not repeated here.
     */
    static String bare(String key, String m, Period year) {
        String range = "c.received_at >= timestamptz '" + year.from() + " 00:00+09' and c.received_at < timestamptz '"
                + year.to().plusDays(1) + " 00:00+09'";
        String by =
                switch (key) {
                    case "consultations-channel" -> "c.channel";
                    case "consultations-agency" -> "c.agency_id::text";
                    case "consultations-consulter" -> "c.consulter_type";
                    case "consultations-response" -> "c.first_response";
                    case "consultations-area" -> "coalesce(h.area_id::text, '')";
                    case "consultations-issue" -> "i.issue_code";
                    default -> null;
                };
        if (key.equals("households-issues")) {
            return """
                    select count(*) households, count(*) filter (where issues >= 2) several from (
                        select c.household_id, count(distinct i.issue_code) issues
                        from consultation c
                        left join consultation_issue i on i.municipality_id = c.municipality_id and i.consultation_id = c.id
                        where c.municipality_id = '%s' and true and %s
                        group by c.household_id) x
                    """.formatted(m, range);
        }
        if (by == null) {
            return null;
        }
        String join = key.equals("consultations-issue")
                ? "join consultation_issue i on i.municipality_id = c.municipality_id and i.consultation_id = c.id"
                : "";
        String where = key.equals("consultations-area")
                ? "(h.area_id in (select id from area where municipality_id = '" + m + "') and "
                        + CountScope.NOT_PROTECTED + ")"
                : "true";
        // as ConsultationStatisticsQuery.consultationsBySql: count(*), the household only for the area
        String household = key.equals("consultations-area")
                ? "join household h on h.municipality_id = c.municipality_id and h.id = c.household_id"
                : "";
        return """
                select %s k, count(*) n
                from consultation c
                %s
                %s
                where c.municipality_id = '%s' and %s and %s
                group by k order by n desc, k
                """.formatted(by, household, join, m, where, range);
    }

    /** The median of three runs after a warm-up, in ms. */
    private static double median(Runnable run) {
        run.run();
        double[] runs = new double[3];
        for (int i = 0; i < runs.length; i++) {
            long t = System.nanoTime();
            run.run();
            runs[i] = (System.nanoTime() - t) / 1e6;
        }
        java.util.Arrays.sort(runs);
        return runs[1];
    }

    /** The households of the running year from the summary (decision 0034: first_day and several_day up to the day). */
    static String runningSummary(String m, Period year, java.time.LocalDate to) {
        return """
                select count(*) filter (where first_day <= '%3$s') households,
                       count(*) filter (where several_day <= '%3$s') several
                from consultation_household_span
                where municipality_id = '%1$s' and period = '%2$s' and scope_kind = 'C' and scope_id in ('%1$s')
                """.formatted(m, year.code(), to);
    }

    /** The households of the running year from the records, as the consultation module counted them before. */
    static String runningRecords(String m, Period year, java.time.LocalDate to) {
        return """
                select count(*) households, count(*) filter (where issues >= 2) several from (
                    select c.household_id, count(distinct i.issue_code) issues
                    from consultation c
                    left join consultation_issue i on i.municipality_id = c.municipality_id and i.consultation_id = c.id
                    where c.municipality_id = '%s' and c.received_at >= timestamptz '%s 00:00+09'
                      and c.received_at < timestamptz '%s 00:00+09'
                    group by c.household_id) x
                """.formatted(m, year.from(), to.plusDays(1));
    }

    private static double explain(Statement s, String sql) throws Exception {
        double ms = -1;
        try (ResultSet rs = s.executeQuery("explain (analyze) " + sql)) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (line.startsWith("Execution Time:")) {
                    ms = Double.parseDouble(line.replaceAll("[^0-9.]", ""));
                }
            }
        }
        return ms;
    }

    private static long single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
