package org.marugoto.community.demo;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaView;
import org.marugoto.community.domain.Activity;
import org.marugoto.community.domain.ActivityCommand;
import org.marugoto.community.domain.ActivityKind;
import org.marugoto.community.domain.ActivityStatus;
import org.marugoto.community.domain.CommunityIssue;
import org.marugoto.community.domain.CommunityService;
import org.marugoto.community.domain.Group;
import org.marugoto.community.domain.GroupKind;
import org.marugoto.community.domain.InterestService;
import org.marugoto.community.domain.IssueService;
import org.marugoto.community.domain.Schedule;
import org.marugoto.community.domain.ScheduleKind;
import org.marugoto.community.domain.Target;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Japan;
import org.marugoto.shared.Tenancy;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The demo city's places and activities: in every 小学校区 a salon and an exercise place run by the district council,
 * children's cafeterias, parenting plazas, a community café, a neighbourhood porch, study support and volunteer
 * opportunities, run by district councils, an NPO, a parents' circle, a company, a school and volunteer groups. Two
 * organisers keep theirs; one entry is waiting for review, one published entry has a change waiting, one was returned,
 * one is stale (not confirmed for eight months), and residents' interest messages are new, answered and handled.
 * Idempotent: nothing is added when groups exist.
 */
@Component
@Order(80)
@ConditionalOnBooleanProperty("marugoto.demo.enabled")
class CommunityDemoData implements ApplicationRunner {

    /** Elementary district code, the base of its names, a street for addresses. */
    private static final String[][] DISTRICTS = {
        {"N1-1", "北", "北町"},
        {"N1-2", "桜台", "桜台"},
        {"N2-1", "月見", "月見ヶ丘"},
        {"N2-2", "白樺", "白樺台"},
        {"C1-1", "本町", "本町"},
        {"C1-2", "駅前", "駅前"},
        {"C2-1", "緑町", "緑町"},
        {"C2-2", "若葉", "若葉町"},
        {"E1-1", "東雲", "東雲"},
        {"E1-2", "旭", "旭町"},
        {"E2-1", "川端", "川端"},
        {"E2-2", "港", "港町"},
        {"S1-1", "南台", "南台"},
        {"S1-2", "梅林", "梅林"},
        {"W1-1", "西山", "西山"},
        {"W1-2", "稲穂", "稲穂"},
    };

    private static final DayOfWeek[] SALON_DAYS = {
        DayOfWeek.WEDNESDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY
    };

