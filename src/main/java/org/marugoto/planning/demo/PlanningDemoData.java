package org.marugoto.planning.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaView;
import org.marugoto.planning.domain.AreaPlanService;
import org.marugoto.planning.domain.IndicatorService;
import org.marugoto.planning.domain.IndicatorService.Computation;
import org.marugoto.planning.domain.IndicatorService.Indicator;
import org.marugoto.planning.domain.IndicatorService.Source;
import org.marugoto.planning.domain.PlanService;
import org.marugoto.planning.domain.PlanService.HeadingKind;
import org.marugoto.planning.domain.PlanService.MeasureActor;
import org.marugoto.planning.domain.PlanService.MeasureDraft;
import org.marugoto.planning.domain.ProgressService;
import org.marugoto.planning.domain.ProgressService.Evaluation;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.DemoStory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * A regional welfare plan of Chiba City's shape for the demo city (invented departments): a basic goal, 4 directions,
 * 10 themes, 9 service types, 64 measures across 10 departments (12 of them priority measures), 15 indicators of
 * which 6 are counted from the records, and two ward plans (北部圏域・中央圏域) with priority items per junior-high
 * district. FY2025 is closed with every department's entries and the committee's comments; FY2026 is open, with
 * some departments' entries still missing. Three demo staff are department members: coordinator2 (地域福祉推進課),
 * caseworker5 (健康づくり課) and caseworker6 (生活自立支援課). Runs once.
 */
@Component
@Order(95)
@ConditionalOnBooleanProperty("marugoto.demo.enabled")
class PlanningDemoData implements ApplicationRunner {

    static final String[] DIRECTIONS = {
        "地域力の基盤を強くする", "多機関の協働で丸ごと受け止める相談支援体制をつくる", "市民の意識を育み、担い手を広げる", "誰もが役割をもてる地域共生社会の環境をつくる"
    };

    static final String[] THEMES = {
        "見守りの仕組みづくり",
        "高齢者を支える仕組みづくり",
        "障害者を支える仕組みづくり",
        "こどもと子育てを支援する仕組みづくり",
        "健康づくり",
        "防犯・防災に対する取組み",
        "担い手の拡大とボランティア活動の促進",
        "福祉教育・啓発",
        "地域のつながりづくり",
        "相談支援体制と情報提供の充実"
    };

    static final String[] SERVICE_TYPES = {
        "人材育成", "情報提供", "活動場所の提供", "物品提供", "費用等助成", "意識啓発", "団体等支援", "ネットワーク化", "相談支援"
    };

