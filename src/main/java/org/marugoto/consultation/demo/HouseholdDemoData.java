package org.marugoto.consultation.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.consultation.Channel;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.ConsulterType;
import org.marugoto.consultation.FirstResponse;
import org.marugoto.consultation.Urgency;
import org.marugoto.consultation.domain.ConsultationCommand;
import org.marugoto.consultation.domain.ConsultationService;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.LivingSituation;
import org.marugoto.people.MemberView;
import org.marugoto.people.MembershipCommand;
import org.marugoto.people.MembershipEnd;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PersonCommand;
import org.marugoto.people.Relationship;
import org.marugoto.people.Sex;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Japan;
import org.marugoto.shared.Tenancy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Households of the demo city with the consultations different agencies recorded about them: the stories of
 * docs/domain.md §1 (8050, double care, a young carer, hoarding with refusal, someone between systems, a foreign
 * family) and a few hundred ordinary households generated from invented names. Recorded through the services, as
 * the demo staff, so that access rules and audit apply. Runs once: skipped when households exist.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty("marugoto.demo.enabled")
class HouseholdDemoData implements ApplicationRunner {

    /** kanji, reading: invented combinations of common surnames, some written with variant kanji. */
    static final String[][] FAMILY_NAMES = {
        {"佐藤", "さとう"}, {"鈴木", "すずき"}, {"髙橋", "たかはし"}, {"高橋", "たかはし"}, {"田中", "たなか"},
        {"伊藤", "いとう"}, {"渡邉", "わたなべ"}, {"渡辺", "わたなべ"}, {"山本", "やまもと"}, {"中村", "なかむら"},
        {"小林", "こばやし"}, {"加藤", "かとう"}, {"吉田", "よしだ"}, {"山田", "やまだ"}, {"佐々木", "ささき"},
        {"山口", "やまぐち"}, {"松本", "まつもと"}, {"井上", "いのうえ"}, {"木村", "きむら"}, {"林", "はやし"},
        {"齋藤", "さいとう"}, {"斉藤", "さいとう"}, {"清水", "しみず"}, {"山﨑", "やまざき"}, {"山崎", "やまさき"},
        {"森", "もり"}, {"池田", "いけだ"}, {"橋本", "はしもと"}, {"阿部", "あべ"}, {"石川", "いしかわ"},
        {"前田", "まえだ"}, {"藤田", "ふじた"}, {"小川", "おがわ"}, {"岡田", "おかだ"}, {"長谷川", "はせがわ"},
        {"村上", "むらかみ"}, {"近藤", "こんどう"}, {"石井", "いしい"}, {"坂本", "さかもと"}, {"遠藤", "えんどう"},
        {"青木", "あおき"}, {"藤井", "ふじい"}, {"西村", "にしむら"}, {"福田", "ふくだ"}, {"太田", "おおた"},
        {"三浦", "みうら"}, {"藤原", "ふじわら"}, {"岡本", "おかもと"}, {"松田", "まつだ"}, {"中川", "なかがわ"},
        {"濱田", "はまだ"}, {"澤田", "さわだ"}, {"菅原", "すがわら"}, {"野口", "のぐち"}, {"月岡", "つきおか"},
    };

    static final String[][] MALE_NAMES = {
        {"健一", "けんいち"}, {"誠", "まこと"}, {"浩", "ひろし"}, {"大輔", "だいすけ"}, {"翔太", "しょうた"},
        {"蓮", "れん"}, {"悠真", "ゆうま"}, {"正雄", "まさお"}, {"勝", "まさる"}, {"隆", "たかし"},
        {"和夫", "かずお"}, {"拓也", "たくや"}, {"陽太", "ようた"}, {"湊", "みなと"}, {"茂", "しげる"},
        {"修", "おさむ"}, {"直樹", "なおき"}, {"亮", "りょう"}, {"智也", "ともや"}, {"清", "きよし"},
    };

