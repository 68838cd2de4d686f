package org.marugoto.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.people.linkage.ApproxDate;
import org.marugoto.people.linkage.LinkRecord;

/**
 * A seeded synthetic population for measuring record linkage, with the ground truth: persons in households, each
 * person recorded by one to four agencies, every record typed with the kinds of variation real intake produces
 * (variant kanji, kana-only names, half-width kana, 和暦 and full-width dates, typos and voicing differences in
 * readings, one-digit slips and swapped month/day in dates of birth, ages instead of dates, moves, marriages with and
 * without the former name, phones and addresses in several notations, households sharing phone and address, a
 * child with the parent's name). All names are invented combinations of common names; the city is fictional.
 */
public final class LinkageData {

    /** The records and, for each, the index of the person it belongs to. */
    public record Population(List<LinkRecord> records, int[] person, int persons) {}

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static final String[][] FAMILY = split("""
            佐藤 サトウ,鈴木 スズキ,高橋 タカハシ,田中 タナカ,伊藤 イトウ,渡辺 ワタナベ,山本 ヤマモト,中村 ナカムラ,小林 コバヤシ,
            加藤 カトウ,吉田 ヨシダ,山田 ヤマダ,佐々木 ササキ,山口 ヤマグチ,松本 マツモト,井上 イノウエ,木村 キムラ,林 ハヤシ,
            斎藤 サイトウ,清水 シミズ,山崎 ヤマザキ,森 モリ,池田 イケダ,橋本 ハシモト,阿部 アベ,石川 イシカワ,山下 ヤマシタ,
            中島 ナカジマ,石井 イシイ,小川 オガワ,前田 マエダ,岡田 オカダ,長谷川 ハセガワ,藤田 フジタ,後藤 ゴトウ,近藤 コンドウ,
            村上 ムラカミ,遠藤 エンドウ,青木 アオキ,坂本 サカモト,斉藤 サイトウ,福田 フクダ,太田 オオタ,西村 ニシムラ,藤井 フジイ,
            金子 カネコ,岡本 オカモト,藤原 フジワラ,中野 ナカノ,三浦 ミウラ,原田 ハラダ,中川 ナカガワ,松田 マツダ,竹内 タケウチ,
            小野 オノ,田村 タムラ,中山 ナカヤマ,和田 ワダ,石田 イシダ,森田 モリタ,上田 ウエダ,原 ハラ,内田 ウチダ,柴田 シバタ,
            酒井 サカイ,宮崎 ミヤザキ,横山 ヨコヤマ,高木 タカギ,安藤 アンドウ,宮本 ミヤモト,大野 オオノ,小島 コジマ,谷口 タニグチ,
            工藤 クドウ,今井 イマイ,高田 タカダ,増田 マスダ,丸山 マルヤマ,杉山 スギヤマ,村田 ムラタ,大塚 オオツカ,新井 アライ,
            小山 コヤマ,平野 ヒラノ,藤本 フジモト,河野 コウノ,上野 ウエノ,野口 ノグチ,武田 タケダ,松井 マツイ,千葉 チバ,岩崎 イワサキ,
            菅原 スガワラ,木下 キノシタ,久保 クボ,佐野 サノ,野村 ノムラ,松尾 マツオ,市川 イチカワ,菊地 キクチ,杉本 スギモト,
            古川 フルカワ,大西 オオニシ,島田 シマダ,水野 ミズノ,桜井 サクライ,高野 タカノ,渡部 ワタナベ,吉川 ヨシカワ,山内 ヤマウチ,
            西田 ニシダ,飯田 イイダ,菊池 キクチ,西川 ニシカワ,小松 コマツ,北村 キタムラ,安田 ヤスダ,五十嵐 イガラシ,川口 カワグチ,
            平田 ヒラタ,関 セキ,中田 ナカタ,久保田 クボタ,服部 ハットリ,東 ヒガシ,岩田 イワタ,土屋 ツチヤ,川崎 カワサキ,福島 フクシマ,
            本田 ホンダ,辻 ツジ,樋口 ヒグチ,秋山 アキヤマ,田口 タグチ,永井 ナガイ,山中 ヤマナカ,中西 ナカニシ,吉村 ヨシムラ,
            川上 カワカミ,大橋 オオハシ,石原 イシハラ,松岡 マツオカ,浜田 ハマダ,馬場 ババ,森本 モリモト,矢野 ヤノ,浅野 アサノ,
            松下 マツシタ,大久保 オオクボ,吉野 ヨシノ,小池 コイケ,柳 ヤナギ,柳田 ヤナギダ,赤口 アカグチ,菊谷 キクヤ,沢田 サワダ,
            広瀬 ヒロセ,富田 トミタ,辺見 ヘンミ,島村 シマムラ,長島 ナガシマ,高山 タカヤマ,宮下 ミヤシタ,桑原 クワハラ,栗原 クリハラ""");

