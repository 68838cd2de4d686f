package org.marugoto.directory.domain;

import static org.marugoto.directory.AgencyKind.*;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaView;
import org.marugoto.directory.AgencyKind;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The agencies of the demo city 美月野市 and their counters: one of every kind in DOMAIN.md §3, an elderly-care centre
 * per daily-life area, and the counters where consultations are received. Idempotent: looked up by code first.
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
                new String[] {"くらし・しごと相談窓口|駅前ビル4階|日本語・やさしい日本語", "出張相談（西部）|西山出張所 第2・第4木曜|日本語"}),
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
    }
}