    static final String[][] FEMALE_NAMES = {
        {"トミ", "とみ"}, {"美咲", "みさき"}, {"陽菜", "ひな"}, {"恵美", "えみ"}, {"結衣", "ゆい"},
        {"洋子", "ようこ"}, {"幸子", "さちこ"}, {"由美子", "ゆみこ"}, {"さくら", "さくら"}, {"葵", "あおい"},
        {"久美子", "くみこ"}, {"千代", "ちよ"}, {"花子", "はなこ"}, {"真由美", "まゆみ"}, {"芽依", "めい"},
        {"恵子", "けいこ"}, {"優子", "ゆうこ"}, {"明美", "あけみ"}, {"彩", "あや"}, {"凛", "りん"},
    };

    static final String[][] STREETS = {
        {"N", "桜台"}, {"N", "月見ヶ丘"}, {"N", "白樺町"}, {"C", "本町"}, {"C", "駅前"}, {"C", "緑町"},
        {"C", "若葉"}, {"E", "東雲"}, {"E", "旭町"}, {"E", "川端"}, {"E", "港町"}, {"S", "南台"},
        {"S", "梅林"}, {"W", "西山"}, {"W", "稲穂"},
    };

    /** The staff who record the generated consultations, with the issues their agencies usually hear. */
    static final String[][] RECORDERS = {
        {"caseworker", "CARE", "HEALTH", "ISOLATION", "FAMILY", "ADVOCACY"},
        {"supervisor", "CARE", "HEALTH", "FAMILY"},
        {"caseworker2", "INCOME", "DEBT", "JOB_SEARCH", "RENT_LOAN", "FOOD", "TAX_UTILITIES"},
        {"supervisor2", "INCOME", "HOUSING", "WORK_WORRIES", "DEBT"},
        {"caseworker3", "CHILDCARE", "FAMILY", "ABUSE_DV", "HIKIKOMORI"},
        {"caseworker4", "HEALTH", "HIKIKOMORI", "FAMILY", "WORK_WORRIES"},
        {"csw", "COMMUNITY", "ISOLATION", "SELF_NEGLECT", "FOOD"},
        {"coordinator", "FAMILY", "CARE", "INCOME", "HIKIKOMORI"},
    };

    /**
     * The protected demo household's contact details: invented, and distinctive so that the masking tests can look for
     * them in every response, audit row and log line.
     */
    private static final String NONOMURA_ADDRESS = "美月野市若葉二丁目14番3号 コーポ若葉105号室";

    private static final String NONOMURA_PHONE = "080-3917-5264";
    private static final String NONOMURA_EMAIL = "ayaka.nonomura.m@example.jp";
    private static final String NONOMURA_NOTE = "勤務先：駅前のスーパー若葉店（平日午前）";
    private static final String NONOMURA_SON_NOTE = "美月野市立若葉小学校2年2組";

    private final PeopleApi people;
    private final ConsultationService consultations;
    private final UserDetailsService users;
    private final DirectoryApi directory;
    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final int generated;