    private static final String[][] MALE = split("""
            太郎 タロウ,一郎 イチロウ,健 ケン,誠 マコト,大輔 ダイスケ,翔太 ショウタ,拓也 タクヤ,健太 ケンタ,直樹 ナオキ,隆 タカシ,
            浩 ヒロシ,茂 シゲル,博 ヒロシ,清 キヨシ,明 アキラ,勇 イサム,修 オサム,実 ミノル,進 ススム,正 タダシ,和夫 カズオ,
            昭 アキラ,豊 ユタカ,稔 ミノル,剛 ツヨシ,亮 リョウ,学 マナブ,悟 サトル,聡 サトシ,哲也 テツヤ,康弘 ヤスヒロ,秀樹 ヒデキ,
            雅之 マサユキ,和彦 カズヒコ,達也 タツヤ,陽介 ヨウスケ,亮太 リョウタ,大樹 ダイキ,蓮 レン,悠真 ユウマ,湊 ミナト,
            陽翔 ハルト,颯太 ソウタ,浩二 コウジ,幸雄 ユキオ,義男 ヨシオ,正男 マサオ,俊介 シュンスケ,圭 ケイ,慎吾 シンゴ,勝 マサル,
            隆之 タカユキ,英樹 ヒデキ,恭平 キョウヘイ,祐介 ユウスケ,智 サトシ,信也 シンヤ,光男 ミツオ,武 タケシ,昇 ノボル""");

    private static final String[][] FEMALE = split("""
            花子 ハナコ,洋子 ヨウコ,恵子 ケイコ,幸子 サチコ,和子 カズコ,久美子 クミコ,由美子 ユミコ,裕子 ユウコ,真由美 マユミ,
            明美 アケミ,直美 ナオミ,美香 ミカ,愛 アイ,彩 アヤ,舞 マイ,陽子 ヨウコ,京子 キョウコ,節子 セツコ,弘子 ヒロコ,美智子 ミチコ,
            早苗 サナエ,千尋 チヒロ,沙織 サオリ,恵 メグミ,香織 カオリ,智子 トモコ,直子 ナオコ,陽菜 ヒナ,結衣 ユイ,葵 アオイ,凜 リン,
            芽依 メイ,美咲 ミサキ,七海 ナナミ,優子 ユウコ,麻衣 マイ,里美 サトミ,静香 シズカ,順子 ジュンコ,文子 フミコ,春子 ハルコ,
            澄子 スミコ,千代 チヨ,栄子 エイコ,美穂 ミホ,理恵 リエ,加奈子 カナコ,由香 ユカ,亜紀 アキ,紀子 ノリコ,富子 トミコ,
            広美 ヒロミ,君子 キミコ,和美 カズミ,雅子 マサコ""");

    private static final String[] TOWNS = split("""
            桜町,緑町,本町,旭町,若葉,中央,栄町,東町,西町,南町,北町,幸町,宮前,松ケ丘,梅ケ丘,青葉台,春日,日の出,花園,港町,
            富士見,柳町,高砂,浜野,沢井,広丘,島田,関口,吉野,寿町""")[0];

