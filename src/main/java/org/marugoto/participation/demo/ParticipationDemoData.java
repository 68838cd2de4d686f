package org.marugoto.participation.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaView;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.participation.HostOffer;
import org.marugoto.participation.Interest;
import org.marugoto.participation.MatchEndReason;
import org.marugoto.participation.MatchStep;
import org.marugoto.participation.NewOpportunity;
import org.marugoto.participation.OpportunityKind;
import org.marugoto.participation.OpportunityView;
import org.marugoto.participation.ProfileView;
import org.marugoto.participation.domain.ParticipationService;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.DemoStory;
import org.marugoto.shared.Japan;
import org.marugoto.shared.Tenancy;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Roles and places in several districts, hosted by demo agencies of the directory; participation support for the
 * withdrawn son of the 8050 household (a farm, on trial), the man between systems (a job trial he settled in, with
 * outcomes after 3 and 6 months, and a café that did not fit), the widow of 月岡家 (visited a salon) and the man of the
 * hoarding story (just introduced): a match at every step. And unmet needs, several in the north. Runs once.
 */
@Component
@Order(85)
@ConditionalOnBooleanProperty("marugoto.demo.enabled")
class ParticipationDemoData implements ApplicationRunner {

    private final ParticipationService participation;
    private final PeopleApi people;
    private final DirectoryApi directory;
    private final AreaApi areas;
    private final UserDetailsService users;
    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Clock clock;