    private final CommunityService community;
    private final InterestService interests;
    private final IssueService issues;
    private final AreaApi areas;
    private final UserDetailsService users;
    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    CommunityDemoData(
            CommunityService community,
            InterestService interests,
            IssueService issues,
            AreaApi areas,
            UserDetailsService users,
            JdbcClient jdbc,
            Tenancy tenancy) {
        this.community = community;
        this.interests = interests;
        this.issues = issues;
        this.areas = areas;
        this.users = users;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from community_group where municipality_id = ?")
                        .param(tenancy.municipalityId())
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        try {
            load();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void load() {
        UUID organiser = account("organiser");
        UUID organiser2 = account("organiser2");
        as("csw");
        Group npo = community.ensureGroup(
                "NPO法人 みづきの子ども応援団",
                "えぬぴーおーほうじん みづきのこどもおうえんだん",
                GroupKind.NPO,
                null,
                "こども食堂と学習支援を市内4か所で開いています。",
                "0470-22-5151",
                organiser2);
        Group circle = community.ensureGroup(
                "子育てサークル ひだまり",
                "こそだてさーくる ひだまり",
                GroupKind.VOLUNTEER_GROUP,
                area("C2-2"),
                "子育て中の親どうしで運営する子育てひろば。",
                null,
                organiser2);
        Group egao = community.ensureGroup(
                "ボランティアグループ えがお",
                "ぼらんてぃあぐるーぷ えがお",
                GroupKind.VOLUNTEER_GROUP,
                area("E1-1"),
                "高齢の方への配食と声かけをしています。",
                "0470-61-7702（ボランティアセンター）",
                null);
        Group minato = community.ensureGroup(
                "株式会社 みなと食品",
                "かぶしきがいしゃ みなとしょくひん",
                GroupKind.BUSINESS,
                area("E2-2"),
                "港町の食品会社。店舗の2階をコミュニティカフェとして開放しています。",
                "0470-44-1234",
                null);
        Group school = community.ensureGroup(
                "美月野市立 若葉小学校",
                "みづきのしりつ わかばしょうがっこう",
                GroupKind.SCHOOL,
                area("C2-2"),
                "放課後の学びを地域の方に手伝っていただいています。",
                "0470-33-2020",
                null);
        Group shinonome = community.ensureGroup(
                "東雲一丁目自治会",
                "しののめいっちょうめじちかい",
                GroupKind.NEIGHBOURHOOD_ASSOCIATION,
                area("E1-1-J1"),
                "集会所で月に一度の縁側カフェを開いています。",
                null,
                null);

        List<UUID> mine = new ArrayList<>();
        UUID kitaSalon = null;
        UUID sakuradaiTaiso = null;
        UUID sakuradaiShokudo = null;
        for (int i = 0; i < DISTRICTS.length; i++) {
            String code = DISTRICTS[i][0];
            String base = DISTRICTS[i][1];
            String street = DISTRICTS[i][2];
            boolean organisers = code.equals("N1-1") || code.equals("N1-2");
            Group council = community.ensureGroup(
                    base + "地区社会福祉協議会",
                    null,
                    GroupKind.DISTRICT_COUNCIL,
                    area(code + "-K"),
                    base + "地区の住民による地域福祉活動の団体。",
                    null,
                    organisers ? organiser : null);
            String hall = base + "ふれあい館";
            String address = "美月野市" + street + (i % 5 + 1) + "-" + (i % 7 + 2) + "-" + (i % 9 + 3);
            UUID salon = publish(new ActivityCommand(
                    council.id(),
                    ActivityKind.SALON,
                    false,
                    base + "ふれあい・いきいきサロン",
                    null,
                    "お茶を飲みながらおしゃべり、脳トレ、季節の行事。ひとりでも気軽にどうぞ。",
                    null,
                    area(code + "-K"),
                    hall,
                    address,
                    base + "バス停から歩いて3分。入口はスロープです。",
                    Set.of(Target.ELDERLY, Target.ANYONE),
                    100,
                    "お茶菓子代",
                    30,
                    true,
                    i % 3 != 0,
                    i % 2 == 0,
                    Set.of("ja"),
                    base + "地区社協 サロン担当",
                    "0470-2" + (i % 10) + "-33" + (10 + i),
                    null,
                    monthly(SALON_DAYS[i % 4], List.of(i % 3 + 1), LocalTime.of(10, 0), LocalTime.of(12, 0)),
                    ActivityStatus.OPEN));
            UUID taiso = publish(new ActivityCommand(
                    council.id(),
                    ActivityKind.KAYOI_NO_BA,
                    false,
                    base + "いきいき百歳体操",
                    null,
                    "おもりを使ったゆっくりした体操を30分。終わったらお茶の時間です。",
                    null,
                    area(code),
                    base + "集会所",
                    "美月野市" + street + (i % 4 + 1) + "-1-" + (i + 5),
                    "集会所は公園の隣です。",
                    Set.of(Target.ELDERLY),
                    null,
                    null,
                    null,
                    i % 2 == 1,
                    false,
                    false,
                    Set.of("ja"),
                    null,
                    "0470-2" + (i % 10) + "-44" + (10 + i),
                    null,
                    weekly(
                            EnumSet.of(i % 2 == 0 ? DayOfWeek.MONDAY : DayOfWeek.THURSDAY),
                            LocalTime.of(10, 0),
                            LocalTime.of(11, 0)),
                    ActivityStatus.OPEN));
            if (organisers) {
                mine.add(salon);
                mine.add(taiso);
            }
            if (code.equals("N1-1")) {
                kitaSalon = salon;
            }
            if (code.equals("N1-2")) {
                sakuradaiTaiso = taiso;
            }
        }

        // children's cafeterias
        String[][] cafeterias = {
            {"N1-2", "council", "桜台こども食堂 さくらんぼ", "桜台ふれあい館"},
            {"N1-1", "npo", "北こども食堂 もぐもぐ", "北町コミュニティセンター"},
            {"C1-1", "npo", "本町こども食堂", "本町公民館 調理室"},
            {"C2-2", "council", "若葉みんなの食堂", "若葉町集会所"},
            {"E1-1", "npo", "東雲こども食堂 ひまわり", "東雲地区センター"},
            {"E2-2", "council", "港まちこども食堂", "港町会館"},
            {"S1-1", "npo", "南台こども食堂", "南台コミュニティハウス"},
            {"W1-1", "council", "西山こども食堂 やまびこ", "西山公民館"},
        };
        for (int i = 0; i < cafeterias.length; i++) {
            String[] c = cafeterias[i];
            Group owner = c[1].equals("npo") ? npo : councilOf(c[0]);
            boolean saturday = i % 2 == 0;
            UUID id = publish(new ActivityCommand(
                    owner.id(),
                    ActivityKind.CHILDREN_CAFETERIA,
                    false,
                    c[2],
                    null,
                    "手づくりの夕ごはんをみんなで食べます。こどもだけでも、親子でも、地域の大人も歓迎です。",
                    null,
                    area(c[0]),
                    c[3],
                    "美月野市" + c[3].replaceAll("(ふれあい館|コミュニティセンター|公民館 調理室|集会所|地区センター|会館|コミュニティハウス|公民館)$", "") + (i + 1)
                            + "-2-" + (i + 3),
                    "最寄りのバス停から歩いて5分ほどです。",
                    Set.of(Target.CHILDREN, Target.PARENTS, Target.ANYONE),
                    null,
                    "こどもは無料、大人は300円",
                    40,
                    i % 2 == 0,
                    i % 3 == 0,
                    false,
                    i == 2 ? Set.of("ja", "en", "easy-ja") : Set.of("ja"),
                    null,
                    "0470-22-51" + (50 + i),
                    null,
                    monthly(
                            saturday ? DayOfWeek.SATURDAY : DayOfWeek.FRIDAY,
                            saturday ? List.of(2, 4) : List.of(1, 3),
                            LocalTime.of(17, 0),
                            LocalTime.of(19, 0)),
                    ActivityStatus.OPEN));
            if (c[0].equals("N1-2")) {
                sakuradaiShokudo = id;
                mine.add(id);
            }
        }

        // parenting plazas
        String[][] plazas = {{"C2-2", "ひだまりひろば"}, {"N1-2", "桜台おやこひろば"}, {"E1-2", "旭ベビーひろば"}, {"S1-2", "梅林子育てひろば"}};
        for (String[] p : plazas) {
            publish(new ActivityCommand(
                    p[0].equals("C2-2") ? circle.id() : councilOf(p[0]).id(),
                    ActivityKind.PARENTING_PLAZA,
                    false,
                    p[1],
                    null,
                    "0〜3歳の子と親が自由に遊べるひろば。子育ての先輩がお話を聞きます。",
                    null,
                    area(p[0]),
                    p[1].replace("ひろば", "") + "集会所",
                    "美月野市" + p[1].substring(0, 2) + "1-3-5",
                    "ベビーカーのまま入れます。",
                    Set.of(Target.PARENTS, Target.CHILDREN),
                    null,
                    null,
                    15,
                    true,
                    true,
                    p[0].equals("S1-2"),
                    Set.of("ja"),
                    null,
                    "0470-33-45" + (10 + p[1].length()),
                    null,
                    weekly(EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), LocalTime.of(10, 0), LocalTime.of(12, 0)),
                    ActivityStatus.OPEN));
        }

        // a community café, a neighbourhood porch, study support
        publish(new ActivityCommand(
                minato.id(),
                ActivityKind.COMMUNITY_CAFE,
                false,
                "みなとカフェ",
                "みなとかふぇ",
                "店舗2階のカフェ。コーヒー1杯で、だれでもゆっくり過ごせます。月に一度、健康相談の日があります。",
                null,
                area("E2-2"),
                "みなと食品 2階",
                "美月野市港町2-8-1",
                "港町バス停の目の前。エレベーターがあります。",
                Set.of(Target.ANYONE),
                200,
                "飲み物代",
                20,
                true,
                true,
                true,
                Set.of("ja", "en"),
                null,
                "0470-44-1234",
                null,
                weekly(EnumSet.of(DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), LocalTime.of(13, 0), LocalTime.of(16, 0)),
                ActivityStatus.OPEN));
        publish(new ActivityCommand(
                shinonome.id(),
                ActivityKind.ENGAWA,
                false,
                "東雲えんがわ",
                "しののめえんがわ",
                "集会所の縁側でお茶を一杯。となり近所の顔を知る場所です。",
                null,
                area("E1-1-J1"),
                "東雲一丁目集会所",
                "美月野市東雲1-4-2",
                "集会所の南側、庭から縁側に上がれます。",
                Set.of(Target.ANYONE),
                null,
                null,
                null,
                false,
                false,
                false,
                Set.of("ja"),
                null,
                null,
                null,
                monthly(DayOfWeek.SUNDAY, List.of(Schedule.LAST), LocalTime.of(13, 30), LocalTime.of(15, 30)),
                ActivityStatus.OPEN));
        publish(new ActivityCommand(
                npo.id(),
                ActivityKind.LEARNING,
                false,
                "駅前まなびば",
                "えきまえまなびば",
                "小中学生の宿題や勉強を大学生ボランティアが手伝います。日本語の学習も。",
                null,
                area("C1-2"),
                "駅前ビル3階 会議室",
                "美月野市駅前1-4-2",
                "駅の東口を出て右、1階がコンビニのビルです。",
                Set.of(Target.CHILDREN, Target.FOREIGN_RESIDENTS),
                null,
                null,
                20,
                true,
                true,
                false,
                Set.of("ja", "en", "vi", "easy-ja"),
                null,
                "0470-22-5151",
                "manabiba@demo.mizukino.example",
                weekly(EnumSet.of(DayOfWeek.WEDNESDAY), LocalTime.of(17, 0), LocalTime.of(19, 0)),
                ActivityStatus.OPEN));

        // volunteer opportunities
        UUID shokudoHelp = publish(volunteer(
                councilOf("N1-2"),
                "桜台こども食堂 調理・配膳ボランティア",
                "こども食堂の調理、配膳、片づけを手伝ってくださる方を募集しています。",
                "野菜を切る・ごはんをよそう・食器を洗うなど。1回だけでも大丈夫です。",
                "N1-2",
                "桜台ふれあい館",
                "美月野市桜台2-5-8",
                monthly(DayOfWeek.SATURDAY, List.of(2, 4), LocalTime.of(15, 0), LocalTime.of(19, 0))));
        mine.add(shokudoHelp);
        publish(volunteer(
                school,
                "若葉小 放課後まなびサポーター",
                "放課後の教室で、こどもの宿題を見守ってくださる方を募集しています。",
                "宿題の丸つけ、音読を聞くなど。",
                "C2-2",
                "若葉小学校 図書室",
                "美月野市若葉町3-1-1",
                weekly(EnumSet.of(DayOfWeek.THURSDAY), LocalTime.of(15, 0), LocalTime.of(17, 0))));
        publish(volunteer(
                egao,
                "お弁当の配達ボランティア",
                "ひとり暮らしの高齢の方にお弁当を届け、ひとこと声をかけます。",
                "車か自転車で5〜6軒を回ります。",
                "E1-1",
                "東雲地区センター（集合）",
                "美月野市東雲2-1-10",
                weekly(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), LocalTime.of(10, 0), LocalTime.of(12, 0))));
        publish(volunteer(
                councilOf("N1-1"),
                "北サロン お茶出し・送迎ボランティア",
                "サロンのお茶出しと、歩くのがたいへんな方の送迎を手伝ってくださる方を募集しています。",
                "お茶の準備、会場の設営、車での送迎（運転できる方）。",
                "N1-1",
                "北ふれあい館",
                "美月野市北町1-2-3",
                monthly(DayOfWeek.WEDNESDAY, List.of(1), LocalTime.of(9, 30), LocalTime.of(12, 30))));
        publish(volunteer(
                npo,
                "日本語学習サポーター",
                "外国にルーツのある親子の日本語学習を、やさしい日本語で手伝う方を募集しています。",
                "会話の相手、学校のお便りを一緒に読むなど。",
                "C1-2",
                "駅前ビル3階 会議室",
                "美月野市駅前1-4-2",
                weekly(EnumSet.of(DayOfWeek.SATURDAY), LocalTime.of(10, 0), LocalTime.of(12, 0))));

        // a paused one
        publish(new ActivityCommand(
                councilOf("W1-2").id(),
                ActivityKind.COMMUNITY_CAFE,
                false,
                "稲穂ふれあいカフェ",
                null,
                "会場の改修工事のため、しばらくお休みしています。",
                null,
                area("W1-2"),
                "稲穂公民館",
                "美月野市稲穂3-3-3",
                null,
                Set.of(Target.ANYONE),
                100,
                null,
                null,
                false,
                false,
                true,
                Set.of("ja"),
                null,
                null,
                null,
                monthly(DayOfWeek.TUESDAY, List.of(3), LocalTime.of(13, 0), LocalTime.of(15, 0)),
                ActivityStatus.PAUSED));

        LocalDate today = LocalDate.now(Japan.ZONE);
        // the organiser: a new entry waiting for review, a change of the northern salon's time waiting, and a
        // cancelled date on the cafeteria (published)
        as("organiser");
        community.create(new ActivityCommand(
                councilOf("N1-2").id(),
                ActivityKind.OTHER,
                false,
                "桜台 男の料理教室",
                "さくらだい おとこのりょうりきょうしつ",
                "料理がはじめての男性向け。つくって、いっしょに食べます。",
                null,
                area("N1-2"),
                "桜台ふれあい館 調理室",
                "美月野市桜台2-5-8",
                null,
                Set.of(Target.ELDERLY, Target.ANYONE),
                500,
                "材料費",
                12,
                true,
                true,
                false,
                Set.of("ja"),
                null,
                "0470-21-3390",
                null,
                monthly(DayOfWeek.SUNDAY, List.of(3), LocalTime.of(10, 0), LocalTime.of(13, 0)),
                ActivityStatus.OPEN));
        if (kitaSalon != null) {
            Activity salon = community.get(kitaSalon);
            community.update(
                    kitaSalon,
                    salon.version(),
                    withSchedule(
                            salon,
                            new Schedule(
                                    ScheduleKind.MONTHLY,
                                    salon.schedule().weekdays(),
                                    salon.schedule().nthWeeks(),
                                    LocalTime.of(13, 30),
                                    LocalTime.of(15, 30),
                                    salon.schedule().cancelled(),
                                    "4月から午後の開催になります")));
        }
        if (sakuradaiShokudo != null) {
            Activity shokudo = community.get(sakuradaiShokudo);
            TreeSet<LocalDate> cancelled = new TreeSet<>();
            shokudo.schedule().next(today.plusDays(7), 1).forEach(o -> cancelled.add(o.date()));
            community.update(
                    sakuradaiShokudo,
                    shokudo.version(),
                    withSchedule(
                            shokudo,
                            new Schedule(
                                    shokudo.schedule().kind(),
                                    shokudo.schedule().weekdays(),
                                    shokudo.schedule().nthWeeks(),
                                    shokudo.schedule().start(),
                                    shokudo.schedule().end(),
                                    cancelled,
                                    "会場の点検のため、お休みの日があります")));
            as("csw");
            community.publish(sakuradaiShokudo, community.get(sakuradaiShokudo).version());
        }
        // the organiser's second group: a returned entry
        as("organiser2");
        Activity draft = community.create(new ActivityCommand(
                npo.id(),
                ActivityKind.CHILDREN_CAFETERIA,
                false,
                "白樺こども食堂（準備中）",
                null,
                "白樺台で新しくこども食堂をはじめます。",
                null,
                area("N2-2"),
                "白樺台会館",
                "美月野市白樺台",
                null,
                Set.of(Target.CHILDREN),
                null,
                null,
                null,
                false,
                false,
                false,
                Set.of("ja"),
                null,
                null,
                null,
                monthly(DayOfWeek.SATURDAY, List.of(1), LocalTime.of(17, 0), LocalTime.of(19, 0)),
                ActivityStatus.OPEN));
        as("csw");
        community.returnToOrganiser(draft.id(), draft.version(), "住所の番地と問い合わせ先（電話かメール）を書いてください。");

        // a stale entry: the organiser's exercise place, last confirmed eight months ago
        if (sakuradaiTaiso != null) {
            Timestamp old =
                    Timestamp.from(today.minusMonths(8).atStartOfDay(Japan.ZONE).toInstant());
            for (String table : List.of("community_activity", "community_activity_published")) {
                jdbc.sql("update " + table
                                + " set confirmed_at = ?, updated_at = ? where municipality_id = ? and id = ?")
                        .params(old, old, tenancy.municipalityId(), sakuradaiTaiso)
                        .update();
            }
        }

        // residents' interest messages: new, answered, handled
        SecurityContextHolder.clearContext();
        UUID a1 =
                interests.submit(shokudoHelp, "さくら", "090-0000-1111", "大学生です。土曜の夕方なら手伝えます。調理の経験は少しあります。", "192.0.2.11");
        interests.submit(
                sakuradaiShokudo == null ? shokudoHelp : sakuradaiShokudo,
                "こうたのママ",
                "kota-mama@example.jp",
                "小学2年の子と参加したいです。予約は必要ですか。",
                "192.0.2.12");
        UUID a3 =
                interests.submit(mine.getFirst(), "田村", "0470-00-2222", "母（82歳）が参加できるか知りたいです。杖を使っています。", "192.0.2.13");
        interests.submit(shokudoHelp, "ゆう", "yu@example.jp", "片づけだけでも大丈夫ですか。", "192.0.2.14");
        as("organiser");
        var first = interests.get(a1);
        interests.answer(a1, first.version(), "12/13 に電話し、次回から来ていただくことになった。", false);
        var third = interests.get(a3);
        interests.answer(a3, third.version(), "電話で説明。段差なし・送迎ありと伝え、参加が決まった。", true);
        // two community issues from the figures, with meetings and actions; the first one's feedback is published
        as("csw");
        CommunityIssue isolation = issues.propose(
                area("N1-2"),
                "ひとり暮らし高齢者の孤立",
                "桜台ではひとり暮らしの高齢者についての相談が増えています。サロンに来なくなった人や、" + "買い物に出られなくなった人の話が、民生委員や地区社協から続けて寄せられています。",
                today.minusYears(1),
                today,
                CommunityIssue.Proposer.CSW);
        isolation = issues.recordMeeting(
                isolation.id(),
                CommunityIssue.MeetingKind.DISTRICT_WELFARE,
                today.minusDays(14),
                "桜台地区社協、桜台一丁目自治会、桜台二丁目町内会、民生委員児童委員協議会、北部地域包括支援センター、社協CSW",
                "数字と各団体の実感を共有した。サロンの回数を増やすこと、サロンに来なくなった人への声かけを自治会の班長と" + "民生委員で分担することを決めた。",
                "サロンを月2回に増やす",
                "桜台地区社協",
                today.plusMonths(2));
        issues.recordMeeting(
                isolation.id(),
                CommunityIssue.MeetingKind.COMMUNITY_CARE,
                today.minusDays(3),
                "北部地域包括支援センター、社協CSW、桜台地区社協、民生委員",
                "送迎ボランティアの募集方法を話し合った。ボランティアセンターに登録を呼びかける。",
                "送迎ボランティアを募集する",
                "社協ボランティアセンター",
                today.plusMonths(1));
        isolation = issues.get(isolation.id());
        issues.publishFeedback(
                isolation.id(), isolation.version(), "桜台地区では、ふれあいサロンを月2回に増やします。サロンへの送迎を手伝ってくださる方を募集しています。");
        CommunityIssue parenting = issues.propose(
                area("E1-1"),
                "子育て世帯が相談先を知らない",
                "東雲では転入した子育て世帯が多く、どこに相談すればよいか分からないまま困りごとが大きくなってから" + "相談につながる例が目立つ。",
                today.minusYears(1),
                today,
                CommunityIssue.Proposer.MEETING);
        issues.recordMeeting(
                parenting.id(),
                CommunityIssue.MeetingKind.THREE_PARTY,
                today.minusDays(7),
                "東雲一丁目自治会、東雲小学校、民生委員（主任児童委員）",
                "学校からのお便りと自治会の回覧で、子育てひろばと相談先を知らせることにした。",
                "子育てひろばと相談先のちらしを作る",
                "東雲小学校・主任児童委員",
                today.plusMonths(1));

        // the messages arrived two days ago
        jdbc.sql("update community_interest set created_at = created_at - interval '2 days' where municipality_id = ?")
                .param(tenancy.municipalityId())
                .update();
    }