    private static final Map<Character, String> VARIANTS = Map.ofEntries(
            Map.entry('高', "髙"),
            Map.entry('崎', "﨑"),
            Map.entry('辺', "邊邉"),
            Map.entry('斎', "齋"),
            Map.entry('浜', "濵濱"),
            Map.entry('沢', "澤"),
            Map.entry('広', "廣"),
            Map.entry('富', "冨"),
            Map.entry('島', "嶋"),
            Map.entry('柳', "栁"),
            Map.entry('桜', "櫻"),
            Map.entry('栄', "榮"),
            Map.entry('関', "關"),
            Map.entry('辻', "辻"));

    private static final String VOICE_FROM = "カキクケコサシスセソタチツテトハヒフヘホ";
    private static final String VOICE_TO = "ガギグゲゴザジズゼゾダヂヅデドバビブベボ";
    private static final String KATAKANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";

    /**
     * Family names as drawn: the 160 of {@link #FAMILY} in order of frequency (65 % of households, weight 1/(rank +
     * 15), so that 佐藤 is about 1.7 % as in Japan) and the 1,260 rarer ones of {@link BenchNames#tailSurnames()}
     * (35 %, evenly), as the search benchmark draws them. {@code -Dbench.names=uniform} draws the 160 evenly instead
     * (the generator before 2026-12-05's second session).
     */
    private static final String[][] SURNAMES = surnames();

    private static final double[] SURNAME_CUMULATIVE = surnameCumulative();

    private LinkageData() {}

    private static String[][] surnames() {
        List<String[]> all = new ArrayList<>(List.of(FAMILY));
        if (!"uniform".equals(System.getProperty("bench.names"))) {
            for (String[] tail : BenchNames.tailSurnames()) {
                all.add(new String[] {tail[0], Kana.toKatakana(tail[1])});
            }
        }
        return all.toArray(String[][]::new);
    }

    private static double[] surnameCumulative() {
        double[] cumulative = new double[SURNAMES.length];
        double common = 0;
        for (int i = 0; i < FAMILY.length; i++) {
            common += 1.0 / (i + 15);
        }
        boolean uniform = SURNAMES.length == FAMILY.length;
        double total = 0;
        for (int i = 0; i < SURNAMES.length; i++) {
            total += uniform
                    ? 1
                    : i < FAMILY.length ? 0.65 / (i + 15) / common : 0.35 / (SURNAMES.length - FAMILY.length);
            cumulative[i] = total;
        }
        return cumulative;
    }

    private static int surname(Random random) {
        double r = random.nextDouble() * SURNAME_CUMULATIVE[SURNAME_CUMULATIVE.length - 1];
        int i = java.util.Arrays.binarySearch(SURNAME_CUMULATIVE, r);
        return Math.min(SURNAMES.length - 1, i < 0 ? -i - 1 : i);
    }

    private record Person(
            int family,
            int given,
            boolean male,
            LocalDate birth,
            int household,
            String address,
            @Nullable String homePhone,
            @Nullable String mobile,
            int maidenFamily) {}