    ParticipationDemoData(
            ParticipationService participation,
            PeopleApi people,
            DirectoryApi directory,
            AreaApi areas,
            UserDetailsService users,
            JdbcClient jdbc,
            Tenancy tenancy,
            Clock clock) {
        this.participation = participation;
        this.people = people;
        this.directory = directory;
        this.areas = areas;
        this.users = users;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from participation_opportunity where municipality_id = ?")
                        .param(tenancy.municipalityId())
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        try {
            // the stories build on other modules' demo households; a demo city made by an earlier version may lack
            // what they need, and the application must still start on it
            DemoStory.tell("participation", () -> {
                as("csw");
                OpportunityView farm = add(
                        "SHAKYO",
                        "月見ヶ丘ファームの畑作業",
                        OpportunityKind.FARM,
                        "N2",
                        "農家さんと一緒に野菜の世話と収穫。人の少ない朝の作業から。",
                        "火・金 9:00〜12:00",
                        4,
                        List.of(HostOffer.ACCOMPANIMENT, HostOffer.SHORT_HOURS),
                        List.of(Interest.OUTDOORS, Interest.ANIMALS_PLANTS, Interest.QUIET_WORK),
                        18,
                        null,
                        "無料（作業着は貸出）");
                OpportunityView cafe = add(
                        "CHIKU-SAKURADAI",
                        "駅前ふれあいカフェの仕込み・接客",
                        OpportunityKind.CAFE,
                        "C1",
                        "地域の人が集まるカフェで、仕込みと配膳。",
                        "月〜金 10:00〜14:00（1日2時間から）",
                        3,
                        List.of(HostOffer.ADJUSTMENTS, HostOffer.SHORT_HOURS),
                        List.of(Interest.COOKING),
                        16,
                        null,
                        "無料");
                add(
                        "KOSODATE-HIROBA",
                        "東雲こども食堂の調理ボランティア",
                        OpportunityKind.VOLUNTEER_ROLE,
                        "E1",
                        "月2回の子ども食堂で調理と片付け。",
                        "第2・第4土曜 15:00〜19:00",
                        6,
                        List.of(HostOffer.ACCOMPANIMENT),
                        List.of(Interest.COOKING, Interest.CHILDREN),
                        15,
                        null,
                        "無料");
                OpportunityView salonSouth = add(
                        "HOKATSU-S",
                        "南台ふれあいサロンの受付係",
                        OpportunityKind.PLACE_ROLE,
                        "S",
                        "サロンの受付とお茶出し。常連さんと顔なじみになれる。",
                        "毎週水曜 13:30〜15:30",
                        2,
                        List.of(),
                        List.of(Interest.ELDERLY),
                        null,
                        null,
                        "無料");
                OpportunityView recycle = add(
                        "JIRITSU",
                        "就労体験：リサイクルショップの仕分け",
                        OpportunityKind.JOB_TRIAL,
                        "C",
                        "持ち込まれた品物の仕分けと値付けの補助。一人で黙々とできる作業。",
                        "月〜金 9:00〜16:00（相談して決める）",
                        2,
                        List.of(HostOffer.ADJUSTMENTS, HostOffer.ACCOMPANIMENT),
                        List.of(Interest.QUIET_WORK, Interest.CRAFTS),
                        18,
                        64,
                        "交通費の支給あり");
                OpportunityView salonNorth = add(
                        "CHIKU-SAKURADAI",
                        "桜台サロンのお茶出し係",
                        OpportunityKind.PLACE_ROLE,
                        "N1",
                        "地区社協のサロンでお茶を出し、参加者と話す。",
                        "第1・第3木曜 10:00〜12:00",
                        3,
                        List.of(HostOffer.TRANSPORT),
                        List.of(Interest.ELDERLY, Interest.COOKING),
                        null,
                        null,
                        "無料");
                OpportunityView pc = add(
                        "SHAKYO",
                        "西山パソコンサークルの講師補助",
                        OpportunityKind.HOBBY,
                        "W",
                        "高齢者のスマホ・パソコン教室で隣に座って手伝う。",
                        "毎週月曜 14:00〜16:00",
                        4,
                        List.of(),
                        List.of(Interest.COMPUTERS, Interest.ELDERLY),
                        18,
                        null,
                        "無料");
                OpportunityView pcCurrent = participation.opportunity(pc.id()).orElseThrow();
                participation.setOpen(pc.id(), pcCurrent.version(), false);

                LocalDate today = Japan.today(clock);
                UUID sasaki = household("佐々木家");
                if (sasaki != null) {
                    as("caseworker2");
                    ProfileView kenichi = participation.startProfile(
                            sasaki,
                            person(sasaki, "健一"),
                            area("N"),
                            "人の少ないところで、体を動かすことならやってみたい。",
                            List.of(Interest.OUTDOORS, Interest.QUIET_WORK),
                            "手先が器用。ラジオで聞いた野菜づくりの話に詳しい。",
                            "朝は苦手。人が多いと疲れる。自転車で20分まで。");
                    kenichi = participation.introduce(kenichi.id(), farm.id(), today.minusDays(40), "山口（自立相談）");
                    UUID m = kenichi.matches().getFirst().id();
                    kenichi = step(
                            m,
                            MatchStep.VISITED,
                            today.minusDays(30),
                            "山口（自立相談）",
                            null,
                            "畑を一周して農家さんと話した",
                            today.minusDays(16),
                            null);
                    step(
                            m,
                            MatchStep.TRIAL,
                            today.minusDays(12),
                            null,
                            "農家さん：作業の手順を紙にしてほしい → 自立相談で手順表を作って渡した",
                            "火曜の2時間、草取りと水やり",
                            today.minusDays(2),
                            null);
                }
                UUID yamazaki = household("山﨑家");
                if (yamazaki != null) {
                    as("caseworker2");
                    ProfileView sho = participation.startProfile(
                            yamazaki,
                            person(yamazaki, "翔"),
                            area("C"),
                            "借金を返しながら、もう一度働けるようになりたい。",
                            List.of(Interest.CRAFTS, Interest.COMPUTERS),
                            "前の職場で在庫管理をしていた。",
                            "通院のある木曜は難しい。");
                    sho = participation.introduce(sho.id(), cafe.id(), today.minusDays(230), null);
                    UUID c = sho.matches().getFirst().id();
                    step(c, MatchStep.VISITED, today.minusDays(225), "山口（自立相談）", null, null, null, null);
                    step(
                            c,
                            MatchStep.ENDED,
                            today.minusDays(220),
                            null,
                            null,
                            "接客が負担とのこと",
                            null,
                            MatchEndReason.NOT_A_FIT);
                    sho = participation.introduce(sho.id(), recycle.id(), today.minusDays(210), "山口（自立相談）");
                    UUID r = sho.matches().get(1).id();
                    step(
                            r,
                            MatchStep.VISITED,
                            today.minusDays(205),
                            "山口（自立相談）",
                            null,
                            null,
                            today.minusDays(195),
                            null);
                    step(
                            r,
                            MatchStep.TRIAL,
                            today.minusDays(190),
                            null,
                            "店長：休憩の取り方を決めておきたい → 2時間ごとに10分と決めた",
                            "週3日、1日4時間",
                            today.minusDays(176),
                            null);
                    ProfileView settled = step(
                            r,
                            MatchStep.SETTLED,
                            today.minusDays(150),
                            null,
                            null,
                            "週4日に増やした",
                            today.plusDays(20),
                            null);
                    ProfileView.MatchView match = settled.matches().get(1);
                    participation.outcome(match.id(), match.version(), 3, "週4日通えている。返済の計画も立った。");
                    ProfileView after = participation.get(settled.id());
                    participation.outcome(
                            after.matches().get(1).id(), after.matches().get(1).version(), 6, "店長から有償の短時間勤務の話が出ている。");
                }
                UUID tsukioka = household("月岡家");
                if (tsukioka != null) {
                    as("caseworker");
                    ProfileView hana = participation.startProfile(
                            tsukioka,
                            person(tsukioka, null),
                            area("N"),
                            "夫を亡くしてから家にいることが多い。誰かの役に立ちたい。",
                            List.of(Interest.ELDERLY, Interest.COOKING),
                            "料理が得意。",
                            "耳が少し遠い。坂道がつらい。");
                    hana = participation.introduce(hana.id(), salonNorth.id(), today.minusDays(25), "小林（北部地域包括）");
                    step(
                            hana.matches().getFirst().id(),
                            MatchStep.VISITED,
                            today.minusDays(18),
                            "田中民生委員",
                            "送迎の車の時間を本人に電話で伝えてほしい → 民生委員が伝える",
                            null,
                            today.minusDays(4),
                            null);
                }
                UUID saito = household("齋藤家");
                if (saito != null) {
                    as("csw");
                    ProfileView masaru = participation.startProfile(
                            saito,
                            person(saito, null),
                            area("S"),
                            "（本人）人の世話にはならない。でも誰かの役に立つなら。",
                            List.of(Interest.ELDERLY),
                            "朝の散歩を欠かさない。近所の道に詳しい。",
                            "膝が痛い。人混みは嫌い。");
                    participation.introduce(masaru.id(), salonSouth.id(), today.minusDays(5), "井上（社協）");
                }

                // needs nothing met, for the municipality to develop resources
                as("caseworker2");
                need(
                        "ひきこもり経験のある人が、人目を気にせず短時間から働ける仕事",
                        OpportunityKind.JOB_TRIAL,
                        "N",
                        "長く家にいた30〜50代",
                        List.of("HIKIKOMORI", "JOB_SEARCH"));
                need("午後から始まる就労体験（朝が苦手な人向け）", OpportunityKind.JOB_TRIAL, "N", "昼夜逆転のある若者", List.of("HIKIKOMORI"));
                as("csw");
                need("男性が参加しやすい趣味の集まり（将棋、釣りなど）", OpportunityKind.HOBBY, "S", "ひとり暮らしの高齢男性", List.of("ISOLATION"));
                need("送迎つきの農作業", OpportunityKind.FARM, "E", "車のない障害のある人", List.of("HEALTH"));
                as("caseworker");
                need("平日の夜に通える居場所", OpportunityKind.PLACE_ROLE, "N", "日中働いている介護中の家族", List.of("CARE", "ISOLATION"));
                as("caseworker4");
                need(
                        "人と話さずにできるボランティア",
                        OpportunityKind.VOLUNTEER_ROLE,
                        "N",
                        "対人不安の強い人",
                        List.of("HEALTH", "HIKIKOMORI"));
                need("ひきこもり経験者のための短時間の仕事", OpportunityKind.JOB_TRIAL, "N", "20〜40代", List.of("HIKIKOMORI"));
            });
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private OpportunityView add(
            String host,
            String title,
            OpportunityKind kind,
            String area,
            String description,
            String daysHours,
            @Nullable Integer capacity,
            List<HostOffer> offers,
            List<Interest> interests,
            @Nullable Integer ageMin,
            @Nullable Integer ageMax,
            String cost) {
        return participation.addOpportunity(new NewOpportunity(
                directory.agencyByCode(host).orElseThrow().id(),
                title,
                kind,
                description,
                area(area),
                daysHours,
                capacity,
                offers,
                interests,
                null,
                ageMin,
                ageMax,
                cost));
    }

    private ProfileView step(
            UUID match,
            MatchStep to,
            LocalDate on,
            @Nullable String accompanied,
            @Nullable String hostSupport,
            @Nullable String note,
            @Nullable LocalDate followUp,
            @Nullable MatchEndReason end) {
        UUID profile = participation.profileIdOfMatch(match);
        int version = participation.get(profile).matches().stream()
                .filter(m -> m.id().equals(match))
                .findFirst()
                .orElseThrow()
                .version();
        return participation.step(match, version, to, on, accompanied, hostSupport, note, followUp, end);
    }

    private void need(String what, OpportunityKind kind, String area, String forWhom, List<String> codes) {
        participation.recordNeed(what, kind, area(area), forWhom, codes);
    }

    private @Nullable UUID area(String code) {
        return areas.findByCode(code).map(AreaView::id).orElse(null);
    }

    private UUID person(UUID household, @Nullable String givenName) {
        return people.members(household).stream()
                .filter(MemberView::current)
                .filter(m -> givenName == null || givenName.equals(m.person().givenName()))
                .findFirst()
                .orElseThrow()
                .person()
                .id();
    }

    private @Nullable UUID household(String name) {
        return jdbc.sql("select id from household where municipality_id = ? and name = ? order by case_number limit 1")
                .param(tenancy.municipalityId())
                .param(name)
                .query(UUID.class)
                .optional()
                .orElse(null);
    }

    private void as(String username) {
        CurrentActor.actAs(users.loadUserByUsername(username));
    }
}
