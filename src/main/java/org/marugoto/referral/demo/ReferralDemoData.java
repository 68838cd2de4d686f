package org.marugoto.referral.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.Urgency;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.referral.ReferralOutcome;
import org.marugoto.referral.ReferralView;
import org.marugoto.referral.domain.OverdueReferrals;
import org.marugoto.referral.domain.ReferralService;
import org.marugoto.referral.domain.SendReferral;
import org.marugoto.shared.CurrentActor;
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
 * Referrals between the demo agencies in every state, around the demo households' stories, including two overdue
 * ones (one never answered, one accepted and then left idle). Runs once: skipped when referrals exist.
 */
@Component
@Order(50)
@ConditionalOnBooleanProperty("marugoto.demo.enabled")
class ReferralDemoData implements ApplicationRunner {

    private final ReferralService referrals;
    private final OverdueReferrals overdue;
    private final PeopleApi people;
    private final DirectoryApi directory;
    private final UserDetailsService users;
    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    ReferralDemoData(
            ReferralService referrals,
            OverdueReferrals overdue,
            PeopleApi people,
            DirectoryApi directory,
            UserDetailsService users,
            JdbcClient jdbc,
            Tenancy tenancy) {
        this.referrals = referrals;
        this.overdue = overdue;
        this.people = people;
        this.directory = directory;
        this.users = users;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    @Override
    public void run(ApplicationArguments args) {
        // referrals the demo consultations made (first response "referred") do not count: they are completed below
        if (jdbc.sql("select count(*) from referral where municipality_id = ? and consultation_id is null")
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
            // 8050: the elderly-care centre refers the son to the poverty counter, which is now working with him
            ReferralView son = send(
                    "caseworker",
                    "佐々木家",
                    "けんいち",
                    "JIRITSU",
                    List.of("INCOME", "JOB_SEARCH"),
                    "50代男性の就労と家計の相談（80代の母と同居、母は要介護認定申請中）",
                    "仕事に就きたいが人に会うのが怖いと話している。",
                    ConsentStatus.GIVEN,
                    10);
            as("caseworker2");
            son = referrals.accept(son.id(), son.version());
            referrals.start(son.id(), son.version());
            // ... and, now that the son starts work, asks the elderly-care centre back about the mother: not answered
            // yet
            send(
                    "caseworker2",
                    "佐々木家",
                    "とみ",
                    "HOKATSU-N",
                    List.of("CARE"),
                    "80代女性の介護サービスの見直し（同居の長男が就労準備支援に通い始め、日中ひとりになる）",
                    "デイサービスを週2回から増やせないか、本人と長男が相談したいと話している。",
                    ConsentStatus.GIVEN,
                    5);

            // double care: the child and family centre asks the elderly-care centre for the father; not answered
            ReferralView father = send(
                    "caseworker3",
                    "髙橋家",
                    "まさお",
                    "HOKATSU-C",
                    List.of("CARE"),
                    "70代男性の介護サービス利用の相談（同居の娘が乳児の子育て中）",
                    "デイサービスの利用を希望。",
                    ConsentStatus.GIVEN,
                    3);
            backdate(father.id(), 9, 3);

            // hoarding with refusal: the CSW asks the health centre, which declines and suggests the elderly centre
            ReferralView hoarding = send(
                    "csw",
                    "齋藤家",
                    "まさる",
                    "HEALTH",
                    List.of("SELF_NEGLECT", "HEALTH"),
                    "60代男性、ひとり暮らし、自宅にごみが多く受診していない様子",
                    null,
                    ConsentStatus.REFUSED,
                    7);
            as("caseworker5");
            referrals.decline(
                    hoarding.id(),
                    hoarding.version(),
                    "医療につなぐ前に、まず地域包括での見守りと関係づくりが必要と考えます。",
                    directory.agencyByCode("HOKATSU-S").orElseThrow().id());

            // between systems: the poverty counter referred to the welfare office; completed and followed up
            ReferralView welfare = send(
                    "caseworker2",
                    "山﨑家",
                    "しょう",
                    "WELFARE-OFFICE",
                    List.of("INCOME", "RENT_LOAN"),
                    "30代男性、失職し家賃滞納2か月、当面の生活費がない",
                    "生活保護の申請を希望。",
                    ConsentStatus.GIVEN,
                    2);
            as("caseworker6");
            welfare = referrals.accept(welfare.id(), welfare.version());
            welfare = referrals.complete(welfare.id(), welfare.version(), ReferralOutcome.GOT_HELP, "保護開始。");
            as("caseworker2");
            referrals.confirmFollowUp(welfare.id(), welfare.version(), "保護開始後、就労準備支援の面談を継続している。");

            // a foreign family: the poverty counter asks the child and family centre for more information
            ReferralView ana = send(
                    "caseworker3",
                    "ペレイラ・シルバ家",
                    "あな",
                    "JIRITSU",
                    List.of("INCOME", "FOREIGN_RESIDENT"),
                    "20代女性、シフト減で収入減、子ども1人",
                    "ポルトガル語の通訳が必要。",
                    ConsentStatus.GIVEN,
                    14);
            as("caseworker2");
            referrals.requestInformation(ana.id(), ana.version(), "通訳の手配はどちらで行いますか。面談の候補日を教えてください。");

            // widowed woman: the social welfare council accepted long ago and nothing has happened since
            ReferralView salon = send(
                    "caseworker",
                    "月岡家",
                    "ちよ",
                    "SHAKYO",
                    List.of("ISOLATION"),
                    "80代女性、夫を亡くしてひとり暮らし、外出が減っている",
                    "近くのサロンに行ってみたい。",
                    ConsentStatus.GIVEN,
                    7);
            as("csw");
            salon = referrals.accept(salon.id(), salon.version());
            backdate(salon.id(), 30, 20);

            // the young carer: sent, but withdrawn when the mother asked to wait
            ReferralView carer = send(
                    "caseworker3",
                    "渡邉家",
                    "えみ",
                    "HEALTH",
                    List.of("HEALTH"),
                    "40代女性、気分の落ち込みで家事ができない日が多い",
                    null,
                    ConsentStatus.NOT_ASKED,
                    10);
            as("caseworker3");
            referrals.withdraw(carer.id(), carer.version(), "母親から、まずは自分で受診したいと申し出があったため。");

            // DV: the child and family centre asks the poverty counter to help the protected mother with money and
            // work;
            // the counter accepts and sees the household, masked (支援措置)
            if (jdbc.sql("select count(*) from household where municipality_id = ? and name = '野々村家'")
                            .param(tenancy.municipalityId())
                            .query(Long.class)
                            .single()
                    > 0) {
                ReferralView dv = send(
                        "caseworker3",
                        "野々村家",
                        "あやか",
                        "JIRITSU",
                        List.of("INCOME", "JOB_SEARCH"),
                        "30代女性、DVから避難し子ども1人と生活。収入が不安定",
                        "就労の継続と家計の相談を希望。支援措置中のため連絡は当センター経由で。",
                        ConsentStatus.GIVEN,
                        7);
                as("caseworker2");
                referrals.accept(dv.id(), dv.version());
            }

            overdue.detect();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private ReferralView send(
            String username,
            String householdName,
            String givenReading,
            String toCode,
            List<String> issues,
            String summary,
            @Nullable String reason,
            ConsentStatus consent,
            int daysToAnswer) {
        as(username);
        UUID household = jdbc.sql(
                        "select id from household where municipality_id = ? and name = ? order by case_number limit 1")
                .param(tenancy.municipalityId())
                .param(householdName)
                .query(UUID.class)
                .single();
        List<MemberView> members = people.members(household);
        UUID person = members.stream()
                .filter(m -> givenReading.equals(m.person().givenNameKana()))
                .findFirst()
                .orElse(members.getFirst())
                .person()
                .id();
        UUID to = directory.agencyByCode(toCode).orElseThrow().id();
        // the demo consultation that referred the household already made the referral: give it the demo's story
        java.util.Optional<UUID> fromIntake = jdbc.sql("""
                        select id from referral where municipality_id = ? and household_id = ? and to_agency_id = ? and from_agency_id = ?
                          and consultation_id is not null and status = 'SENT'
                        order by created_at limit 1
                        """)
                .params(
                        tenancy.municipalityId(),
                        household,
                        to,
                        org.marugoto.shared.CurrentActor.get().orElseThrow().agencyId())
                .query(UUID.class)
                .optional();
        if (fromIntake.isPresent()) {
            UUID id = fromIntake.get();
            jdbc.sql("""
                            update referral set summary = ?, reason = ?, urgency = 'NORMAL', desired_response_date = ?
                            where municipality_id = ? and id = ?
                            """)
                    .params(java.util.Arrays.asList(
                            summary,
                            reason,
                            LocalDate.now(Japan.ZONE).plusDays(daysToAnswer),
                            tenancy.municipalityId(),
                            id))
                    .update();
            jdbc.sql("delete from referral_issue where municipality_id = ? and referral_id = ?")
                    .param(tenancy.municipalityId())
                    .param(id)
                    .update();
            for (String code : issues) {
                jdbc.sql("insert into referral_issue (municipality_id, referral_id, issue_code) "
                                + "select municipality_id, id, ? from referral where id = ?")
                        .params(code, id)
                        .update();
            }
            jdbc.sql("delete from referral_person where municipality_id = ? and referral_id = ?")
                    .param(tenancy.municipalityId())
                    .param(id)
                    .update();
            jdbc.sql("insert into referral_person (municipality_id, referral_id, person_id) "
                            + "select municipality_id, id, ? from referral where id = ?")
                    .params(person, id)
                    .update();
            return referrals.find(id);
        }
        return referrals.send(new SendReferral(
                household,
                null,
                to,
                null,
                List.of(person),
                issues,
                Urgency.NORMAL,
                summary,
                reason,
                null,
                consent,
                consent == ConsentStatus.GIVEN ? "つなぎ先の機関" : null,
                LocalDate.now(Japan.ZONE).plusDays(daysToAnswer)));
    }

    /** Moves a referral back in time, as if it had been sent {@code sentDaysAgo} and last touched {@code idleDays} ago. */
    private void backdate(UUID id, int sentDaysAgo, int idleDays) {
        Instant sent = Instant.now().minus(Duration.ofDays(sentDaysAgo));
        Instant idle = Instant.now().minus(Duration.ofDays(idleDays));
        jdbc.sql("""
                        update referral set created_at = ?, last_activity_at = ?,
                            desired_response_date = least(desired_response_date, ?)
                        where municipality_id = ? and id = ?
                        """)
                .params(
                        java.sql.Timestamp.from(sent),
                        java.sql.Timestamp.from(idle),
                        LocalDate.now(Japan.ZONE).minusDays(Math.max(1, idleDays - 5)),
                        tenancy.municipalityId(),
                        id)
                .update();
    }

    private void as(String username) {
        CurrentActor.actAs(users.loadUserByUsername(username));
    }
}