    HouseholdDemoData(
            PeopleApi people,
            ConsultationService consultations,
            UserDetailsService users,
            DirectoryApi directory,
            JdbcClient jdbc,
            Tenancy tenancy,
            @Value("${marugoto.demo.households:300}") int generated) {
        this.people = people;
        this.consultations = consultations;
        this.users = users;
        this.directory = directory;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.generated = generated;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from household where municipality_id = ?")
                        .param(tenancy.municipalityId())
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        try {
            stories();
            Random random = new Random(20261123L);
            for (int i = 0; i < generated; i++) {
                ordinaryHousehold(random, i);
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void as(String username) {
        CurrentActor.actAs(users.loadUserByUsername(username));
    }

    private void stories() {
        // 8050: an 82-year-old mother with dementia and her withdrawn, unemployed son of 52
        as("caseworker");
        MemberView tomi = person(
                null,
                "佐々木",
                "トミ",
                "ささき",
                "とみ",
                Sex.FEMALE,
                1944,
                3,
                12,
                "美月野市桜台三丁目8番2号",
                "0470-22-4811",
                Relationship.SELF,
                LivingSituation.WITH_FAMILY,
                "佐々木家");
        MemberView kenichi = person(
                tomi.householdId(),
                "佐々木",
                "健一",
                "ささき",
                "けんいち",
                Sex.MALE,
                1974,
                7,
                30,
                "美月野市桜台三丁目8番2号",
                null,
                Relationship.CHILD,
                LivingSituation.WITH_FAMILY,
                null);
        consult(
                "caseworker",
                tomi.householdId(),
                days(-120),
                Channel.FROM_COMMUNITY,
                ConsulterType.WELFARE_COMMISSIONER,
                "担当の民生委員",
                List.of(tomi, kenichi),
                List.of("CARE", "HEALTH", "HIKIKOMORI"),
                Urgency.HIGH,
                "母が同じことを何度も聞く。息子はほとんど部屋から出てこない。",
                "（本人）家で暮らし続けたい。",
                ConsentStatus.GIVEN,
                "くらし・しごと相談センター、多機関協働推進室",
                FirstResponse.REFERRED,
                "JIRITSU",
                "要介護認定の申請を支援。息子さんの仕事と家計について、同意を得てくらし・しごと相談センターへつないだ。");
        consult(
                "caseworker2",
                tomi.householdId(),
                days(-95),
                Channel.FROM_AGENCY,
                ConsulterType.AGENCY,
                "北部地域包括支援センター",
                List.of(kenichi),
                List.of("INCOME", "JOB_SEARCH", "HIKIKOMORI"),
                Urgency.NORMAL,
                "働かなきゃとは思っている。でも人に会うのが怖い。",
                "母の年金だけでは足りない。",
                ConsentStatus.GIVEN,
                "地域包括支援センター、多機関協働推進室",
                FirstResponse.ESCALATED_TO_MULTI_AGENCY,
                null,
                "訪問で面談。家計が母の年金のみで滞納あり。多機関協働での検討を依頼。");

        // double care: a mother of 38 caring for her father after a stroke and for a baby
        as("caseworker3");
        MemberView misaki = person(
                null,
                "髙橋",
                "美咲",
                "たかはし",
                "みさき",
                Sex.FEMALE,
                1988,
                5,
                3,
                "美月野市本町二丁目4番15号 グリーンハイツ203",
                "090-3321-5570",
                Relationship.SELF,
                LivingSituation.WITH_FAMILY,
                "髙橋家");
        MemberView masao = person(
                misaki.householdId(),
                "髙橋",
                "正雄",
                "たかはし",
                "まさお",
                Sex.MALE,
                1952,
                11,
                20,
                "美月野市本町二丁目4番15号 グリーンハイツ203",
                null,
                Relationship.PARENT,
                LivingSituation.WITH_FAMILY,
                null);
        MemberView hina = person(
                misaki.householdId(),
                "髙橋",
                "陽菜",
                "たかはし",
                "ひな",
                Sex.FEMALE,
                LocalDate.now(Japan.ZONE).getYear(),
                1,
                1,
                "美月野市本町二丁目4番15号 グリーンハイツ203",
                null,
                Relationship.CHILD,
                LivingSituation.WITH_FAMILY,
                null);
        consult(
                "caseworker3",
                misaki.householdId(),
                days(-40),
                Channel.VISIT,
                ConsulterType.SELF,
                null,
                List.of(misaki, masao, hina),
                List.of("CHILDCARE", "CARE", "WORK_WORRIES"),
                Urgency.HIGH,
                "父の介護と赤ちゃんの世話で眠れない。育休が終わったら仕事に戻れるか不安。",
                "父をデイサービスに通わせたい。保育園にも入れたい。",
                ConsentStatus.GIVEN,
                "中央地域包括支援センター",
                FirstResponse.REFERRED,
                "HOKATSU-C",
                "ダブルケアの状況。父の介護サービスについて中央包括へつないだ。");

        // a young carer of 15 looking after her mother with depression and her brother
        MemberView emi = person(
                null,
                "渡邉",
                "恵美",
                "わたなべ",
                "えみ",
                Sex.FEMALE,
                1982,
                2,
                14,
                "美月野市東雲四丁目2番6号",
                "0470-33-9012",
                Relationship.SELF,
                LivingSituation.WITH_FAMILY,
                "渡邉家");
        MemberView yui = person(
                emi.householdId(),
                "渡邉",
                "結衣",
                "わたなべ",
                "ゆい",
                Sex.FEMALE,
                2011,
                6,
                9,
                "美月野市東雲四丁目2番6号",
                null,
                Relationship.CHILD,
                LivingSituation.WITH_FAMILY,
                null);
        person(
                emi.householdId(),
                "渡邉",
                "湊",
                "わたなべ",
                "みなと",
                Sex.MALE,
                2017,
                10,
                2,
                "美月野市東雲四丁目2番6号",
                null,
                Relationship.CHILD,
                LivingSituation.WITH_FAMILY,
                null);
        consult(
                "caseworker3",
                emi.householdId(),
                days(-20),
                Channel.FROM_AGENCY,
                ConsulterType.AGENCY,
                "東雲中学校 スクールソーシャルワーカー",
                List.of(yui, emi),
                List.of("FAMILY", "HEALTH", "HIKIKOMORI"),
                Urgency.HIGH,
                "（結衣さん）お母さんが起きられない日は、私が弟の送り迎えとごはんをやっている。",
                "学校には行きたい。",
                ConsentStatus.NOT_ASKED,
                null,
                FirstResponse.OUTREACH_NEEDED,
                null,
                "ヤングケアラーの可能性。母親の同意をまだ得ていないため、家庭訪問で関係づくりから始める。");

        // hoarding and self-neglect: a man of 68 living alone who refuses help
        as("csw");
        MemberView masaru = person(
                null,
                "齋藤",
                "勝",
                "さいとう",
                "まさる",
                Sex.MALE,
                1958,
                4,
                1,
                "美月野市南台一丁目15番地の3",
                null,
                Relationship.SELF,
                LivingSituation.ALONE,
                "齋藤家");
        consult(
                "csw",
                masaru.householdId(),
                days(-60),
                Channel.FROM_COMMUNITY,
                ConsulterType.NEIGHBOUR,
                "隣の住人",
                List.of(masaru),
                List.of("SELF_NEGLECT", "ISOLATION", "HEALTH"),
                Urgency.NORMAL,
                "（本人）自分のことは自分でやる。放っておいてくれ。",
                null,
                ConsentStatus.REFUSED,
                null,
                FirstResponse.OUTREACH_NEEDED,
                null,
                "庭と玄関にごみがあふれ、臭いの苦情。本人は支援を拒否。民生委員と見守りを続ける。");

        // between systems: a man of 34 who lost his job, with debt and no diagnosis
        as("caseworker2");
        MemberView sho = person(
                null,
                "山﨑",
                "翔",
                "やまざき",
                "しょう",
                Sex.MALE,
                1992,
                9,
                17,
                "美月野市西山五丁目3番1号 コーポ西山102",
                "080-4410-2266",
                Relationship.SELF,
                LivingSituation.UNSTABLE_HOUSING,
                "山﨑家");
        consult(
                "caseworker2",
                sho.householdId(),
                days(-10),
                Channel.VISIT,
                ConsulterType.SELF,
                null,
                List.of(sho),
                List.of("JOB_SEARCH", "DEBT", "RENT_LOAN", "FOOD"),
                Urgency.EMERGENCY,
                "派遣を切られて3か月。家賃を2か月払えていない。今日食べるものがない。",
                "住むところをなくしたくない。",
                ConsentStatus.GIVEN,
                "福祉事務所",
                FirstResponse.ANSWERED_AT_COUNTER,
                null,
                "食料支援を当日実施。住居確保給付金の申請を案内。");

        // a foreign family: a Brazilian mother of 29 and her son
        as("caseworker3");
        MemberView ana = person(
                null,
                "ペレイラ・シルバ",
                "アナ",
                "ぺれいら・しるば",
                "あな",
                Sex.FEMALE,
                1997,
                8,
                21,
                "美月野市駅前一丁目9番4号 駅前レジデンス507",
                "070-5512-8890",
                Relationship.SELF,
                LivingSituation.WITH_FAMILY,
                "ペレイラ・シルバ家");
        person(
                ana.householdId(),
                "ペレイラ・シルバ",
                "ルカス",
                "ぺれいら・しるば",
                "るかす",
                Sex.MALE,
                2021,
                3,
                30,
                "美月野市駅前一丁目9番4号 駅前レジデンス507",
                null,
                Relationship.CHILD,
                LivingSituation.WITH_FAMILY,
                null);
        consult(
                "caseworker3",
                ana.householdId(),
                days(-5),
                Channel.VISIT,
                ConsulterType.SELF,
                null,
                List.of(ana),
                List.of("FOREIGN_RESIDENT", "CHILDCARE", "INCOME"),
                Urgency.NORMAL,
                "保育園の書類が読めない。仕事のシフトが減った。",
                "日本語教室にも行きたい。",
                ConsentStatus.GIVEN,
                "くらし・しごと相談センター",
                FirstResponse.INFORMATION_GIVEN,
                null,
                "ポルトガル語の通訳を手配して手続きを説明。");

        // a household that changed: the husband died last year
        as("caseworker");
        MemberView chiyo = person(
                null,
                "月岡",
                "千代",
                "つきおか",
                "ちよ",
                Sex.FEMALE,
                1938,
                1,
                8,
                "美月野市月見ヶ丘一丁目2番3号",
                "0470-22-1010",
                Relationship.SELF,
                LivingSituation.ALONE,
                "月岡家");
        MemberView kiyoshi = person(
                chiyo.householdId(),
                "月岡",
                "清",
                "つきおか",
                "きよし",
                Sex.MALE,
                1935,
                5,
                5,
                "美月野市月見ヶ丘一丁目2番3号",
                null,
                Relationship.SPOUSE,
                LivingSituation.WITH_FAMILY,
                null);
        people.endMembership(
                kiyoshi.id(), kiyoshi.version(), LocalDate.now(Japan.ZONE).minusMonths(11), MembershipEnd.DIED);
        consult(
                "caseworker",
                chiyo.householdId(),
                days(-200),
                Channel.PHONE,
                ConsulterType.FAMILY,
                "県外に住む娘",
                List.of(chiyo),
                List.of("ISOLATION", "CARE"),
                Urgency.NORMAL,
                "夫が亡くなってから、誰とも話さない日がある。",
                "近くのサロンに行ってみたい。",
                ConsentStatus.GIVEN,
                "社会福祉協議会",
                FirstResponse.INFORMATION_GIVEN,
                null,
                "桜台ふれあいサロンを紹介。");

        // DV: a mother of 34 who fled her husband with her son of 7; protected (支援措置) by ProtectionDemoData
        as("caseworker3");
        MemberView ayaka = people.register(
                new PersonCommand(
                        "野々村",
                        "彩花",
                        "ののむら",
                        "あやか",
                        null,
                        Sex.FEMALE,
                        LocalDate.now(Japan.ZONE).minusYears(34).withMonth(6).withDayOfMonth(18),
                        NONOMURA_ADDRESS,
                        null,
                        LivingSituation.WITH_FAMILY,
                        NONOMURA_PHONE,
                        NONOMURA_EMAIL,
                        null,
                        null,
                        NONOMURA_NOTE),
                new MembershipCommand(null, "野々村家", Relationship.SELF, true, null));
        MemberView minato = people.register(
                new PersonCommand(
                        "野々村",
                        "湊",
                        "ののむら",
                        "みなと",
                        null,
                        Sex.MALE,
                        LocalDate.now(Japan.ZONE).minusYears(7).withMonth(2).withDayOfMonth(9),
                        NONOMURA_ADDRESS,
                        null,
                        LivingSituation.WITH_FAMILY,
                        null,
                        null,
                        null,
                        null,
                        NONOMURA_SON_NOTE),
                new MembershipCommand(
                        ayaka.householdId(),
                        null,
                        Relationship.CHILD,
                        true,
                        LocalDate.now(Japan.ZONE).minusYears(7).withMonth(2).withDayOfMonth(9)));
        consult(
                "caseworker3",
                ayaka.householdId(),
                days(-40),
                Channel.VISIT,
                ConsulterType.SELF,
                null,
                List.of(ayaka, minato),
                List.of("ABUSE_DV", "CHILDCARE", "INCOME"),
                Urgency.HIGH,
                "夫の暴力から逃げて、子どもと二人で暮らし始めた。見つかるのが怖い。",
                "子どもが安心して学校に通えるようにしたい。仕事を続けたい。",
                ConsentStatus.GIVEN,
                "くらし・しごと相談センター",
                FirstResponse.INFORMATION_GIVEN,
                null,
                "配偶者暴力相談支援センターと連携。住民票の支援措置の申出を支援した。");
    }

    private void ordinaryHousehold(Random random, int index) {
        String[] recorder = RECORDERS[random.nextInt(RECORDERS.length)];
        as(recorder[0]);
        String[] family = FAMILY_NAMES[random.nextInt(FAMILY_NAMES.length)];
        String[] street = STREETS[random.nextInt(STREETS.length)];
        String address = "美月野市" + street[1] + (1 + random.nextInt(5)) + "丁目" + (1 + random.nextInt(20)) + "番"
                + (1 + random.nextInt(15)) + "号";
        boolean elderly = random.nextInt(3) == 0;
        int headYear = elderly ? 1935 + random.nextInt(20) : 1960 + random.nextInt(40);
        Sex headSex = random.nextBoolean() ? Sex.FEMALE : Sex.MALE;
        String phone = random.nextInt(4) == 0
                ? null
                : "0%d0-%04d-%04d".formatted(7 + random.nextInt(3), random.nextInt(10000), random.nextInt(10000));
        MemberView head = person(
                null,
                family[0],
                given(random, headSex)[0],
                family[1],
                null,
                headSex,
                headYear,
                1 + random.nextInt(12),
                1 + random.nextInt(28),
                address,
                phone,
                Relationship.SELF,
                LivingSituation.WITH_FAMILY,
                family[0] + "家");
        List<MemberView> members = new ArrayList<>(List.of(head));
        int others = random.nextInt(4);
        for (int i = 0; i < others; i++) {
            Relationship relationship =
                    switch (random.nextInt(4)) {
                        case 0 -> Relationship.SPOUSE;
                        case 1 -> Relationship.CHILD;
                        case 2 -> elderly ? Relationship.CHILD : Relationship.PARENT;
                        default -> Relationship.GRANDCHILD;
                    };
            int year =
                    switch (relationship) {
                        case SPOUSE -> headYear - 3 + random.nextInt(7);
                        case PARENT -> headYear - 25 - random.nextInt(10);
                        case CHILD ->
                            Math.min(
                                    headYear + 22 + random.nextInt(15),
                                    LocalDate.now(Japan.ZONE).getYear() - 1);
                        default ->
                            Math.min(
                                    headYear + 50 + random.nextInt(15),
                                    LocalDate.now(Japan.ZONE).getYear() - 1);
                    };
            Sex sex = random.nextBoolean() ? Sex.FEMALE : Sex.MALE;
            String[] given = given(random, sex);
            members.add(person(
                    head.householdId(),
                    family[0],
                    given[0],
                    family[1],
                    given[1],
                    sex,
                    year,
                    1 + random.nextInt(12),
                    1 + random.nextInt(28),
                    address,
                    null,
                    relationship,
                    LivingSituation.WITH_FAMILY,
                    null));
        }
        int consultationsCount = 1 + random.nextInt(2);
        for (int c = 0; c < consultationsCount; c++) {
            String[] by = c == 0 ? recorder : RECORDERS[random.nextInt(RECORDERS.length)];
            List<String> issues = new ArrayList<>();
            issues.add(by[1 + random.nextInt(by.length - 1)]);
            String second = by[1 + random.nextInt(by.length - 1)];
            if (!issues.contains(second) && random.nextBoolean()) {
                issues.add(second);
            }
            ConsentStatus consent = ConsentStatus.values()[random.nextInt(3)];
            FirstResponse response = FirstResponse.values()[random.nextInt(FirstResponse.values().length)];
            // a consultation "referred" makes a referral (docs/decisions/0019): the generated history refers nobody,
            // so that inboxes hold only the demo's own story
            if (response == FirstResponse.REFERRED) {
                response = FirstResponse.INFORMATION_GIVEN;
            }
            String referred = null;
            consult(
                    by[0],
                    head.householdId(),
                    days(-1 - random.nextInt(700)),
                    Channel.values()[random.nextInt(Channel.values().length)],
                    ConsulterType.values()[random.nextInt(ConsulterType.values().length)],
                    null,
                    List.of(members.get(random.nextInt(members.size()))),
                    issues,
                    Urgency.values()[1 + random.nextInt(3)],
                    null,
                    null,
                    consent,
                    null,
                    response,
                    referred,
                    null);
        }
    }

    private static String[] given(Random random, Sex sex) {
        String[][] names = sex == Sex.FEMALE ? FEMALE_NAMES : MALE_NAMES;
        return names[random.nextInt(names.length)];
    }

    private MemberView person(
            @Nullable UUID household,
            String familyName,
            String givenName,
            String familyKana,
            @Nullable String givenKana,
            Sex sex,
            int year,
            int month,
            int day,
            String address,
            @Nullable String phone,
            Relationship relationship,
            LivingSituation living,
            @Nullable String householdName) {
        String reading = givenKana != null ? givenKana : readingOf(givenName, sex);
        java.time.YearMonth yearMonth = java.time.YearMonth.of(year, month);
        LocalDate birth = yearMonth.atDay(Math.min(day, yearMonth.lengthOfMonth()));
        if (birth.isAfter(LocalDate.now(Japan.ZONE))) {
            birth = LocalDate.now(Japan.ZONE).minusDays(30);
        }
        return people.register(
                new PersonCommand(
                        familyName,
                        givenName,
                        familyKana,
                        reading,
                        null,
                        sex,
                        birth,
                        address,
                        null,
                        living,
                        phone,
                        null,
                        null,
                        null,
                        null),
                new MembershipCommand(household, householdName, relationship, true, household == null ? null : birth));
    }

    private static String readingOf(String givenName, Sex sex) {
        for (String[] name : sex == Sex.FEMALE ? FEMALE_NAMES : MALE_NAMES) {
            if (name[0].equals(givenName)) {
                return name[1];
            }
        }
        return "";
    }

    private static Instant days(int offset) {
        return LocalDateTime.now(Japan.ZONE)
                .plusDays(offset)
                .withHour(10)
                .withMinute(30)
                .atZone(Japan.ZONE)
                .toInstant();
    }

    private void consult(
            String username,
            UUID household,
            Instant at,
            Channel channel,
            ConsulterType consulter,
            @Nullable String relation,
            List<MemberView> persons,
            List<String> issues,
            Urgency urgency,
            @Nullable String ownWords,
            @Nullable String wishes,
            ConsentStatus consent,
            @Nullable String scope,
            FirstResponse response,
            @Nullable String referredAgencyCode,
            @Nullable String note) {
        as(username);
        UUID agency = org.marugoto.shared.CurrentActor.get().orElseThrow().agencyId();
        UUID counter =
                directory.counters(agency).stream().findFirst().map(c -> c.id()).orElse(null);
        UUID referred = referredAgencyCode == null
                ? null
                : directory.agencyByCode(referredAgencyCode).orElseThrow().id();
        if (!people.householdScope(household).sharedWithAgencyIds().contains(agency)) {
            people.involve(household, agency, "DEMO");
        }
        consultations.record(new ConsultationCommand(
                UUID.randomUUID(),
                household,
                counter,
                at,
                channel,
                consulter,
                relation,
                persons.stream().map(m -> m.person().id()).distinct().toList(),
                issues,
                issues.getFirst(),
                urgency,
                ownWords,
                wishes,
                consent,
                consent == ConsentStatus.NOT_ASKED ? null : LocalDate.ofInstant(at, Japan.ZONE),
                scope,
                response == FirstResponse.REFERRED && referred == null ? FirstResponse.INFORMATION_GIVEN : response,
                referred,
                note));
    }
}
