package org.marugoto.casework.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.casework.AssessmentDomain;
import org.marugoto.casework.AssessmentView;
import org.marugoto.casework.CaseCommands;
import org.marugoto.casework.CaseOrigin;
import org.marugoto.casework.CaseStatus;
import org.marugoto.casework.CaseView;
import org.marugoto.casework.ClosureOutcome;
import org.marugoto.casework.ConferenceDecision;
import org.marugoto.casework.ConferenceKind;
import org.marugoto.casework.ConferenceView;
import org.marugoto.casework.GoalOutcome;
import org.marugoto.casework.PersonAgreement;
import org.marugoto.casework.PlanView;
import org.marugoto.casework.ProgressKind;
import org.marugoto.casework.TeamRole;
import org.marugoto.casework.domain.AssessmentService;
import org.marugoto.casework.domain.CaseService;
import org.marugoto.casework.domain.CaseTeamService;
import org.marugoto.casework.domain.ClosureService;
import org.marugoto.casework.domain.ConferenceService;
import org.marugoto.casework.domain.PlanService;
import org.marugoto.casework.domain.ProgressService;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
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
 * Cases in every status around the demo households of docs/domain.md §1: the 8050 household in support with an
 * agreed plan, the double-care household being planned, the young carer and the hoarding case worked in 支援会議
 * without consent, the man between systems in monitoring, the widow closed with a follow-up, the foreign family
 * reopened. Runs once: skipped when cases exist.
 */
@Component
@Order(60)
@ConditionalOnBooleanProperty("marugoto.demo.enabled")
class CaseworkDemoData implements ApplicationRunner {