    /** A population of {@code persons} persons (about 2.2 records each), the same for the same seed. */
    public static Population generate(int persons, long seed) {
        Random random = new Random(seed);
        List<Person> people = new ArrayList<>(persons);
        int household = 0;
        while (people.size() < persons) {
            household++;
            int family = surname(random);
            String address = address(random);
            String home = random.nextInt(10) < 6 ? "043" + digits(random, 7) : null;
            int size = pick(random, 35, 30, 15, 12, 8) + 1;
            LocalDate headBirth = TODAY.minusDays(365L * (25 + random.nextInt(65)) + random.nextInt(365));
            boolean headMale = random.nextInt(10) < 6;
            List<Person> members = new ArrayList<>();
            members.add(person(random, family, headMale, headBirth, household, address, home, -1));
            if (size >= 2 && random.nextInt(10) < 7) {
                LocalDate spouse = headBirth.plusDays(random.nextInt(3650) - 1825);
                int maiden = headMale ? surname(random) : -1;
                members.add(person(random, family, !headMale, spouse, household, address, home, maiden));
            }
            while (members.size() < size) {
                LocalDate child = headBirth.plusDays(365L * (20 + random.nextInt(18)) + random.nextInt(365));
                if (child.isAfter(TODAY)) {
                    child = TODAY.minusDays(random.nextInt(3000) + 1);
                }
                boolean male = random.nextBoolean();
                Person c = person(random, family, male, child, household, address, home, -1);
                // parents do not give two of their children (or a child and a parent, but for a junior) one name
                for (int attempt = 0; attempt < 20 && sameName(members, c); attempt++) {
                    c = person(random, family, male, child, household, address, home, -1);
                }
                // a son or daughter with the parent's given name (a junior): same reading, another generation
                if (random.nextInt(100) < 4 && male == headMale) {
                    Person head = members.get(0);
                    c = new Person(family, head.given(), male, child, household, address, home, c.mobile(), -1);
                }
                members.add(c);
            }
            for (Person p : members) {
                if (people.size() < persons) {
                    people.add(p);
                }
            }
        }
        List<LinkRecord> records = new ArrayList<>(persons * 23 / 10);
        List<Integer> owner = new ArrayList<>(persons * 23 / 10);
        for (int i = 0; i < people.size(); i++) {
            Person p = people.get(i);
            int count = 1 + pick(random, 30, 35, 22, 13);
            Map<Integer, Integer> atAgency = new HashMap<>();
            for (int r = 0; r < count; r++) {
                int agency = random.nextInt(12);
                int registration = atAgency.merge(agency, 1, Integer::sum);
                records.add(record(random, p, agency, registration, records.size()));
                owner.add(i);
            }
        }
        int[] person = owner.stream().mapToInt(Integer::intValue).toArray();
        return new Population(records, person, persons);
    }

    private static boolean sameName(List<Person> members, Person p) {
        return members.stream().anyMatch(m -> m.male() == p.male() && m.given() == p.given());
    }

    private static Person person(
            Random random,
            int family,
            boolean male,
            LocalDate birth,
            int household,
            String address,
            @Nullable String home,
            int maiden) {
        String[][] names = male ? MALE : FEMALE;
        String mobile = random.nextInt(10) < 6 ? "0" + (7 + random.nextInt(3)) + "0" + digits(random, 8) : null;
        return new Person(family, random.nextInt(names.length), male, birth, household, address, home, mobile, maiden);
    }

