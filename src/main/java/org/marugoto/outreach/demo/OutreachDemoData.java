package org.marugoto.outreach.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.outreach.AttemptMethod;
import org.marugoto.outreach.AttemptOutcome;
import org.marugoto.outreach.ConnectedTo;
import org.marugoto.outreach.EndReason;
import org.marugoto.outreach.MoveStage;
import org.marugoto.outreach.OpenOutreach;
import org.marugoto.outreach.OutreachOrigin;
import org.marugoto.outreach.OutreachSource;
import org.marugoto.outreach.OutreachView;
import org.marugoto.outreach.RecordAttempt;
import org.marugoto.outreach.domain.OutreachService;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.shared.Actor;
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
 * Outreach histories of several months for two demo stories, recorded through the service as the demo staff: the man
 * with a garden full of rubbish who refuses help (齋藤家, 社協 CSW with the welfare commissioner; his next visit is
 * overdue) and the withdrawn son of the 8050 household (佐々木家, 自立相談支援機関, slowly through letters and his
 * mother). Runs once: skipped when outreach records exist.
 */
@Component
@Order(80)
@ConditionalOnBooleanProperty("marugoto.demo.enabled")
class OutreachDemoData implements ApplicationRunner {

    private final OutreachService outreach;
    private final PeopleApi people;
    private final DirectoryApi directory;
    private final UserDetailsService users;
    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Clock clock;

