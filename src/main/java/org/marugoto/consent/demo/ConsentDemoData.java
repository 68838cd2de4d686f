package org.marugoto.consent.demo;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.marugoto.access.AccessApi;
import org.marugoto.consent.ConsentGiver;
import org.marugoto.consent.ConsentMethod;
import org.marugoto.consent.ConsentPurpose;
import org.marugoto.consent.ConsentView;
import org.marugoto.consent.ConsentWithdrawal;
import org.marugoto.consent.RecordConsent;
import org.marugoto.consent.domain.ConsentService;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
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
 * Consents on the demo story households (the referrals and intakes already created theirs), one of them withdrawn,
 * and one emergency access from two days ago that awaits review. Runs once: skipped when a signed consent exists.
 */
@Component
@Order(60)
@ConditionalOnBooleanProperty("marugoto.demo.enabled")
class ConsentDemoData implements ApplicationRunner {

    private final ConsentService consents;
    private final PeopleApi people;
    private final AccessApi access;
    private final DirectoryApi directory;
    private final UserDetailsService users;
    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    ConsentDemoData(
            ConsentService consents,
            PeopleApi people,
            AccessApi access,
            DirectoryApi directory,
            UserDetailsService users,
            JdbcClient jdbc,
            Tenancy tenancy) {
        this.consents = consents;
        this.people = people;
        this.access = access;
        this.directory = directory;
        this.users = users;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from consent where municipality_id = ? and method = 'SIGNED_FORM'")
                                .param(tenancy.municipalityId())
                                .query(Long.class)
                                .single()
                        > 0
                || household("佐々木家") == null) {
            return;
        }
        LocalDate today = LocalDate.now(Japan.ZONE);
        try {
            // 8050: mother and son agree that the poverty counter and the hub see the household and meet about it
            as("caseworker");
            UUID sasaki = household("佐々木家");
            consents.record(new RecordConsent(
                    sasaki,
                    persons(sasaki),
                    ConsentGiver.PERSON,
                    null,
                    null,
                    List.of(agency("JIRITSU"), agency("HUB")),
                    EnumSet.of(ConsentPurpose.INFORMATION_SHARING, ConsentPurpose.SUPPORT_MEETING),
                    ConsentMethod.SIGNED_FORM,
                    null,
                    today.minusDays(90),
                    today.plusYears(1),
                    "同意書は北部地域包括支援センターで保管"));

            // hoarding: the man agreed, in front of the welfare commissioner, that the elderly centre may visit
            as("csw");
            UUID saito = household("齋藤家");
            consents.record(new RecordConsent(
                    saito,
                    persons(saito),
                    ConsentGiver.PERSON,
                    null,
                    null,
                    List.of(agency("HOKATSU-S")),
                    EnumSet.of(ConsentPurpose.OUTREACH, ConsentPurpose.INFORMATION_SHARING),
                    ConsentMethod.VERBAL_WITH_WITNESS,
                    "担当の民生委員",
                    today.minusDays(5),
                    today.plusMonths(6),
                    null));

            // double care: the mother first agreed to share with the health centre, then withdrew
            as("caseworker3");
            UUID takahashi = household("髙橋家");
            ConsentView shared = consents.record(new RecordConsent(
                    takahashi,
                    persons(takahashi),
                    ConsentGiver.PERSON,
                    null,
                    null,
                    List.of(agency("HEALTH")),
                    EnumSet.of(ConsentPurpose.INFORMATION_SHARING),
                    ConsentMethod.SIGNED_FORM,
                    null,
                    today.minusDays(30),
                    null,
                    null));
            consents.withdraw(
                    shared.id(),
                    shared.version(),
                    new ConsentWithdrawal(
                            today.minusDays(3), ConsentMethod.VERBAL_WITH_WITNESS, "保健センターには自分から話したいとのこと。"));

            // an emergency access two days ago: the poverty counter opened a household it had no access to
            as("caseworker");
            UUID tsukioka = household("月岡家");
            Set<UUID> members = Set.copyOf(persons(tsukioka));
            as("caseworker2");
            var grant = access.breakGlass(
                    "household",
                    tsukioka,
                    jdbc.sql("select case_number from household where municipality_id = ? and id = ?")
                            .param(tenancy.municipalityId())
                            .param(tsukioka)
                            .query(String.class)
                            .single(),
                    members,
                    "夜間に本人が自宅で倒れたと近隣から通報があり、救急隊に緊急連絡先と服薬状況を伝える必要があった。");
            jdbc.sql("""
                            update break_glass_grant set granted_at = granted_at - interval '2 days',
                                expires_at = expires_at - interval '2 days', created_at = created_at - interval '2 days'
                            where municipality_id = ? and id = ?
                            """).param(tenancy.municipalityId()).param(grant.id()).update();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private List<UUID> persons(UUID household) {
        return people.members(household).stream()
                .filter(MemberView::current)
                .map(m -> m.person().id())
                .toList();
    }

    private UUID agency(String code) {
        return directory.agencyByCode(code).orElseThrow().id();
    }

    /** A household the household demo data registered before (this loader runs after it). */
    private UUID household(String name) {
        return jdbc.sql("select id from household where municipality_id = ? and name = ? order by case_number limit 1")
                .param(tenancy.municipalityId())
                .param(name)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("demo household " + name + " is missing"));
    }

    private void as(String username) {
        CurrentActor.actAs(users.loadUserByUsername(username));
    }
}
