package org.marugoto.directory.demo;

import static org.marugoto.directory.AgencyKind.*;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaView;
import org.marugoto.directory.AgencyKind;
import org.marugoto.directory.CounterView;
import org.marugoto.directory.ServiceLanguage;
import org.marugoto.directory.domain.AgencyCommand;
import org.marugoto.directory.domain.CounterCommand;
import org.marugoto.directory.domain.DirectoryService;
import org.marugoto.directory.domain.ServiceCommand;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The agencies of the demo city 美月野市, their counters and their services: one agency of every kind in
 * docs/domain.md §3, an elderly-care centre per daily-life area, the counters where consultations are received, and
 * the services each offers with the issues it handles. A service serves its agency's area (the whole city when the
 * agency has none) and is offered at all its agency's counters unless said otherwise. Idempotent: looked up by code
 * first.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty("marugoto.demo.enabled")
class DirectoryDemoData implements ApplicationRunner {

    record Demo(
            String code,
            String name,
            String kana,
            AgencyKind kind,
            @Nullable String area,
            String address,
            String phone,
            String description,
            String[] counters) {}

    private static final String WEEKDAYS = "月〜金 8:30〜17:15（祝日・年末年始を除く）";

    static final Demo[] AGENCIES = {
        new Demo(
                "CITY-ADMIN",
                "美月野市 総務部 情報政策課",
                "みづきのし そうむぶ じょうほうせいさくか",
                ADMINISTRATION,
                null,
                "美月野市本町1-1-1 市役所本庁舎3階",
                "0470-11-1001",
                "システムの管理と職員アカウントの発行を担当します。",
                new String[] {}),
        new Demo(
                "CITY-WELFARE",
                "美月野市 福祉部 地域福祉課",
                "みづきのし ふくしぶ ちいきふくしか",
                MUNICIPAL_WELFARE_DIVISION,
                null,
                "美月野市本町1-1-1 市役所本庁舎1階",
                "0470-11-1101",
                "包括的な支援体制の所管課。重層的支援体制整備事業と地域福祉計画を担当し、どの分野の相談も受け止めます。",
                new String[] {"ふくしの総合相談窓口|本庁舎1階 12番窓口|日本語・英語・やさしい日本語（通訳タブレットで中国語・ベトナム語・ポルトガル語）"}),
        new Demo(
                "HUB",
                "美月野市 多機関協働推進室",
                "みづきのし たきかんきょうどうすいしんしつ",
                MULTI_AGENCY_COORDINATION,
                null,
                "美月野市本町1-1-1 市役所本庁舎1階",
                "0470-11-1120",
                "相談支援包括化推進員が、8050世帯・ダブルケア・ごみ屋敷など複合的な課題を持つ世帯の支援チームをまとめます。",
                new String[] {"多機関協働の相談|本庁舎1階 地域福祉課内|日本語"}),
        new Demo(
                "WELFARE-OFFICE",
                "美月野市 福祉事務所（生活福祉課）",
                "みづきのし ふくしじむしょ",
                WELFARE_OFFICE,
                null,
                "美月野市本町1-1-1 市役所本庁舎1階",
                "0470-11-1201",
                "生活保護の相談・申請を受け付けます。",
                new String[] {"生活保護相談窓口|本庁舎1階 15番窓口|日本語"}),
        new Demo(
                "HOKATSU-N",
                "美月野市 北部地域包括支援センター",
                "ほくぶちいきほうかつしえんせんたー",
                COMMUNITY_COMPREHENSIVE_SUPPORT_CENTER,
                "N",
                "美月野市桜台2-5-8 桜台ふれあい館内",
                "0470-21-3301",
                "高齢者の介護・健康・権利擁護の相談。介護する家族や、同居する家族の困りごとも受け止めます。",
                new String[] {"北部包括 相談窓口|桜台ふれあい館1階|日本語"}),
        new Demo(
                "HOKATSU-C",
                "美月野市 中央地域包括支援センター",
                "ちゅうおうちいきほうかつしえんせんたー",
                COMMUNITY_COMPREHENSIVE_SUPPORT_CENTER,
                "C",
                "美月野市本町3-2-10 中央保健福祉センター2階",
                "0470-21-3302",
                "高齢者の介護・健康・権利擁護の相談。",
                new String[] {"中央包括 相談窓口|中央保健福祉センター2階|日本語・英語"}),
        new Demo(
                "HOKATSU-E",
                "美月野市 東部地域包括支援センター",
                "とうぶちいきほうかつしえんせんたー",
                COMMUNITY_COMPREHENSIVE_SUPPORT_CENTER,
                "E",
                "美月野市東雲4-1-3",
                "0470-21-3303",
                "高齢者の介護・健康・権利擁護の相談。",
                new String[] {"東部包括 相談窓口|東雲コミュニティセンター隣|日本語"}),
        new Demo(
                "HOKATSU-S",
                "美月野市 南部地域包括支援センター",
                "なんぶちいきほうかつしえんせんたー",
                COMMUNITY_COMPREHENSIVE_SUPPORT_CENTER,
                "S",
                "美月野市南台1-8-2 特別養護老人ホームみなみ苑内",
                "0470-21-3304",
                "高齢者の介護・健康・権利擁護の相談。",
                new String[] {"南部包括 相談窓口|みなみ苑 正面玄関横|日本語"}),
        new Demo(
                "HOKATSU-W",
                "美月野市 西部地域包括支援センター",
                "せいぶちいきほうかつしえんせんたー",
                COMMUNITY_COMPREHENSIVE_SUPPORT_CENTER,
                "W",
                "美月野市西山5-12-1",
                "0470-21-3305",
                "高齢者の介護・健康・権利擁護の相談。",
                new String[] {"西部包括 相談窓口|西山出張所2階|日本語"}),
        new Demo(
                "DISABILITY-HUB",
                "美月野市 基幹相談支援センター",
                "みづきのし きかんそうだんしえんせんたー",
                DISABILITY_CONSULTATION_OFFICE,
                null,
                "美月野市緑町2-3-4 障害者福祉会館1階",
                "0470-31-4401",
                "障害のある人と家族の相談、ひきこもりの相談、地域の相談支援事業所の後方支援。",
                new String[] {"障害福祉 総合相談|障害者福祉会館1階|日本語・手話（予約制）"}),
        new Demo(
                "DISABILITY-AOBA",
                "相談支援事業所 あおば",
                "そうだんしえんじぎょうしょ あおば",
                DISABILITY_CONSULTATION_OFFICE,
                "E",
                "美月野市川端1-9-7",
                "0470-31-4402",
                "計画相談支援・地域移行支援。精神障害のある人の暮らしの相談。",
                new String[] {"あおば 相談室|川端ビル2階|日本語"}),
        new Demo(
                "KODOMO",
                "美月野市 こども家庭センター",
                "みづきのし こどもかていせんたー",
                CHILD_AND_FAMILY_CENTER,
                null,
                "美月野市本町3-2-10 中央保健福祉センター1階",
                "0470-41-5501",
                "妊娠・出産・子育て・児童虐待・ヤングケアラーの相談。母子保健と児童福祉を一体で支援します。",
                new String[] {"子育て・家庭相談|中央保健福祉センター1階|日本語・英語・ポルトガル語（通訳同席日あり）"}),
        new Demo(
                "KOSODATE-HIROBA",
                "子育て支援拠点 つきみひろば",
                "こそだてしえんきょてん つきみひろば",
                CHILDCARE_SUPPORT_HUB,
                "N",
                "美月野市月見ヶ丘3-1-1",
                "0470-41-5502",
                "0〜3歳の親子の居場所と子育て相談。ダブルケアの相談も受けます。",
                new String[] {"ひろば相談|つきみひろば|日本語"}),
        new Demo(
                "JIRITSU",
                "美月野市 くらし・しごと相談センター",
                "みづきのし くらし・しごとそうだんせんたー",
                SELF_RELIANCE_SUPPORT,
                null,
                "美月野市駅前1-4-2 駅前ビル4階",
                "0470-51-6601",
                "生活困窮者自立支援法による自立相談支援機関。家計・債務・仕事探し・住まい・食料の相談。",
                new String[] {"くらし・しごと相談窓口|駅前ビル4階|日本語・やさしい日本語", "出張相談（西部）|美月野市西山5-12-1 西山出張所（第2・第4木曜）|日本語"}),
        new Demo(
                "SHAKYO",
                "社会福祉法人 美月野市社会福祉協議会",
                "みづきのししゃかいふくしきょうぎかい",
                SOCIAL_WELFARE_COUNCIL,
                null,
                "美月野市緑町2-3-4 障害者福祉会館2階",
                "0470-61-7701",
                "コミュニティソーシャルワーカー（CSW）による地域の相談、ボランティアセンター、日常生活自立支援事業。",
                new String[] {"CSW 地域福祉相談|福祉会館2階|日本語", "ボランティアセンター|福祉会館2階|日本語"}),
        new Demo(
                "HEALTH",
                "美月野市 保健センター",
                "みづきのし ほけんせんたー",
                HEALTH_CENTER,
                null,
                "美月野市本町3-2-10 中央保健福祉センター1階",
                "0470-71-8801",
                "こころの健康相談・健康相談・精神保健福祉相談。",
                new String[] {"こころの健康相談|中央保健福祉センター1階|日本語"}),
        new Demo(
                "MINSEI",
                "美月野市 民生委員児童委員協議会",
                "みづきのし みんせいいいんじどういいんきょうぎかい",
                WELFARE_COMMISSIONERS_COUNCIL,
                null,
                "美月野市本町1-1-1 市役所本庁舎1階（地域福祉課内）",
                "0470-11-1130",
                "地域の民生委員・児童委員が、身近な相談を受けて必要な機関につなぎます。",
                new String[] {}),
        new Demo(
                "CHIKU-SAKURADAI",
                "桜台地区社会福祉協議会",
                "さくらだいちくしゃかいふくしきょうぎかい",
                DISTRICT_SOCIAL_WELFARE_COUNCIL,
                "N1-2-K",
                "美月野市桜台2-5-8 桜台ふれあい館",
                "0470-21-3390",
                "ふれあいサロン・見守り活動・地区の困りごと相談。",
                new String[] {"ふれあい相談（毎週水曜）|桜台ふれあい館 和室|日本語"}),
    };