    private Group councilOf(String code) {
        for (String[] d : DISTRICTS) {
            if (d[0].equals(code)) {
                return community.groups().stream()
                        .filter(g -> g.name().equals(d[1] + "地区社会福祉協議会"))
                        .findFirst()
                        .orElseThrow();
            }
        }
        throw new IllegalArgumentException(code);
    }

    private ActivityCommand volunteer(
            Group group,
            String name,
            String description,
            String help,
            String areaCode,
            String venue,
            String address,
            Schedule schedule) {
        return new ActivityCommand(
                group.id(),
                ActivityKind.VOLUNTEER_WORK,
                true,
                name,
                null,
                description,
                help,
                area(areaCode),
                venue,
                address,
                null,
                Set.of(Target.ANYONE),
                null,
                null,
                null,
                false,
                false,
                false,
                Set.of("ja"),
                null,
                "0470-61-7702",
                "volunteer@demo.mizukino.example",
                schedule,
                ActivityStatus.OPEN);
    }

    private static ActivityCommand withSchedule(Activity a, Schedule schedule) {
        return new ActivityCommand(
                a.groupId(),
                a.kind(),
                a.volunteer(),
                a.name(),
                a.nameKana(),
                a.description(),
                a.helpWanted(),
                a.areaId(),
                a.venue(),
                a.address(),
                a.directions(),
                a.targets(),
                a.costYen(),
                a.costNote(),
                a.capacity(),
                a.stepFree(),
                a.accessibleToilet(),
                a.parking(),
                a.languages(),
                a.contactName(),
                a.contactPhone(),
                a.contactEmail(),
                schedule,
                a.status());
    }

    private UUID publish(ActivityCommand command) {
        Activity created = community.create(command);
        return community.publish(created.id(), created.version()).id();
    }

    private static Schedule weekly(Set<DayOfWeek> days, LocalTime start, LocalTime end) {
        return new Schedule(ScheduleKind.WEEKLY, days, List.of(), start, end, new TreeSet<>(), null);
    }

    private static Schedule monthly(DayOfWeek day, List<Integer> weeks, LocalTime start, LocalTime end) {
        return new Schedule(ScheduleKind.MONTHLY, EnumSet.of(day), weeks, start, end, new TreeSet<>(), null);
    }

    private UUID area(String code) {
        return areas.findByCode(code)
                .map(AreaView::id)
                .orElseThrow(() -> new IllegalStateException("demo area missing: " + code));
    }

    private UUID account(String username) {
        UserDetails user = users.loadUserByUsername(username);
        return ((Actor) user).accountId();
    }

    private void as(String username) {
        CurrentActor.actAs(users.loadUserByUsername(username));
    }
}