    private final CaseService cases;
    private final CaseTeamService teams;
    private final AssessmentService assessments;
    private final PlanService plans;
    private final ProgressService progressRecords;
    private final ClosureService closures;
    private final ConferenceService conferences;
    private final PeopleApi people;
    private final DirectoryApi directory;
    private final UserDetailsService users;
    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    CaseworkDemoData(
            CaseService cases,
            CaseTeamService teams,
            AssessmentService assessments,
            PlanService plans,
            ProgressService progressRecords,
            ClosureService closures,
            ConferenceService conferences,
            PeopleApi people,
            DirectoryApi directory,
            UserDetailsService users,
            JdbcClient jdbc,
            Tenancy tenancy) {
        this.cases = cases;
        this.teams = teams;
        this.assessments = assessments;
        this.plans = plans;
        this.progressRecords = progressRecords;
        this.closures = closures;
        this.conferences = conferences;
        this.people = people;
        this.directory = directory;
        this.users = users;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from support_case where municipality_id = ?")
                                .param(tenancy.municipalityId())
                                .query(Long.class)
                                .single()
                        > 0
                || jdbc.sql("select count(*) from household where municipality_id = ? and name = '佐々木家'")
                                .param(tenancy.municipalityId())
                                .query(Long.class)
                                .single()
                        == 0) {
            return;
        }
        try {
            sasaki();
            takahashi();
            watanabe();
            saito();
            yamazaki();
            tsukioka();
            pereira();
            nonomura();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** 8050: in support with an agreed plan, a second assessment, an overdue action and a review meeting ahead. */
    private void sasaki() {
        CaseView c = open(
                "caseworker",
                "佐々木家",
                "coordinator",
                ConsentStatus.GIVEN,
                "82歳の母（認知症の疑い）と、20年以上働いていない52歳の長男。母の通帳を長男が管理できず、公共料金の滞納が続いている。",
                List.of("CARE", "HIKIKOMORI", "INCOME"));
        as("coordinator");
        teams.addMember(c.id(), account("caseworker2"), TeamRole.MEMBER);
        teams.addMember(c.id(), account("supervisor"), TeamRole.ADVISOR);
        as("caseworker");
        assess(
                c,
                "母の物忘れが進み、長男が一人で介護している。長男は外出が少ない。",
                "長男は母の食事を毎日作っている。近所の人とあいさつはできる。",
                "「母さんをこの家で看たい。自分も何か仕事ができれば」（長男）",
                "介護疲れによる共倒れ。滞納によるライフラインの停止。",
                "長男自身の体調（受診していない）。母の年金の管理。");
        assess(
                c,
                "要介護1の認定が出た。長男は就労準備支援の面談に2回来所した。",
                "長男は約束の時間を守って来所できる。",
                "「週に何日かなら、人の少ない仕事をしてみたい」（長男）",
                "母の夜間の徘徊。",
                "長男の睡眠の乱れ。");
        c = cases.transition(c.id(), cases.get(c.id()).version(), CaseStatus.PLANNING, "アセスメントがまとまった");
        PlanView draft = plans.saveDraft(
                c.id(),
                null,
                new CaseCommands.Plan(
                        "母と二人で、この家で安心して暮らし続けたい。",
                        "長男が地域の農園ボランティアを見学する。",
                        "長男は電話が苦手なため、訪問で連絡する。",
                        LocalDate.now().minusDays(20),
                        LocalDate.now().plusMonths(5),
                        LocalDate.now().plusDays(40),
                        List.of(
                                goal(
                                        "母の介護を一人で抱えている",
                                        "母さんが昼間デイサービスに行けるようにしたい",
                                        "見学に一緒に行く",
                                        action("ケアプラン作成とデイサービスの調整", "HOKATSU-N", "caseworker", -5, "1回"),
                                        action("通所の様子の確認", "HOKATSU-N", "caseworker", 30, "月1回")),
                                goal(
                                        "収入がなく滞納がある",
                                        "滞納を片付けて、少しでも働きたい",
                                        "面談に来る",
                                        action("家計相談と滞納の分納の調整", "JIRITSU", "caseworker2", 14, "2週に1回"),
                                        action("就労準備支援（週1回）", "JIRITSU", "caseworker2", 60, "週1回")))));
        as("coordinator");
        ConferenceView meeting = conferences.schedule(
                c.id(),
                new CaseCommands.Conference(
                        ConferenceKind.JUSHO,
                        Instant.now().minus(Duration.ofDays(20)),
                        "美月野市福祉センター 2階会議室",
                        "支援プランの承認と支援の開始",
                        Set.of(account("caseworker"), account("caseworker2"))));
        conferences.recordMinutes(
                meeting.id(),
                meeting.version(),
                new CaseCommands.Minutes(
                        "長男が出席。母のデイサービス利用と、長男の家計相談・就労準備支援から始めることを確認した。長男は「少しずつなら」と話した。",
                        Set.of(ConferenceDecision.APPROVE_PLAN, ConferenceDecision.START_SUPPORT),
                        Set.of(account("coordinator"), account("caseworker"), account("caseworker2")),
                        true,
                        PersonAgreement.AGREED,
                        "「これでやってみます」（長男、署名あり）",
                        Map.of(),
                        List.of(new CaseCommands.ActionItem(
                                "電力会社への分納の相談に同行",
                                account("caseworker2"),
                                LocalDate.now().minusDays(3)))));
        conferences.schedule(
                c.id(),
                new CaseCommands.Conference(
                        ConferenceKind.JUSHO,
                        Instant.now().plus(Duration.ofDays(10)),
                        "美月野市福祉センター 2階会議室",
                        "3か月の見直し：デイサービスの定着と長男の就労準備",
                        Set.of(account("caseworker"), account("caseworker2"))));
        progress(c, "caseworker", 18, ProgressKind.VISIT, null, "自宅訪問。母は機嫌よく、長男と台所で話ができた。");
        progress(c, "caseworker2", 12, ProgressKind.MEETING, null, "長男が来所し家計表を一緒に作成。電気代2か月分の滞納を確認。");
        progress(c, "caseworker", 6, ProgressKind.CALL, null, "デイサービスから連絡。母は週2回の利用に慣れてきた。");
        progress(c, "caseworker2", 2, ProgressKind.NOTE, null, "就労準備支援の初回。30分で疲れた様子だが、次回も来ると話した。");
    }

    /** Double care: planning, a draft plan and a 重層的支援会議 on the calendar. */
    private void takahashi() {
        CaseView c = open(
                "caseworker3",
                "髙橋家",
                "coordinator2",
                ConsentStatus.GIVEN,
                "乳児を育てながら、要介護の父の介護もしている30代の娘（ダブルケア）。夫は単身赴任。",
                List.of("CHILDCARE", "CARE"));
        as("coordinator2");
        teams.addMember(c.id(), account("caseworker"), TeamRole.MEMBER);
        as("caseworker3");
        assess(
                c,
                "娘が睡眠不足。父のデイサービスは週1回のみ。",
                "娘は地域子育て支援拠点に通えている。",
                "「どちらも大事。でも少し休みたい」（娘）",
                "娘の産後うつの兆し。",
                "夫との話し合いができていない。");
        c = cases.transition(c.id(), cases.get(c.id()).version(), CaseStatus.PLANNING, null);
        plans.saveDraft(
                c.id(),
                null,
                new CaseCommands.Plan(
                        "父の介護と子育てを、ひとりで抱えこまずに続けたい。",
                        null,
                        null,
                        LocalDate.now(),
                        LocalDate.now().plusMonths(6),
                        LocalDate.now().plusMonths(3),
                        List.of(goal(
                                "介護と子育てが重なっている",
                                "週に一度は自分の時間がほしい",
                                "一時預かりを申し込む",
                                action("一時預かりの利用調整", "KODOMO", "caseworker3", 14, "週1回"),
                                action("父のデイサービス回数の見直し", "HOKATSU-N", "caseworker", 21, "1回")))));
        as("coordinator2");
        conferences.schedule(
                c.id(),
                new CaseCommands.Conference(
                        ConferenceKind.JUSHO,
                        Instant.now().plus(Duration.ofDays(5)),
                        "美月野市役所 本庁舎3階",
                        "支援プラン（案）の検討と本人の意向確認",
                        Set.of(account("caseworker3"), account("caseworker"))));
    }

    /** A young carer: no consent yet, a 支援会議 held with the school-side and health members. */
    private void watanabe() {
        CaseView c = open(
                "caseworker3",
                "渡邉家",
                "coordinator",
                ConsentStatus.NOT_ASKED,
                "中学2年の長女が、気分の落ち込みがある母の代わりに家事ときょうだいの世話をしている（ヤングケアラー）。欠席が増えている。",
                List.of("FAMILY", "HEALTH", "HIKIKOMORI"));
        as("coordinator");
        ConferenceView shien = conferences.schedule(
                c.id(),
                new CaseCommands.Conference(
                        ConferenceKind.SHIEN,
                        Instant.now().minus(Duration.ofDays(7)),
                        "こども家庭センター 相談室",
                        "長女の欠席と家庭状況の共有（本人・母の同意なし、法第106条の6）",
                        Set.of(account("caseworker3"), account("caseworker5"))));
        conferences.pledge(shien.id());
        as("caseworker3");
        conferences.pledge(shien.id());
        as("caseworker5");
        conferences.pledge(shien.id());
        as("coordinator");
        conferences.recordMinutes(
                shien.id(),
                shien.version(),
                new CaseCommands.Minutes(
                        "学校から、長女の欠席が月8日に増えたと共有。保健センターは母の受診歴を確認できていない。まず長女と話せる大人をつくる。",
                        Set.of(ConferenceDecision.CONTINUE),
                        Set.of(account("coordinator"), account("caseworker3"), account("caseworker5")),
                        false,
                        null,
                        null,
                        Map.of(),
                        List.of(new CaseCommands.ActionItem(
                                "スクールソーシャルワーカーと長女の面談を調整",
                                account("caseworker3"),
                                LocalDate.now().plusDays(7)))));
        progress(c, "caseworker3", 4, ProgressKind.VISIT, null, "家庭訪問。母は在宅していたが会えず、長女に手紙を渡した。");
    }

    /** Hoarding with refusal: assessment by observation, a 支援会議 ahead, patient visits. */
    private void saito() {
        CaseView c = open(
                "csw",
                "齋藤家",
                "coordinator",
                ConsentStatus.REFUSED,
                "60代男性、ひとり暮らし。自宅にごみがたまり、近所から苦情。本人は「困っていない」と支援を断っている。",
                List.of("SELF_NEGLECT", "ISOLATION", "HEALTH"));
        as("csw");
        assess(c, "玄関先までごみ袋。夏場の臭いで近所から苦情。", "毎朝同じ時間に散歩している。", "「ほっといてくれ」", "熱中症、火災。", "妻を亡くしてからの気持ちの落ち込み。");
        as("coordinator");
        conferences.schedule(
                c.id(),
                new CaseCommands.Conference(
                        ConferenceKind.SHIEN,
                        Instant.now().plus(Duration.ofDays(3)),
                        "南部地域包括支援センター",
                        "見守りの分担と、本人との関係づくりの方法",
                        Set.of(account("csw"), account("supervisor"))));
        progress(c, "csw", 20, ProgressKind.VISIT, null, "訪問。玄関越しに5分話せた。散歩の話には応じる。");
        progress(c, "csw", 9, ProgressKind.VISIT, null, "訪問。不在。手紙と地区のサロンの案内を置いた。");
        progress(c, "csw", 1, ProgressKind.CONTACT, null, "民生委員から、散歩中にあいさつを返してくれたと連絡。");
    }

    /** Between systems: public assistance started, support moved to monitoring. */
    private void yamazaki() {
        CaseView c = open(
                "caseworker2",
                "山﨑家",
                "coordinator2",
                ConsentStatus.GIVEN,
                "30代男性、失職し家賃滞納。どの制度の対象にもならず相談先を転々としていた。",
                List.of("INCOME", "RENT_LOAN", "JOB_SEARCH"));
        agreedPlan(
                c,
                "caseworker2",
                "coordinator2",
                "住む場所を失わずに、もう一度働きたい。",
                goal(
                        "家賃を滞納している",
                        "家を出なくて済むようにしたい",
                        "書類をそろえる",
                        action("生活保護申請の同行", "WELFARE-OFFICE", null, -30, "1回"),
                        action("就労準備支援", "JIRITSU", "caseworker2", 45, "週1回")));
        c = cases.get(c.id());
        cases.transition(c.id(), c.version(), CaseStatus.MONITORING, "保護開始、就労準備支援が定着");
        progress(c, "caseworker2", 5, ProgressKind.MEETING, null, "面談。ハローワークの求人を一緒に見た。表情が明るい。");
    }

    /** The widow: closed with an evaluation and a follow-up by the volunteer; she can come back any time. */
    private void tsukioka() {
        CaseView c = open(
                "caseworker",
                "月岡家",
                "coordinator",
                ConsentStatus.GIVEN,
                "80代女性、夫を亡くしてひとり暮らし。外出が減り、食事も簡単に済ませている。",
                List.of("ISOLATION"));
        PlanView plan = agreedPlan(
                c,
                "caseworker",
                "coordinator",
                "近所の人とお茶を飲む時間をもちたい。",
                goal("外出が減っている", "週に一度はサロンに行きたい", "サロンに行ってみる", action("地区のサロンに同行", "SHAKYO", "csw", -10, "1回")));
        as("caseworker");
        c = cases.get(c.id());
        closures.close(
                c.id(),
                c.version(),
                new CaseCommands.Closure(
                        ClosureOutcome.GOALS_MET,
                        "サロンに毎週通うようになり、友人ができた。食事も友人と一緒にとる日がある。",
                        "「行ってよかった。また困ったら相談します」",
                        "地区の民生委員が月1回訪問。サロンの世話役から気になることがあれば地域包括へ連絡。",
                        Map.of(
                                plan.goals().getFirst().id(),
                                new CaseCommands.Evaluation(GoalOutcome.ACHIEVED, "毎週参加"))));
    }

    /** The foreign family: closed once, reopened when the mother's hours were cut again. */
    private void pereira() {
        CaseView c = open(
                "caseworker3",
                "ペレイラ・シルバ家",
                "coordinator",
                ConsentStatus.GIVEN,
                "20代の母と子ども1人。シフトが減り収入が減った。日本語での手続きが難しい。",
                List.of("INCOME", "FOREIGN_RESIDENT", "CHILDCARE"));
        PlanView plan = agreedPlan(
                c,
                "caseworker3",
                "coordinator",
                "子どもと安心して暮らせる収入を得たい。",
                goal(
                        "収入が減った",
                        "生活費の心配を減らしたい",
                        "通訳と面談に来る",
                        action("ポルトガル語通訳つきの家計相談", "JIRITSU", "caseworker2", -20, "2回")));
        as("caseworker3");
        c = cases.get(c.id());
        c = closures.close(
                c.id(),
                c.version(),
                new CaseCommands.Closure(
                        ClosureOutcome.STABLE_WITH_OTHER_SUPPORT,
                        "児童扶養手当の申請ができ、勤務先の配慮で収入が戻った。",
                        "「ありがとう。日本語の教室にも行きたい」",
                        "国際交流協会の日本語教室の担当者が様子を見る。",
                        Map.of(plan.goals().getFirst().id(), new CaseCommands.Evaluation(GoalOutcome.ACHIEVED, null))));
        closures.reopen(c.id(), c.version(), "再びシフトが減り、家賃の支払いが難しいと母から連絡があった。");
    }

    /** The mother and son who fled DV (支援措置): housing, income and school, with the address masked throughout. */
    private void nonomura() {
        if (jdbc.sql("select count(*) from household where municipality_id = ? and name = '野々村家'")
                        .param(tenancy.municipalityId())
                        .query(Long.class)
                        .single()
                == 0) {
            return;
        }
        CaseView c = open(
                "caseworker3",
                "野々村家",
                "coordinator",
                ConsentStatus.GIVEN,
                "配偶者からの暴力を逃れて転入した母と小学生の長男。住まいの確保、生活費、長男の転校の手続きが重なっている。",
                List.of("ABUSE_DV", "HOUSING", "INCOME"));
        as("coordinator");
        teams.addMember(c.id(), account("caseworker2"), TeamRole.MEMBER);
        agreedPlan(
                c,
                "caseworker3",
                "coordinator",
                "息子と二人で、安心して眠れる暮らしをつくりたい。",
                goal(
                        "住まいと生活費が不安定",
                        "自分の力で家賃を払えるようになりたい",
                        "面談に来る",
                        action("家計相談と住居確保給付金の申請", "JIRITSU", "caseworker2", 21, "2週に1回"),
                        action("長男の転校先との連絡（住所は伏せる）", "KODOMO", "caseworker3", 10, "随時")));
        progress(c, "caseworker3", 3, ProgressKind.MEETING, null, "面談。長男は新しい学校に通い始めた。母は夜眠れるようになってきた。");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private CaseView open(
            String opener, String household, String lead, ConsentStatus consent, String summary, List<String> issues) {
        as(opener);
        UUID householdId = jdbc.sql(
                        "select id from household where municipality_id = ? and name = ? order by case_number limit 1")
                .param(tenancy.municipalityId())
                .param(household)
                .query(UUID.class)
                .single();
        Set<UUID> persons = new LinkedHashSet<>();
        for (MemberView m : people.members(householdId)) {
            if (m.current()) {
                persons.add(m.person().id());
            }
        }
        return cases.open(new CaseCommands.OpenCase(
                householdId,
                CaseOrigin.DIRECT,
                null,
                account(lead),
                summary,
                issues,
                persons,
                consent,
                consent == ConsentStatus.GIVEN ? LocalDate.now().minusDays(30) : null,
                consent == ConsentStatus.GIVEN ? "支援チームの機関で共有、重層的支援会議での検討" : null));
    }

    private void assess(CaseView c, String summary, String strengths, String wishes, String risks, String unvoiced) {
        assessments.recordAssessment(
                c.id(),
                new CaseCommands.Assessment(
                        summary,
                        strengths,
                        wishes,
                        risks,
                        unvoiced,
                        List.of(new AssessmentView.Entry(
                                c.personIds().getFirst(), AssessmentDomain.SOCIAL_TIES, strengths))));
    }

    /** Assessment, planning, a plan agreed at a 重層的支援会議 held two weeks ago, and support started. */
    private PlanView agreedPlan(CaseView c, String worker, String lead, String aim, CaseCommands.Goal goal) {
        as(worker);
        assess(c, "相談の経過から世帯の状況を整理した。", "相談に来られる力がある。", aim, "生活の急な変化。", "");
        c = cases.transition(c.id(), cases.get(c.id()).version(), CaseStatus.PLANNING, null);
        PlanView draft = plans.saveDraft(
                c.id(),
                null,
                new CaseCommands.Plan(
                        aim,
                        null,
                        null,
                        LocalDate.now().minusDays(14),
                        LocalDate.now().plusMonths(6),
                        LocalDate.now().plusMonths(2),
                        List.of(goal)));
        as(lead);
        ConferenceView meeting = conferences.schedule(
                c.id(),
                new CaseCommands.Conference(
                        ConferenceKind.JUSHO,
                        Instant.now().minus(Duration.ofDays(14)),
                        "美月野市福祉センター",
                        "支援プランの承認",
                        Set.of(account(worker))));
        conferences.recordMinutes(
                meeting.id(),
                meeting.version(),
                new CaseCommands.Minutes(
                        "本人が出席し、プランに同意した。",
                        Set.of(ConferenceDecision.APPROVE_PLAN, ConferenceDecision.START_SUPPORT),
                        Set.of(account(lead), account(worker)),
                        true,
                        PersonAgreement.AGREED,
                        null,
                        Map.of(),
                        List.of()));
        return plans.plan(draft.id(), false);
    }

    private void progress(CaseView c, String who, int daysAgo, ProgressKind kind, @Nullable UUID person, String text) {
        as(who);
        progressRecords.addProgress(
                c.id(), new CaseCommands.Progress(Instant.now().minus(Duration.ofDays(daysAgo)), kind, person, text));
    }

    private CaseCommands.Goal goal(String issue, String goal, String role, CaseCommands.Action... actions) {
        return new CaseCommands.Goal(issue, goal, role, new ArrayList<>(List.of(actions)));
    }

    private CaseCommands.Action action(
            String text, String agencyCode, @Nullable String staff, int dueInDays, String frequency) {
        return new CaseCommands.Action(
                text,
                directory.agencyByCode(agencyCode).orElseThrow().id(),
                staff == null ? null : account(staff),
                LocalDate.now().plusDays(dueInDays),
                frequency);
    }

    private UUID account(String username) {
        return ((Actor) users.loadUserByUsername(username)).accountId();
    }

    private void as(String username) {
        CurrentActor.actAs(users.loadUserByUsername(username));
    }
}