    /** A demo service; issues, languages and counters are space-separated codes. */
    record DemoService(
            String agency,
            String code,
            String name,
            String kana,
            String issues,
            String description,
            @Nullable Integer minAge,
            @Nullable Integer maxAge,
            String languages,
            String hours,
            String fees,
            @Nullable String counters,
            boolean referrals) {

        DemoService ages(@Nullable Integer min, @Nullable Integer max) {
            return new DemoService(
                    agency,
                    code,
                    name,
                    kana,
                    issues,
                    description,
                    min,
                    max,
                    languages,
                    hours,
                    fees,
                    counters,
                    referrals);
        }

        DemoService languages(String codes) {
            return new DemoService(
                    agency,
                    code,
                    name,
                    kana,
                    issues,
                    description,
                    minAge,
                    maxAge,
                    codes,
                    hours,
                    fees,
                    counters,
                    referrals);
        }

        DemoService hours(String text) {
            return new DemoService(
                    agency,
                    code,
                    name,
                    kana,
                    issues,
                    description,
                    minAge,
                    maxAge,
                    languages,
                    text,
                    fees,
                    counters,
                    referrals);
        }

        DemoService fees(String text) {
            return new DemoService(
                    agency,
                    code,
                    name,
                    kana,
                    issues,
                    description,
                    minAge,
                    maxAge,
                    languages,
                    hours,
                    text,
                    counters,
                    referrals);
        }

        DemoService at(String counterCodes) {
            return new DemoService(
                    agency,
                    code,
                    name,
                    kana,
                    issues,
                    description,
                    minAge,
                    maxAge,
                    languages,
                    hours,
                    fees,
                    counterCodes,
                    referrals);
        }

        DemoService noReferrals() {
            return new DemoService(
                    agency,
                    code,
                    name,
                    kana,
                    issues,
                    description,
                    minAge,
                    maxAge,
                    languages,
                    hours,
                    fees,
                    counters,
                    false);
        }
    }

