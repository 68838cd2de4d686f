package org.marugoto.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.marugoto.MarugotoApplication;
import org.marugoto.imports.domain.PersonImport;
import org.marugoto.shared.CurrentActor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Import benchmark (issue 17): starts Marugoto in-process on a temporary embedded PostgreSQL with the demo city,
 * writes a CSV of {@code persons} persons in households of one to five (a seeded generator, in memory), and imports it
 * as the demo coordinator through the real {@link PersonImport}: the preview (read and check every row) and the commit
 * (one transaction, the people module's bulk registration: batches of one statement per table, one audit row, one linkage run; decision
 * 0035). Prints the time of each step, the heap in use
 * after each and the peak heap, then imports the same file again (nothing may change). See bench/README.md.
 */
public final class ImportBenchmark {

    static final double TARGET_S = 20;

    /** Family names as two parts (20 × 20 = 400), so that a city-sized file is not full of homonyms. */
    static final String[] FAMILY_HEAD = {
        "山", "川", "石", "森", "高", "中", "小", "大", "松", "竹", "藤", "岡", "村", "野", "吉", "池", "西", "東", "北", "南"
    };

    static final String[] FAMILY_HEAD_KANA = {
        "ヤマ", "カワ", "イシ", "モリ", "タカ", "ナカ", "コ", "オオ", "マツ", "タケ", "フジ", "オカ", "ムラ", "ノ", "ヨシ", "イケ", "ニシ", "ヒガシ", "キタ",
        "ミナミ"
    };
    static final String[] FAMILY_TAIL = {
        "田", "本", "口", "崎", "川", "島", "野", "村", "井", "原", "沢", "谷", "岡", "木", "橋", "内", "上", "下", "部", "瀬"
    };
    static final String[] FAMILY_TAIL_KANA = {
        "ダ", "モト", "グチ", "サキ", "カワ", "ジマ", "ノ", "ムラ", "イ", "ハラ", "サワ", "タニ", "オカ", "キ", "ハシ", "ウチ", "ウエ", "シタ", "ベ", "セ"
    };
    static final String[] MALE = {
        "翔", "蓮", "大翔", "悠真", "一郎", "健太", "誠", "浩二", "隆", "茂", "大輔", "拓也", "直樹", "修", "勇", "進", "明", "博", "清", "豊"
    };
    static final String[] MALE_KANA = {
        "ショウ", "レン", "ヒロト", "ユウマ", "イチロウ", "ケンタ", "マコト", "コウジ", "タカシ", "シゲル", "ダイスケ", "タクヤ", "ナオキ", "オサム", "イサム", "ススム",
        "アキラ", "ヒロシ", "キヨシ", "ユタカ"
    };
    static final String[] FEMALE = {
        "陽菜", "結衣", "美咲", "花子", "恵子", "由美", "さくら", "葵", "愛", "幸子", "裕子", "明美", "真由美", "智子", "久美子", "直美", "陽子", "京子",
        "和子", "節子"
    };
    static final String[] FEMALE_KANA = {
        "ヒナ", "ユイ", "ミサキ", "ハナコ", "ケイコ", "ユミ", "サクラ", "アオイ", "アイ", "サチコ", "ユウコ", "アケミ", "マユミ", "トモコ", "クミコ", "ナオミ",
        "ヨウコ", "キョウコ", "カズコ", "セツコ"
    };

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int persons = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Path.of(System.getProperty("bench.dir", "bench/target")).toAbsolutePath();
        Files.createDirectories(dir);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(MarugotoApplication.class)
                .run(
                        "--server.port=0",
                        "--marugoto.db.embedded.temporary=true",
                        "--marugoto.demo.enabled=true",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        "--logging.level.org.marugoto.people.domain.BulkRegistrations=INFO",
                        "--logging.level.org.marugoto.people.domain.BulkLinkage=INFO");
        int exit = 0;
        try {
            run(context, persons, dir);
        } catch (Exception | Error e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            context.close();
        }
        System.exit(exit);
    }

    /** The CSV: a household of 1–5 (head, spouse, children, a parent), an address and an area code of the demo. */
    static byte[] csv(int persons, List<String> areaCodes, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder(persons * 120);
        out.append("世帯番号,宛名番号,氏,名,氏カナ,名カナ,性別,生年月日,続柄,住所,地域コード,電話番号\r\n");
        int person = 0;
        int household = 0;
        while (person < persons) {
            household++;
            int size = Math.min(persons - person, 1 + random.nextInt(5));
            int fh = random.nextInt(FAMILY_HEAD.length);
            int ft = random.nextInt(FAMILY_TAIL.length);
            String family = FAMILY_HEAD[fh] + FAMILY_TAIL[ft];
            String familyKana = FAMILY_HEAD_KANA[fh] + FAMILY_TAIL_KANA[ft];
            String address =
                    "美月野市" + (1 + random.nextInt(9)) + "丁目" + (1 + random.nextInt(30)) + "-" + (1 + random.nextInt(20));
            String area = areaCodes.isEmpty() ? "" : areaCodes.get(random.nextInt(areaCodes.size()));
            int headYear = 1940 + random.nextInt(60);
            for (int i = 0; i < size; i++) {
                person++;
                boolean male = i == 0 ? random.nextBoolean() : random.nextInt(2) == 0;
                int g = random.nextInt(MALE.length);
                String relationship =
                        i == 0 ? "世帯主" : i == 1 ? (size == 2 && random.nextInt(4) == 0 ? "母" : "配偶者") : "子";
                int year = i == 0
                        ? headYear
                        : i == 1 ? headYear + random.nextInt(5) - 2 : headYear + 22 + random.nextInt(15);
                String birth = random.nextInt(50) == 0
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                "%d-%02d-%02d",
                                Math.min(year, 2024),
                                1 + random.nextInt(12),
                                1 + random.nextInt(28));
                String phone = random.nextInt(3) == 0
                        ? ""
                        : String.format(Locale.ROOT, "090-%04d-%04d", random.nextInt(10000), random.nextInt(10000));
                out.append("H")
                        .append(seed)
                        .append('-')
                        .append(household)
                        .append(',')
                        .append("P")
                        .append(seed)
                        .append('-')
                        .append(person)
                        .append(',')
                        .append(family)
                        .append(',')
                        .append(male ? MALE[g] : FEMALE[g])
                        .append(',')
                        .append(familyKana)
                        .append(',')
                        .append(male ? MALE_KANA[g] : FEMALE_KANA[g])
                        .append(',')
                        .append(male ? "男" : "女")
                        .append(',')
                        .append(birth)
                        .append(',')
                        .append(relationship)
                        .append(',')
                        .append(address)
                        .append(',')
                        .append(area)
                        .append(',')
                        .append(phone)
                        .append("\r\n");
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void run(ConfigurableApplicationContext context, int persons, Path dir) throws Exception {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        PersonImport imports = context.getBean(PersonImport.class);
        UserDetailsService users = context.getBean(UserDetailsService.class);
        List<String> areaCodes = jdbc.sql("select code from area where parent_id is not null order by code")
                .query(String.class)
                .list();
        byte[] file = csv(persons, areaCodes, 17);
        CurrentActor.actAs(users.loadUserByUsername("coordinator"));
        long before = jdbc.sql("select count(*) from person").query(Long.class).single();
        resetPeaks();
        System.gc();
        long t = System.nanoTime();
        PersonImport.Preview preview = imports.preview("bench-" + persons + ".csv", file);
        double previewS = (System.nanoTime() - t) / 1e9;
        long afterPreview = used();
        if (preview.token() == null) {
            throw new IllegalStateException("the file has errors: " + preview.errors());
        }
        t = System.nanoTime();
        PersonImport.Result result = imports.commit(preview.token());
        double commitS = (System.nanoTime() - t) / 1e9;
        long afterCommit = used();
        long peak = peak();
        long after = jdbc.sql("select count(*) from person").query(Long.class).single();

        PersonImport.Preview again = imports.preview("bench-" + persons + ".csv", file);
        t = System.nanoTime();
        java.util.UUID againToken = again.token();
        int rerunCreated = againToken == null ? 0 : imports.commit(againToken).created();
        double rerunS = (System.nanoTime() - t) / 1e9;
        long afterRerun =
                jdbc.sql("select count(*) from person").query(Long.class).single();

        List<String> lines = List.of(
                String.format(
                        Locale.ROOT,
                        "file: %,d persons in %,d households, %,d bytes (CSV, UTF-8)",
                        persons,
                        result.households(),
                        file.length),
                String.format(
                        Locale.ROOT,
                        "preview (read and check):  %6.1f s   heap in use after %,d MB",
                        previewS,
                        afterPreview >> 20),
                String.format(
                        Locale.ROOT,
                        "commit (one transaction):  %6.1f s   heap in use after %,d MB",
                        commitS,
                        afterCommit >> 20),
                String.format(
                        Locale.ROOT,
                        "total:                     %6.1f s   peak heap %,d MB (max %,d MB)   ≤ %.0f s: %s",
                        previewS + commitS,
                        peak >> 20,
                        Runtime.getRuntime().maxMemory() >> 20,
                        TARGET_S,
                        previewS + commitS <= TARGET_S ? "yes" : "NO"),
                String.format(
                        Locale.ROOT,
                        "persons: %,d before, %,d after (+%,d, created %,d)",
                        before,
                        after,
                        after - before,
                        result.created()),
                String.format(
                        Locale.ROOT,
                        "same file again: preview %,d new, commit created %,d in %.1f s; persons %,d",
                        again.newPersons(),
                        rerunCreated,
                        rerunS,
                        afterRerun));
        lines.forEach(System.out::println);
        Files.writeString(dir.resolve("import-" + persons + ".txt"), String.join("\n", lines) + "\n");
    }

    static long used() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks since {@link #resetPeaks} (an upper bound of the peak heap in use). */
    static long peak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