    /** number: name | department(s) | direction | themes | service types | actors (地域/社協/市) | priority */
    static final String[] MEASURES = {
        "地域見守り活動支援事業|高齢者支援課|1|1,2|7,8|地域,社協,市|1",
        "見守り協定事業者との連携|地域福祉推進課|1|1|8|地域,市|0",
        "ひとり暮らし高齢者等の安否確認訪問|高齢者支援課|1|1,2|9|社協,市|0",
        "地区社会福祉協議会の活動助成|地域福祉推進課|1|9|5,7|社協,市|1",
        "町内自治会活動の支援|市民協働課|1|9|7|地域,市|0",
        "地域の居場所（ふれあいサロン）立ち上げ支援|地域福祉推進課|1|9,2|3,5|地域,社協,市|1",
        "空き家を活用した地域交流拠点づくり|住まい政策課|1|9|3|地域,市|0",
        "公民館の地域づくり拠点としての活用|生涯学習課|1|9|3|地域,市|0",
        "学校施設開放事業|生涯学習課|1|9,4|3|地域,市|0",
        "社会福祉施設の地域交流スペース活用促進|地域福祉推進課、高齢者支援課|1|9|3|社協,市|0",
        "地域ささえあい型訪問・通所支援事業|高齢者支援課|1|2|5,7|地域,社協,市|0",
        "高齢者等ごみ出し支援事業|高齢者支援課|1|2|7|地域,市|0",
        "福祉的な移送・外出支援|高齢者支援課|1|2,3|5|地域,市|0",
        "防犯パトロール用品の貸与|危機管理課|1|6|4|地域,市|0",
        "避難行動要支援者名簿の活用|危機管理課、地域福祉推進課|1|6,1|2,8|地域,市|1",
        "地区防災訓練への福祉の視点の導入|危機管理課|1|6|6|地域,市|0",
        "包括的相談支援窓口（まるごと相談）の運営|地域福祉推進課|2|10|9|市|1",
        "相談支援包括化推進員の配置|地域福祉推進課|2|10|8,9|市|1",
        "重層的支援会議の開催|地域福祉推進課|2|10|8|社協,市|1",
        "生活困窮者自立相談支援事業|生活自立支援課|2|10|9|市|0",
        "家計改善支援事業|生活自立支援課|2|10|9|市|0",
        "就労準備支援事業|生活自立支援課|2|10|1,9|市|0",
        "ひきこもり地域支援センターの運営|障害者支援課|2|10,3|9|市|1",
        "アウトリーチによる継続的支援|地域福祉推進課|2|10,1|9|社協,市|1",
        "コミュニティソーシャルワーカーの配置|地域福祉推進課|2|10,9|8,9|社協,市|1",
        "地域包括支援センターの機能強化|高齢者支援課|2|2,10|8,9|市|0",
        "認知症初期集中支援チームの運営|高齢者支援課|2|2|9|市|0",
        "障害者基幹相談支援センターの運営|障害者支援課|2|3,10|9|市|0",
        "こども家庭センターの運営|こども家庭課|2|4,10|9|市|0",
        "ヤングケアラー支援事業|こども家庭課|2|4,10|9,8|社協,市|1",
        "子育て世代の訪問支援（こんにちは赤ちゃん）|こども家庭課|2|4|9|市|0",
        "こころの健康相談|健康づくり課|2|5,10|9|市|0",
        "自殺対策（ゲートキーパーの養成）|健康づくり課|3|5,7|1|市|0",
        "成年後見制度の利用促進|地域福祉推進課|2|2,3|9,2|社協,市|0",
        "参加支援事業（役割・居場所とのマッチング）|地域福祉推進課|4|9,10|8|社協,市|1",
        "社会福祉セミナーの開催|地域福祉推進課|3|8|6|市|0",
        "福祉教育推進校への支援|生涯学習課|3|8|6,7|社協,市|0",
        "ボランティアセンターの運営支援|市民協働課|3|7|1,7|社協,市|0",
        "市民活動・NPO活動参加の促進|市民協働課|3|7|1,2|地域,市|0",
        "認知症サポーター養成講座|高齢者支援課|3|2,7|1|地域,市|0",
        "手話・点訳・ガイドボランティアの養成|障害者支援課|3|3,7|1|地域,市|0",
        "生活支援コーディネーターの配置|高齢者支援課|3|2,7|1,8|社協,市|0",
        "シニアリーダー講座|高齢者支援課|3|7,5|1|地域,市|0",
        "ヘルスサポーターの養成|健康づくり課|3|5,7|1|地域,市|0",
        "食生活改善推進員の養成|健康づくり課|3|5|1|地域,市|0",
        "応急手当普及啓発事業|危機管理課|3|6|1,6|地域,市|0",
        "民生委員・児童委員活動の支援|地域福祉推進課|3|1,7|7|地域,市|0",
        "民生委員協力員制度|地域福祉推進課|3|1,7|1|地域,市|0",
        "放課後子ども教室推進事業|生涯学習課|4|4|1,3|地域,市|0",
        "ファミリー・サポート・センター事業|こども家庭課|4|4,7|8|地域,市|0",
        "子ども食堂の立ち上げ・運営支援|こども家庭課|4|4,9|5,4|地域,社協,市|1",
        "障害者の地域生活支援拠点の整備|障害者支援課|4|3|8|市|0",
        "障害者就労施設等からの物品調達の推進|障害者支援課|4|3|4|市|0",
        "介護支援ボランティア制度の運用|高齢者支援課|4|2,7|5|地域,市|0",
        "地域福祉活動の情報発信（ささえあい便り）|地域福祉推進課|3|10,8|2|社協,市|0",
        "相談窓口一覧・地域の居場所マップの公開|地域福祉推進課|2|10|2|市|0",
        "外国人住民への多言語による情報提供|市民協働課|4|10|2|市|0",
        "健康づくり事業（地域の健康教室）|健康づくり課|4|5|6,3|地域,市|0",
        "住宅確保要配慮者への居住支援|住まい政策課|2|10|9,8|市|0",
        "地域の見守り・ささえあいスタートガイドの配布|地域福祉推進課|1|1,8|2,6|地域,社協,市|0",
        "地区部会エリアの地域課題の共有（地域ケア会議）|高齢者支援課|2|9,2|8|地域,社協,市|0",
        "消費者被害の防止（見守りネットワーク）|市民協働課|1|1,6|8,6|地域,市|0",
        "青少年健全育成事業|こども家庭課|4|4|7|地域,市|0",
        "地域福祉計画の進行管理と評価|地域福祉推進課|4|10|8|市|0"
    };