    private static DemoService service(
            String agency, String code, String name, String kana, String issues, String description) {
        return new DemoService(
                agency, code, name, kana, issues, description, null, null, "JAPANESE", WEEKDAYS, "無料", null, true);
    }

    private static final String[] HOKATSU = {"HOKATSU-N", "HOKATSU-C", "HOKATSU-E", "HOKATSU-S", "HOKATSU-W"};

    static final List<DemoService> SERVICES = List.of(
            service(
                            "CITY-WELFARE",
                            "SOGO",
                            "ふくしの総合相談",
                            "ふくしのそうごうそうだん",
                            "HEALTH HOUSING INCOME FAMILY COMMUNITY ISOLATION SELF_NEGLECT FOREIGN_RESIDENT OTHER",
                            "分野を問わず、どんな困りごとも受け止めて一緒に整理し、必要な支援につなぎます。")
                    .languages("JAPANESE EASY_JAPANESE ENGLISH CHINESE VIETNAMESE PORTUGUESE"),
            service(
                    "CITY-WELFARE",
                    "SANKA",
                    "参加支援（居場所・役割づくり）",
                    "さんかしえん",
                    "ISOLATION HIKIKOMORI COMMUNITY",
                    "社会とのつながりを取り戻したい人と、地域の居場所・役割・仕事体験を一緒に探し、受け入れ先も支えます。"),
            service(
                    "HUB",
                    "TAKIKAN",
                    "多機関協働による支援調整",
                    "たきかんきょうどうによるしえんちょうせい",
                    "FAMILY CARE HIKIKOMORI SELF_NEGLECT DEBT ISOLATION",
                    "8050世帯やダブルケアなど複数の課題を抱える世帯について、関係機関の役割分担を調整し、支援プランをつくります。"),
            service(
                    "HUB",
                    "OUTREACH",
                    "アウトリーチ等を通じた継続的支援",
                    "あうとりーちとうをつうじたけいぞくてきしえん",
                    "HIKIKOMORI ISOLATION SELF_NEGLECT",
                    "支援が届いていない人を訪問し、時間をかけて関係をつくりながら、つながり続けます。"),
            service(
                    "WELFARE-OFFICE",
                    "SEIHO",
                    "生活保護の相談・申請",
                    "せいかつほごのそうだん・しんせい",
                    "INCOME HOUSING HEALTH FOOD",
                    "生活に困ったときの最後のセーフティネットです。申請は誰でもできます。医療・住まい・生活費を保障します。"),
            service(
                            "DISABILITY-HUB",
                            "SOUDAN",
                            "障害のある人の総合相談",
                            "しょうがいのあるひとのそうごうそうだん",
                            "HEALTH FAMILY WORK_WORRIES JOB_SEARCH",
                            "障害の種類や手帳の有無を問わず、本人と家族の暮らし・福祉サービス・仕事の相談を受けます。")
                    .languages("JAPANESE JAPANESE_SIGN_LANGUAGE"),
            service(
                    "DISABILITY-HUB",
                    "HIKIKOMORI",
                    "ひきこもり相談",
                    "ひきこもりそうだん",
                    "HIKIKOMORI ISOLATION FAMILY",
                    "ひきこもりの状態にある本人と家族の相談です。訪問や家族教室も行います。"),
            service(
                    "DISABILITY-HUB",
                    "KENRI",
                    "障害者虐待・権利擁護の相談",
                    "しょうがいしゃぎゃくたい・けんりようごのそうだん",
                    "ADVOCACY ABUSE_DV",
                    "障害のある人への虐待の通報・相談と、成年後見制度の利用の相談を受けます。"),
            service(
                    "DISABILITY-AOBA",
                    "KEIKAKU",
                    "計画相談支援",
                    "けいかくそうだんしえん",
                    "HEALTH WORK_WORRIES",
                    "障害福祉サービスを使うためのサービス等利用計画をつくり、定期的に見直します。"),
            service(
                            "DISABILITY-AOBA",
                            "CHIIKI",
                            "地域移行・地域定着支援",
                            "ちいきいこう・ちいきていちゃくしえん",
                            "HOUSING HEALTH REHABILITATION",
                            "入院・入所している人が地域で暮らせるよう、住まい探しや暮らしの準備を支援し、退院後も支えます。")
                    .ages(18, null),
            service(
                            "KODOMO",
                            "NINSHIN",
                            "妊娠・出産・子育て相談",
                            "にんしん・しゅっさん・こそだてそうだん",
                            "CHILDCARE HEALTH FAMILY",
                            "妊娠の届出から子育てまで、保健師・助産師が切れ目なく相談に応じます。産後ケアの案内も。")
                    .languages("JAPANESE ENGLISH PORTUGUESE"),
            service(
                            "KODOMO",
                            "JIDO",
                            "児童虐待・家庭相談",
                            "じどうぎゃくたい・かていそうだん",
                            "ABUSE_DV CHILDCARE FAMILY",
                            "子どもへの虐待の心配や家庭の悩みの相談です。通告も受け付けます（匿名可）。")
                    .ages(null, 17)
                    .hours("月〜金 8:30〜17:15（虐待の通告は24時間 児童相談所虐待対応ダイヤル189）"),
            service(
                            "KODOMO",
                            "YOUNG-CARER",
                            "ヤングケアラー相談",
                            "やんぐけあらーそうだん",
                            "CARE CHILDCARE FAMILY",
                            "家族の世話や介護を担っている子ども・若者の相談です。学校とも連携して、負担を減らす方法を一緒に考えます。")
                    .ages(null, 39),
            service(
                            "KOSODATE-HIROBA",
                            "HIROBA",
                            "親子のひろば・子育て相談",
                            "おやこのひろば・こそだてそうだん",
                            "CHILDCARE ISOLATION",
                            "0〜3歳の子どもと親が自由に過ごせるひろばと、子育ての相談です。")
                    .ages(0, 3)
                    .hours("月〜土 9:30〜15:30"),
            service(
                            "KOSODATE-HIROBA",
                            "DOUBLE-CARE",
                            "ダブルケア相談",
                            "だぶるけあそうだん",
                            "CHILDCARE CARE FAMILY",
                            "子育てと親の介護が重なっている家庭の相談を受けます。")
                    .hours("月〜土 9:30〜15:30"),
            service(
                            "JIRITSU",
                            "JIRITSU",
                            "自立相談支援",
                            "じりつそうだんしえん",
                            "INCOME JOB_SEARCH HOUSING DEBT WORK_WORRIES ISOLATION FOREIGN_RESIDENT REHABILITATION",
                            "仕事・お金・住まいなど暮らしの困りごとを一緒に整理し、支援プランをつくって寄り添います。")
                    .languages("JAPANESE EASY_JAPANESE"),
            service(
                            "JIRITSU",
                            "KAKEI",
                            "家計改善支援",
                            "かけいかいぜんしえん",
                            "INCOME DEBT TAX_UTILITIES RENT_LOAN",
                            "家計表をつくり、滞納の解消や債務整理、貸付の利用を一緒に進めます。")
                    .at("C1"),
            service(
                            "JIRITSU",
                            "SHURO",
                            "就労準備支援",
                            "しゅうろうじゅんびしえん",
                            "JOB_SEARCH WORK_WORRIES HIKIKOMORI",
                            "すぐに働くことが難しい人に、生活リズムづくりや職場体験から段階的に支援します。")
                    .ages(15, null)
                    .at("C1"),
            service(
                            "JIRITSU",
                            "JUKYO",
                            "住居確保給付金",
                            "じゅうきょかくほきゅうふきん",
                            "HOUSING RENT_LOAN INCOME",
                            "離職・廃業や収入の減少で家賃が払えなくなった人に、家賃相当額を原則3か月支給します。")
                    .fees("無料（収入・資産の要件があります）")
                    .at("C1"),
            service("JIRITSU", "FOOD-BANK", "フードバンク（食料支援）", "ふーどばんく", "FOOD INCOME", "食べるものに困っている人に、その日のうちに食料をお渡しします。")
                    .hours("月〜金 9:00〜16:00（緊急時はまず電話を）")
                    .at("C1"),
            service(
                            "SHAKYO",
                            "CSW",
                            "コミュニティソーシャルワーカー（CSW）の地域相談",
                            "こみゅにてぃそーしゃるわーかーのちいきそうだん",
                            "COMMUNITY ISOLATION SELF_NEGLECT FAMILY HIKIKOMORI",
                            "制度の狭間にある困りごとを、地域の人と一緒に解決します。ごみ屋敷や孤立の相談も受けます。")
                    .at("C1"),
            service(
                            "SHAKYO",
                            "NICHIJI",
                            "日常生活自立支援事業",
                            "にちじょうせいかつじりつしえんじぎょう",
                            "ADVOCACY INCOME",
                            "判断能力に不安のある人の、福祉サービスの利用手続きや日常の金銭管理を支援します。")
                    .fees("1回1,200円（生活保護を受けている世帯は無料）")
                    .at("C1"),
            service(
                            "SHAKYO",
                            "SHIKIN",
                            "生活福祉資金の貸付",
                            "せいかつふくししきんのかしつけ",
                            "INCOME DEBT RENT_LOAN",
                            "低所得の世帯などに、生活費や一時的に必要なお金を貸し付けます。")
                    .fees("貸付（無利子または低利子）")
                    .at("C1"),
            service(
                            "SHAKYO",
                            "VOLUNTEER",
                            "ボランティアの紹介",
                            "ぼらんてぃあのしょうかい",
                            "COMMUNITY ISOLATION",
                            "ボランティアをしたい人と、手伝ってほしい人・団体をつなぎます。")
                    .at("C2")
                    .noReferrals(),
            service(
                            "HEALTH",
                            "KOKORO",
                            "こころの健康相談",
                            "こころのけんこうそうだん",
                            "HEALTH HIKIKOMORI FAMILY",
                            "精神科医と保健師が、こころの不調、アルコールなどの依存、死にたいほどのつらさの相談に応じます。")
                    .hours("精神科医は予約制 第1・第3水曜 13:30〜16:00、保健師は月〜金 8:30〜17:15"),
            service(
                    "HEALTH",
                    "KENKO",
                    "健康相談・訪問指導",
                    "けんこうそうだん・ほうもんしどう",
                    "HEALTH SELF_NEGLECT",
                    "保健師・栄養士が健康や生活習慣の相談に応じ、必要な人を訪問します。"),
            service(
                            "MINSEI",
                            "MIMAMORI",
                            "民生委員・児童委員の見守りと相談",
                            "みんせいいいん・じどういいんのみまもりとそうだん",
                            "ISOLATION COMMUNITY CARE CHILDCARE",
                            "地域の身近な相談相手として見守りと声かけを行い、必要な機関につなぎます。")
                    .hours("担当地区の民生委員・児童委員がいつでも"),
            service(
                            "CHIKU-SAKURADAI",
                            "SALON",
                            "ふれあいサロン",
                            "ふれあいさろん",
                            "ISOLATION COMMUNITY",
                            "誰でも立ち寄れるお茶のみの場です。体操や季節の行事もあります。")
                    .hours("毎週水曜 10:00〜15:00")
                    .fees("参加費 100円"),
            service(
                            "CHIKU-SAKURADAI",
                            "MIMAMORI",
                            "見守り活動・ちょっとした困りごと相談",
                            "みまもりかつどう・ちょっとしたこまりごとそうだん",
                            "ISOLATION CARE SELF_NEGLECT",
                            "地区の見守り活動と、電球の交換やごみ出しなどのちょっとした困りごとのお手伝いです。")
                    .hours("毎週水曜 10:00〜15:00（ふれあいサロンで受付）"));