    private static LinkRecord record(Random random, Person p, int agency, int registration, int index) {
        String[] given = (p.male() ? MALE : FEMALE)[p.given()];
        int familyIndex = p.family();
        String former = null;
        String address = p.address();
        String phone = p.mobile() != null && random.nextInt(10) < 7 ? p.mobile() : p.homePhone();
        Object household = agency + ":" + p.household() + ":" + registration;
        if (p.maidenFamily() >= 0) {
            int roll = random.nextInt(10);
            if (roll < 3) {
                // recorded before the marriage: maiden name, parents' address
                familyIndex = p.maidenFamily();
                address = address(random);
                phone = p.mobile();
                household = agency + ":m" + p.household() + ":" + registration;
            } else if (roll < 6) {
                former = SURNAMES[p.maidenFamily()][0];
            }
        }
        String familyName = SURNAMES[familyIndex][0];
        String familyKana = SURNAMES[familyIndex][1];
        String givenName = given[0];
        String givenKana = given[1];
        // variant kanji
        if (random.nextInt(100) < 30) {
            familyName = variant(random, familyName);
            givenName = variant(random, givenName);
        }
        // typos and voicing differences in the reading
        int roll = random.nextInt(100);
        if (roll < 3) {
            familyKana = typo(random, familyKana);
        } else if (roll < 6) {
            givenKana = typo(random, givenKana);
        } else if (roll < 10) {
            familyKana = voicing(random, familyKana);
        }
        // kana only, no reading, half-width or hiragana reading
        roll = random.nextInt(100);
        if (roll < 8) {
            familyName = familyKana;
            givenName = givenKana;
            familyKana = null;
            givenKana = null;
        } else if (roll < 13) {
            familyKana = null;
            givenKana = null;
        } else if (roll < 25) {
            familyKana = Kana.toHalfWidth(familyKana);
            givenKana = Kana.toHalfWidth(givenKana);
        } else if (roll < 55) {
            familyKana = Kana.toHiragana(familyKana);
            givenKana = Kana.toHiragana(givenKana);
        }
        // the date of birth
        LocalDate birth = p.birth();
        ApproxDate date;
        roll = random.nextInt(100);
        if (roll < 3) {
            date = ApproxDate.parse(slip(random, birth), TODAY).orElse(null);
        } else if (roll < 4 && birth.getDayOfMonth() <= 12) {
            date = ApproxDate.parse(
                            "%d-%d-%d".formatted(birth.getYear(), birth.getDayOfMonth(), birth.getMonthValue()), TODAY)
                    .orElse(null);
        } else if (roll < 6) {
            int age = TODAY.getYear() - birth.getYear() + random.nextInt(3) - 1;
            date = ApproxDate.parse(age + "歳くらい", TODAY).orElse(null);
        } else if (roll < 7) {
            date = ApproxDate.parse(birth.getYear() + "年", TODAY).orElse(null);
        } else if (roll < 9) {
            date = null;
        } else {
            date = ApproxDate.parse(dateText(random, birth), TODAY).orElse(null);
        }
        // a move: another address and often another phone
        if (random.nextInt(100) < 12) {
            address = address(random);
            if (random.nextBoolean()) {
                phone = "0" + (7 + random.nextInt(3)) + "0" + digits(random, 8);
            }
        }
        if (random.nextInt(100) < 15) {
            phone = null;
        }
        if (random.nextInt(100) < 8) {
            address = null;
        }
        return new LinkRecord(
                new UUID(0x5eed, index),
                new UUID(0xa9e, agency),
                familyName,
                givenName,
                familyKana,
                givenKana,
                former,
                p.male() ? "MALE" : "FEMALE",
                date,
                phone == null ? null : phoneText(random, phone),
                address == null ? null : addressText(random, address),
                household,
                false);
    }

    // ---- notations and corruptions --------------------------------------------------------------------------------