    private final PlanService plans;
    private final IndicatorService indicators;
    private final ProgressService progress;
    private final AreaPlanService areaPlans;
    private final AreaApi areas;
    private final UserDetailsService users;

    PlanningDemoData(
            PlanService plans,
            IndicatorService indicators,
            ProgressService progress,
            AreaPlanService areaPlans,
            AreaApi areas,
            UserDetailsService users) {
        this.plans = plans;
        this.indicators = indicators;
        this.progress = progress;
        this.areaPlans = areaPlans;
        this.areas = areas;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!plans.plans().isEmpty()) {
            return;
        }
        try {
            DemoStory.tell("planning", () -> {
                as("planner");
                UUID plan = plans.createPlan(
                        "第2次 美月野市地域福祉計画「ささえあいのまち美月野」", 2024, 2028, "ともに支えあい、誰もが役割と居場所をもてる地域福祉社会を創る", null);
                for (int i = 0; i < DIRECTIONS.length; i++) {
                    plans.addHeading(plan, HeadingKind.DIRECTION, i + 1, DIRECTIONS[i]);
                }
                for (int i = 0; i < THEMES.length; i++) {
                    plans.addHeading(plan, HeadingKind.THEME, i + 1, THEMES[i]);
                }
                for (int i = 0; i < SERVICE_TYPES.length; i++) {
                    plans.addHeading(plan, HeadingKind.SERVICE_TYPE, i + 1, SERVICE_TYPES[i]);
                }
                for (int i = 0; i < MEASURES.length; i++) {
                    plans.saveMeasure(plan, draft(i + 1, MEASURES[i]));
                }
                indicators(plan);
                members();
                years(plan);
                wardPlans(plan);
            });
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static MeasureDraft draft(int number, String line) {
        String[] f = line.split("\\|");
        List<MeasureActor> actors = new ArrayList<>();
        for (String a : f[5].split(",")) {
            actors.add(
                    switch (a) {
                        case "地域" -> MeasureActor.COMMUNITY;
                        case "社協" -> MeasureActor.SHAKYO;
                        default -> MeasureActor.CITY;
                    });
        }
        return new MeasureDraft(
                String.valueOf(number),
                f[0],
                f[0] + "を通じて、「" + THEMES[Integer.parseInt(f[3].split(",")[0]) - 1] + "」を進めます（"
                        + SERVICE_TYPES[Integer.parseInt(f[4].split(",")[0]) - 1] + "）。",
                Integer.parseInt(f[2]),
                numbers(f[3]),
                numbers(f[4]),
                List.of(f[1].split("、")),
                actors,
                f[6].equals("1"));
    }

    private static List<Integer> numbers(String text) {
        List<Integer> numbers = new ArrayList<>();
        for (String n : text.split(",")) {
            numbers.add(Integer.parseInt(n));
        }
        return numbers;
    }

    private void indicators(UUID plan) {
        computed(plan, "1", "包括的相談支援窓口等で受け付けた相談の件数", "件", 820, Computation.CONSULTATIONS_RECEIVED, 900, 1000);
        computed(plan, "2", "複合的な課題のある世帯への相談対応（世帯数）", "世帯", 140, Computation.HOUSEHOLDS_WITH_SEVERAL_ISSUES, 160, 200);
        computed(plan, "3", "つなぎ（紹介）が完了した件数", "件", 210, Computation.REFERRALS_COMPLETED, 240, 300);
        computed(plan, "4", "アウトリーチでつながった人数", "人", 12, Computation.OUTREACH_CONNECTED, 15, 25);
        computed(plan, "5", "参加支援で役割・居場所に定着した人数", "人", 5, Computation.PARTICIPATION_SETTLED, 8, 15);
        computed(plan, "6", "重層的支援会議の開催回数", "回", 6, Computation.JUSHO_MEETINGS_HELD, 10, 12);
        entered(plan, "7", "認知症サポーターの養成数（累計）", "人", 18500, "高齢者支援課", 20000, 26000);
        entered(plan, "8", "ボランティアセンターの登録者数", "人", 2300, "市民協働課", 2500, 3000);
        entered(plan, "9", "地域の居場所（ふれあいサロン等）の数", "か所", 96, "地域福祉推進課", 110, 140);
        entered(plan, "10", "子ども食堂の数", "か所", 18, "こども家庭課", 22, 30);
        entered(plan, "11", "ゲートキーパーの養成数（累計）", "人", 3200, "健康づくり課", 3800, 5000);
        entered(plan, "12", "見守り協定を結んだ事業者の数", "事業者", 41, "地域福祉推進課", 48, 60);
        entered(plan, "13", "民生委員・児童委員の充足率", "%", 91, "地域福祉推進課", 93, 96);
        entered(plan, "14", "生活困窮者の就労・増収につながった人数", "人", 64, "生活自立支援課", 70, 85);
        entered(plan, "15", "地域福祉活動に参加したことのある市民の割合", "%", 24, "地域福祉推進課", 26, 30);
        Map<Integer, BigDecimal> places = new LinkedHashMap<>();
        for (int year = 2024; year <= 2028; year++) {
            places.put(year, BigDecimal.valueOf(20 + 5 * (year - 2024), 2));
        }
        plans.saveIndicator(
                plan,
                new Indicator(
                        null,
                        "16",
                        "人口千人あたりの地域の居場所・活動の数",
                        "公開中の居場所・活動の数を、人口表（圏域別）の人口で割って千人あたりにした数（記録から集計）",
                        "か所",
                        2023,
                        new BigDecimal("0.18"),
                        Source.COMPUTED,
                        Computation.PLACES_PER_THOUSAND,
                        null,
                        "地域福祉推進課",
                        places));
    }

    private void computed(
            UUID plan, String code, String name, String unit, int baseline, Computation c, int mid, int last) {
        plans.saveIndicator(
                plan,
                new Indicator(
                        null,
                        code,
                        name,
                        name + "（年度ごと、記録から集計）",
                        unit,
                        2023,
                        BigDecimal.valueOf(baseline),
                        Source.COMPUTED,
                        c,
                        null,
                        "地域福祉推進課",
                        targets(baseline, mid, last)));
    }

    private void entered(
            UUID plan, String code, String name, String unit, int baseline, String department, int mid, int last) {
        plans.saveIndicator(
                plan,
                new Indicator(
                        null,
                        code,
                        name,
                        name + "（所管課の年度末の実績）",
                        unit,
                        2023,
                        BigDecimal.valueOf(baseline),
                        Source.ENTERED,
                        null,
                        null,
                        department,
                        targets(baseline, mid, last)));
    }

    /** Targets rising from the baseline to the last year's target, through {@code mid} in FY2026. */
    private static Map<Integer, BigDecimal> targets(int baseline, int mid, int last) {
        Map<Integer, BigDecimal> targets = new LinkedHashMap<>();
        targets.put(2024, BigDecimal.valueOf(baseline + (mid - baseline) / 3));
        targets.put(2025, BigDecimal.valueOf(baseline + 2 * (mid - baseline) / 3));
        targets.put(2026, BigDecimal.valueOf(mid));
        targets.put(2027, BigDecimal.valueOf(mid + (last - mid) / 2));
        targets.put(2028, BigDecimal.valueOf(last));
        return targets;
    }

    private void members() {
        member("地域福祉推進課", "coordinator2");
        member("健康づくり課", "caseworker5");
        member("生活自立支援課", "caseworker6");
    }

    private void member(String department, String username) {
        UserDetails user = users.loadUserByUsername(username);
        if (user instanceof Actor actor) {
            plans.addMember(plans.ensureDepartment(department), actor.accountId(), username);
        }
    }

    private static final String[] RESULTS = {
        "計画どおり実施した。参加者・利用者は前年度を上回った。",
        "年間を通じて実施し、新たに3地区で取組みが始まった。",
        "周知に力を入れ、相談・利用につながる件数が増えた。",
        "関係機関との連絡会を年4回開き、事例を共有した。",
        "担い手の高齢化により、一部の地区で活動を縮小した。"
    };

    private static final String[] ISSUES = {
        "担い手の確保と、若い世代の参加。", "地区による取組みの差がある。", "支援が必要な人に情報が届いていない。", "関係機関の役割分担の整理。", ""
    };

    private static final String[] NEXT = {
        "地区社協と連携し、未実施の地区へ広げる。", "SNSと回覧板を併用して周知する。", "研修の内容を見直し、実践の場につなげる。", "重層的支援会議で共有し、役割分担を明確にする。", "現状の取組みを継続する。"
    };

    private void years(UUID plan) {
        UUID closed = progress.open(plan, 2025);
        List<PlanService.Measure> measures =
                plans.search(new PlanService.Criteria(plan, null, null, null, null, false));
        Evaluation[] spread = {
            Evaluation.B,
            Evaluation.A,
            Evaluation.B,
            Evaluation.C,
            Evaluation.B,
            Evaluation.B,
            Evaluation.D,
            Evaluation.B,
            Evaluation.A,
            Evaluation.C
        };
        for (int i = 0; i < measures.size(); i++) {
            progress.save(
                    closed,
                    measures.get(i).id(),
                    -1,
                    new ProgressService.ProgressEntry(
                            RESULTS[i % RESULTS.length],
                            spread[i % spread.length],
                            ISSUES[i % ISSUES.length],
                            NEXT[i % NEXT.length]));
        }
        int n = 0;
        for (IndicatorService.Indicator indicator : indicators.indicators(plan)) {
            if (!indicator.computed()) {
                BigDecimal target = indicator.targets().get(2025);
                BigDecimal value = target == null
                        ? indicator.baselineValue()
                        : target.multiply(BigDecimal.valueOf(n++ % 3 == 0 ? 0.96 : 1.02));
                indicators.enter(indicator.id() == null ? UUID.randomUUID() : indicator.id(), 2025, value, false);
            }
        }
        ProgressService.Year year = progress.year(closed);
        progress.comment(
                closed,
                year.version(),
                "相談支援体制の包括化は着実に進んでいる。一方で、担い手の確保と地区ごとの取組みの差が課題であり、"
                        + "次年度は地区社協との連携を強め、参加支援の場を広げることを期待する。（美月野市地域福祉推進協議会）");
        progress.close(closed, progress.year(closed).version());

        UUID open = progress.open(plan, 2026);
        // 地域福祉推進課, 障害者支援課 and 住まい政策課 have entered; the others are still to enter
        for (PlanService.Measure measure : measures) {
            String departments = measure.departmentNames();
            boolean done =
                    departments.contains("地域福祉推進課") || departments.contains("障害者支援課") || departments.contains("住まい政策課");
            if (done) {
                progress.save(
                        open,
                        measure.id(),
                        -1,
                        new ProgressService.ProgressEntry(
                                "上半期の実績：" + RESULTS[measure.number().length() % RESULTS.length],
                                Evaluation.B,
                                ISSUES[measure.name().length() % ISSUES.length],
                                NEXT[measure.name().length() % NEXT.length]));
            }
        }
        progress.remind(open);
    }

    private void wardPlans(UUID plan) {
        ward(plan, "N", "北部圏域 地域福祉活動計画（区計画）", "北部圏域地域福祉推進協議会", new String[][] {
            {"N1", "ひとり暮らし高齢者の見守り体制づくり", "見守り協力員を各町内に置き、月1回の声かけ訪問を行う。"},
            {"N1", "多世代が集まる居場所づくり", "集会所で月2回の多世代カフェを開く。"},
            {"N2", "災害時に支え合える関係づくり", "避難行動要支援者の個別避難計画づくりに地区として協力する。"},
            {"N2", "担い手の発掘と育成", "退職者向けの地域デビュー講座を年2回開く。"}
        });
        ward(plan, "C", "中央圏域 地域福祉活動計画（区計画）", "中央圏域地域福祉推進協議会", new String[][] {
            {"C1", "駅前の商店街と連携した見守り", "商店街の店舗を見守り協力店として登録する。"},
            {"C1", "子育て世帯の孤立を防ぐ", "子育てサロンと子ども食堂の情報を1枚にまとめて配る。"},
            {"C2", "買い物に困る高齢者の支援", "移動販売の停留所を地区で決め、声かけを兼ねる。"},
            {"C2", "地区の課題を話し合う場づくり", "地区部会と自治会の合同会議を年3回開く。"}
        });
    }

    private void ward(UUID plan, String areaCode, String name, String body, String[][] items) {
        AreaView ward = areas.findByCode(areaCode).orElse(null);
        if (ward == null) {
            return;
        }
        UUID areaPlan = areaPlans.createAreaPlan(plan, ward.id(), name, body);
        int i = 0;
        for (String[] item : items) {
            AreaView district = areas.findByCode(item[0]).orElse(null);
            if (district == null) {
                continue;
            }
            UUID id = areaPlans.addItem(areaPlan, district.id(), item[1], item[2]);
            AreaPlanService.ItemStatus status = i % 3 == 0
                    ? AreaPlanService.ItemStatus.DONE
                    : i % 3 == 1 ? AreaPlanService.ItemStatus.UNDER_WAY : AreaPlanService.ItemStatus.PLANNED;
            areaPlans.report(
                    id, 0, status, status == AreaPlanService.ItemStatus.PLANNED ? "" : "2025年度：地区部会で取り組み、参加者が増えた。");
            i++;
        }
    }

    private void as(String username) {
        CurrentActor.actAs(users.loadUserByUsername(username));
    }
}