    /** The services every elderly-care centre (地域包括支援センター) offers in its daily-life area. */
    static List<DemoService> elderlyCareServices(String agency) {
        return List.of(
                service(
                                agency,
                                "SOGO",
                                "総合相談支援",
                                "そうごうそうだんしえん",
                                "CARE HEALTH FAMILY ISOLATION",
                                "高齢者本人や家族からの介護・健康・暮らしの相談を受け止め、必要な支援につなぎます。")
                        .ages(65, null),
                service(
                                agency,
                                "CAREPLAN",
                                "介護予防ケアマネジメント",
                                "かいごよぼうけあまねじめんと",
                                "CARE HEALTH",
                                "要支援の人などが自分らしい生活を続けられるよう、介護予防のケアプランをつくります。")
                        .ages(65, null),
                service(
                                agency,
                                "KENRI",
                                "権利擁護（成年後見・高齢者虐待・消費者被害）",
                                "けんりようご",
                                "ADVOCACY ABUSE_DV",
                                "成年後見制度の利用、高齢者虐待への対応、消費者被害の防止を支援します。")
                        .ages(65, null));
    }

    private final DirectoryService directory;
    private final AreaApi areas;

    DirectoryDemoData(DirectoryService directory, AreaApi areas) {
        this.directory = directory;
        this.areas = areas;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Demo demo : AGENCIES) {
            UUID areaId = demo.area() == null
                    ? null
                    : areas.findByCode(demo.area()).map(AreaView::id).orElse(null);
            UUID agencyId = directory
                    .ensureAgency(new AgencyCommand(
                            demo.code(),
                            demo.name(),
                            demo.kana(),
                            demo.kind(),
                            areaId,
                            demo.address(),
                            demo.phone(),
                            null,
                            demo.description(),
                            demo.kind() != ADMINISTRATION,
                            true))
                    .id();
            for (int i = 0; i < demo.counters().length; i++) {
                String[] parts = demo.counters()[i].split("\\|");
                directory.ensureCounter(
                        agencyId,
                        new CounterCommand(
                                "C" + (i + 1),
                                parts[0],
                                areaId,
                                parts[1],
                                demo.phone(),
                                WEEKDAYS,
                                parts[2],
                                "車いす対応・筆談可",
                                true));
            }
        }
        for (DemoService demo : SERVICES) {
            ensureService(demo);
        }
        for (String agency : HOKATSU) {
            elderlyCareServices(agency).forEach(this::ensureService);
        }
    }

    private void ensureService(DemoService demo) {
        Demo agencyDemo = Arrays.stream(AGENCIES)
                .filter(a -> a.code().equals(demo.agency()))
                .findFirst()
                .orElseThrow();
        UUID agencyId = directory.agencyByCode(demo.agency()).orElseThrow().id();
        List<UUID> areaIds = agencyDemo.area() == null
                ? List.of()
                : areas.findByCode(agencyDemo.area()).map(AreaView::id).stream().toList();
        List<CounterView> counters = directory.counters(agencyId);
        List<UUID> counterIds = counters.stream()
                .filter(c -> demo.counters() == null
                        || Arrays.asList(demo.counters().split(" ")).contains(c.code()))
                .map(CounterView::id)
                .toList();
        directory.ensureService(
                agencyId,
                new ServiceCommand(
                        demo.code(),
                        demo.name(),
                        demo.kana(),
                        demo.description(),
                        Arrays.asList(demo.issues().split(" ")),
                        demo.minAge(),
                        demo.maxAge(),
                        areaIds,
                        Arrays.stream(demo.languages().split(" "))
                                .map(ServiceLanguage::valueOf)
                                .toList(),
                        demo.hours(),
                        demo.fees(),
                        "車いす対応・筆談可",
                        agencyDemo.phone(),
                        null,
                        counterIds,
                        demo.referrals(),
                        true));
    }
}