    OutreachDemoData(
            OutreachService outreach,
            PeopleApi people,
            DirectoryApi directory,
            UserDetailsService users,
            JdbcClient jdbc,
            Tenancy tenancy,
            Clock clock) {
        this.outreach = outreach;
        this.people = people;
        this.directory = directory;
        this.users = users;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from outreach_record where municipality_id = ?")
                        .param(tenancy.municipalityId())
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        UUID saito = household("齋藤家");
        UUID sasaki = household("佐々木家");
        try {
            if (saito != null) {
                DemoStory.tell("outreach: hoarding", () -> hoarding(saito));
            }
            if (sasaki != null) {
                DemoStory.tell("outreach: withdrawn son", () -> withdrawnSon(sasaki));
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Hoarding with refusal: seven months of letters and visits with the welfare commissioner. */
    private void hoarding(UUID household) {
        as("csw");
        LocalDate today = Japan.today(clock);
        OutreachView r = outreach.open(new OpenOutreach(
                UUID.randomUUID(),
                household,
                persons(household, null),
                OutreachSource.NEIGHBOUR,
                "隣の住人（山本さん）",
                OutreachOrigin.DIRECT,
                null,
                List.of("SELF_NEGLECT", "ISOLATION", "HEALTH"),
                "庭と玄関先にごみ袋が積み上がり、夏には臭いで近所から苦情。訪ねると「帰ってくれ」と大声を出す。奥さんを亡くしてから外に出なくなった。",
                today.minusDays(215),
                account("csw"),
                agencies("HOKATSU-S", "MINSEI"),
                "南台の民生委員（田中さん）、ごみ収集の担当課",
                List.of(
                        new OpenOutreach.KeyPersonInput("山本さん", "隣人（30年来の付き合い）", "朝の散歩のときに挨拶を交わしている"),
                        new OpenOutreach.KeyPersonInput("田中 キヨ子さん", "担当の民生委員", "月2回、ごみの日の朝に様子を見ている"),
                        new OpenOutreach.KeyPersonInput("妹さん", "妹（県外在住）", "年賀状のやりとりのみ。連絡先は山本さんが知っている"))));
        attempt(
                r,
                210,
                "10:00",
                AttemptMethod.VISIT,
                "井上（社協）",
                AttemptOutcome.NO_ANSWER,
                "呼び鈴に応答なし。庭のごみは道路まで出ていない。",
                "手紙を入れる",
                14);
        r = stage(r, "TRYING", 210, null, null, "最初の訪問");
        attempt(
                r,
                196,
                "15:00",
                AttemptMethod.LETTER,
                "井上（社協）",
                AttemptOutcome.LEFT_NOTE,
                null,
                "社協の案内と名刺を郵便受けに。「困ったときに」とだけ書いた。",
                21);
        attempt(
                r,
                175,
                "08:30",
                AttemptMethod.VIA_COMMISSIONER,
                "田中民生委員",
                AttemptOutcome.THROUGH_DOOR,
                "ごみの日の朝、ドア越しに「大丈夫だ」と返事。声に元気がない。",
                "民生委員と一緒に訪問",
                14);
        attempt(
                r,
                160,
                "09:00",
                AttemptMethod.VISIT,
                "井上（社協）、田中民生委員",
                AttemptOutcome.REFUSED,
                "玄関先で会えたが「放っておいてくれ」。足を引きずっている。",
                "無理に入らない。散歩の時間に偶然を装わず挨拶から",
                14);
        attempt(
                r,
                140,
                "07:00",
                AttemptMethod.VISIT,
                "井上（社協）",
                AttemptOutcome.MET,
                "朝の散歩の途中で会えた。亡くなった奥さんの話を少し。膝が痛いとのこと。",
                "膝のことで受診を勧める。次も朝に",
                21);
        r = stage(r, "MET", 140, null, null, "散歩の途中で初めて話ができた");
        attempt(
                r,
                115,
                "07:00",
                AttemptMethod.VISIT,
                "井上（社協）",
                AttemptOutcome.MET,
                "10分ほど立ち話。ごみの話はしないでほしいと。",
                "話題は体と散歩のこと",
                21);
        attempt(
                r,
                90,
                "07:15",
                AttemptMethod.VISIT,
                "井上（社協）、田中民生委員",
                AttemptOutcome.MET,
                "妹さんの話が出た。熱中症が心配なので扇風機があるか聞いた。",
                "地域包括の保健師と一緒に行くことを提案",
                30);
        r = stage(r, "RELATIONSHIP", 90, null, null, "定期的に立ち話ができる関係に");
        attempt(
                r,
                60,
                "10:00",
                AttemptMethod.VISIT,
                "井上（社協）、南部地域包括の保健師",
                AttemptOutcome.THROUGH_DOOR,
                "保健師の同行には「今日はいい」。ドア越しに体調は悪くないと。",
                "次は一人で。ごみの日の朝",
                21);
        attempt(
                r,
                35,
                "07:00",
                AttemptMethod.VISIT,
                "井上（社協）",
                AttemptOutcome.MET,
                "玄関先のごみ袋を一緒に2つ出した。「少しならいい」。",
                "分別の手伝いを少しずつ。支援会議で共有",
                25);
    }

    /** The withdrawn son (8050): five months of letters, his mother, and a first meeting at the door. */
    private void withdrawnSon(UUID household) {
        as("caseworker2");
        LocalDate today = Japan.today(clock);
        OutreachView r = outreach.open(new OpenOutreach(
                UUID.randomUUID(),
                household,
                persons(household, "健一"),
                OutreachSource.AGENCY,
                "北部地域包括支援センター（母親の担当）",
                OutreachOrigin.DIRECT,
                null,
                List.of("HIKIKOMORI", "JOB_SEARCH", "INCOME"),
                "20年近く仕事をしておらず、ほとんど部屋から出ない。母親の介護が始まり、母の年金だけでは暮らしが続かない。本人は「人に会うのが怖い」。",
                today.minusDays(160),
                account("caseworker2"),
                agencies("HOKATSU-N", "DISABILITY-HUB"),
                null,
                List.of(
                        new OpenOutreach.KeyPersonInput("佐々木 トミさん", "母", "健一さんに手紙を渡してくれる"),
                        new OpenOutreach.KeyPersonInput("小林さん", "母親担当のケアマネジャー（北部地域包括）", null))));
        attempt(
                r,
                155,
                "14:00",
                AttemptMethod.VIA_FAMILY,
                "山口（自立相談）",
                AttemptOutcome.HEARD_OF,
                "母親から。夜は起きていて、昼は寝ている。ゲームとラジオ。",
                "本人宛ての手紙",
                14);
        r = stage(r, "TRYING", 155, null, null, null);
        attempt(
                r,
                140,
                "14:00",
                AttemptMethod.LETTER,
                "山口（自立相談）",
                AttemptOutcome.LEFT_NOTE,
                null,
                "返事はいらないと書いた手紙を母親に託す",
                21);
        attempt(
                r,
                118,
                "15:00",
                AttemptMethod.LETTER,
                "山口（自立相談）",
                AttemptOutcome.LEFT_NOTE,
                "母親によると、手紙は読んだらしい。",
                "2通目。好きなラジオ番組の話題",
                21);
        attempt(
                r,
                95,
                "16:00",
                AttemptMethod.VISIT,
                "山口（自立相談）、小林（北部地域包括）",
                AttemptOutcome.THROUGH_DOOR,
                "母親の訪問の帰りに、部屋の前で挨拶。「はい」とだけ返事。",
                "次も母親の訪問に合わせて",
                28);
        attempt(
                r,
                66,
                "16:00",
                AttemptMethod.VISIT,
                "山口（自立相談）",
                AttemptOutcome.MET,
                "玄関で5分。母の介護が心配と本人から。",
                "介護のことを一緒に考える、から始める",
                21);
        r = stage(r, "MET", 66, null, null, "初めて顔を合わせて話せた");
        attempt(
                r,
                40,
                "16:00",
                AttemptMethod.VISIT,
                "山口（自立相談）",
                AttemptOutcome.MET,
                "居間で20分。家計のことは話せた。仕事の話はまだ。",
                "家計の見直しを一緒に",
                21);
        r = stage(r, "RELATIONSHIP", 40, null, null, null);
        attempt(
                r,
                18,
                "16:00",
                AttemptMethod.VISIT,
                "山口（自立相談）",
                AttemptOutcome.MET,
                "家計表を一緒に作った。畑の手伝いなら、と本人から。",
                "農福連携の畑の見学を提案",
                30);
        r = stage(r, "ACCEPTED", 18, null, null, "家計の相談と畑の見学を受け入れた");
    }

    private void attempt(
            OutreachView r,
            int daysAgo,
            String time,
            AttemptMethod method,
            String who,
            AttemptOutcome outcome,
            @Nullable String learned,
            @Nullable String next,
            int nextInDays) {
        LocalDate on = Japan.today(clock).minusDays(daysAgo);
        outreach.recordAttempt(
                r.id(),
                new RecordAttempt(
                        UUID.randomUUID(),
                        on.atTime(LocalTime.parse(time)),
                        method,
                        who,
                        outcome,
                        learned,
                        next,
                        on.plusDays(nextInDays)));
    }

    private OutreachView stage(
            OutreachView r,
            String to,
            int daysAgo,
            @Nullable EndReason reason,
            @Nullable ConnectedTo connected,
            @Nullable String note) {
        OutreachView current = outreach.get(r.id());
        return outreach.moveStage(
                r.id(),
                new MoveStage(current.version(), to, Japan.today(clock).minusDays(daysAgo), reason, connected, note));
    }

    private List<UUID> persons(UUID household, @Nullable String givenName) {
        return people.members(household).stream()
                .filter(MemberView::current)
                .filter(m -> givenName == null || givenName.equals(m.person().givenName()))
                .map(m -> m.person().id())
                .distinct()
                .limit(1)
                .toList();
    }

    private List<UUID> agencies(String... codes) {
        return java.util.Arrays.stream(codes)
                .map(c -> directory.agencyByCode(c).orElseThrow().id())
                .toList();
    }

    private @Nullable UUID household(String name) {
        return jdbc.sql("select id from household where municipality_id = ? and name = ? order by case_number limit 1")
                .param(tenancy.municipalityId())
                .param(name)
                .query(UUID.class)
                .optional()
                .orElse(null);
    }

    private UUID account(String username) {
        return ((Actor) users.loadUserByUsername(username)).accountId();
    }

    private void as(String username) {
        CurrentActor.actAs(users.loadUserByUsername(username));
    }
}