    private static String dateText(Random random, LocalDate d) {
        return switch (random.nextInt(5)) {
            case 0 -> d.toString();
            case 1 -> wareki(d, true);
            case 2 -> wareki(d, false);
            case 3 ->
                Kana.toFullWidth("%d年%d月%d日".formatted(d.getYear(), d.getMonthValue(), d.getDayOfMonth()))
                        .replace('年', '年');
            default -> "%d/%d/%d".formatted(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        };
    }

    private static String wareki(LocalDate d, boolean abbreviated) {
        String era;
        int year;
        if (d.isBefore(LocalDate.of(1926, 12, 25))) {
            era = abbreviated ? "T" : "大正";
            year = d.getYear() - 1911;
        } else if (d.isBefore(LocalDate.of(1989, 1, 8))) {
            era = abbreviated ? "S" : "昭和";
            year = d.getYear() - 1925;
        } else if (d.isBefore(LocalDate.of(2019, 5, 1))) {
            era = abbreviated ? "H" : "平成";
            year = d.getYear() - 1988;
        } else {
            era = abbreviated ? "R" : "令和";
            year = d.getYear() - 2018;
        }
        return abbreviated
                ? "%s%d.%d.%d".formatted(era, year, d.getMonthValue(), d.getDayOfMonth())
                : "%s%d年%d月%d日".formatted(era, year, d.getMonthValue(), d.getDayOfMonth());
    }

    /** One digit of the date mistyped (the result is still a real date, else the date as it was). */
    private static String slip(Random random, LocalDate d) {
        char[] digits = "%04d%02d%02d"
                .formatted(d.getYear(), d.getMonthValue(), d.getDayOfMonth())
                .toCharArray();
        for (int attempt = 0; attempt < 10; attempt++) {
            char[] c = digits.clone();
            int at = 2 + random.nextInt(6);
            c[at] = (char) ('0' + random.nextInt(10));
            String s = new String(c);
            try {
                LocalDate slipped = LocalDate.of(
                        Integer.parseInt(s.substring(0, 4)),
                        Integer.parseInt(s.substring(4, 6)),
                        Integer.parseInt(s.substring(6)));
                if (!slipped.equals(d) && slipped.isBefore(TODAY)) {
                    return slipped.toString();
                }
            } catch (RuntimeException e) {
                // not a date: try another digit
            }
        }
        return d.toString();
    }

    private static String typo(Random random, String kana) {
        int at = random.nextInt(kana.length());
        StringBuilder s = new StringBuilder(kana);
        s.setCharAt(at, KATAKANA.charAt(random.nextInt(KATAKANA.length())));
        return s.toString();
    }

    /** あかぐち / あかくち: one kana voiced or unvoiced. */
    private static String voicing(Random random, String kana) {
        StringBuilder s = new StringBuilder(kana);
        for (int attempt = 0; attempt < kana.length(); attempt++) {
            int at = random.nextInt(kana.length());
            char c = kana.charAt(at);
            int plain = VOICE_FROM.indexOf(c), voiced = VOICE_TO.indexOf(c);
            if (plain >= 0) {
                s.setCharAt(at, VOICE_TO.charAt(plain));
                return s.toString();
            }
            if (voiced >= 0) {
                s.setCharAt(at, VOICE_FROM.charAt(voiced));
                return s.toString();
            }
        }
        return kana;
    }

    private static String variant(Random random, String name) {
        StringBuilder s = new StringBuilder();
        for (char c : name.toCharArray()) {
            String options = VARIANTS.get(c);
            s.append(
                    options == null
                            ? String.valueOf(c)
                            : String.valueOf(options.charAt(random.nextInt(options.length()))));
        }
        return s.toString();
    }

    private static String address(Random random) {
        return TOWNS[random.nextInt(TOWNS.length)] + "|" + (1 + random.nextInt(5)) + "|" + (1 + random.nextInt(30))
                + "|" + (1 + random.nextInt(20));
    }

    private static String addressText(Random random, String address) {
        String[] a = address.split("\\|");
        int chome = Integer.parseInt(a[1]);
        return switch (random.nextInt(4)) {
            case 0 -> "千葉県みなと市" + a[0] + Kana.kanjiNumeral(chome) + "丁目" + a[2] + "番" + a[3] + "号";
            case 1 -> a[0] + chome + "-" + a[2] + "-" + a[3];
            case 2 ->
                "みなと市" + a[0] + Kana.toFullWidth(chome + "丁目" + a[2] + "-" + a[3]) + " コーポ" + a[0] + " 10"
                        + random.nextInt(10);
            default -> "みなと市" + a[0].replace("ケ", "ヶ") + chome + "丁目" + a[2] + "番地" + a[3];
        };
    }

    private static String phoneText(Random random, String digits) {
        boolean mobile = digits.length() == 11;
        String a = mobile ? digits.substring(0, 3) : digits.substring(0, 3);
        String b = mobile ? digits.substring(3, 7) : digits.substring(3, 6);
        String c = mobile ? digits.substring(7) : digits.substring(6);
        return switch (random.nextInt(4)) {
            case 0 -> a + "-" + b + "-" + c;
            case 1 -> Kana.toFullWidth(a) + "（" + Kana.toFullWidth(b) + "）" + Kana.toFullWidth(c);
            case 2 -> a + " " + b + " " + c;
            default -> digits;
        };
    }

    private static String digits(Random random, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }

    private static int pick(Random random, int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static String[][] split(String list) {
        String[] items = list.replace("\n", "").replace(" ", " ").strip().split(",");
        String[][] out = new String[items.length][];
        for (int i = 0; i < items.length; i++) {
            out[i] = items[i].strip().split(" ");
        }
        if (out[0].length == 1) {
            String[] flat = new String[items.length];
            for (int i = 0; i < items.length; i++) {
                flat[i] = items[i].strip();
            }
            return new String[][] {flat};
        }
        return out;
    }
}
