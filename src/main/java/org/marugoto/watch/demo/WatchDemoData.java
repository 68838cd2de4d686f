package org.marugoto.watch.demo;

import java.time.LocalDate;
import java.util.UUID;
import org.marugoto.consent.ConsentApi;
import org.marugoto.consent.ConsentGiver;
import org.marugoto.consent.ConsentMethod;
import org.marugoto.consent.ConsentPurpose;
import org.marugoto.consent.RecordConsent;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.PeopleApi;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Japan;
import org.marugoto.shared.Tenancy;
import org.marugoto.watch.AskToWatch;
import org.marugoto.watch.ConcernUrgency;
import org.marugoto.watch.ConcernView;
import org.marugoto.watch.RaiseConcern;
import org.marugoto.watch.WatchBasis;
import org.marugoto.watch.WatchRequestView;
import org.marugoto.watch.domain.ConcernService;
import org.marugoto.watch.domain.WatchService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The volunteers' demo: 民生委員 minsei watches 月岡家 (asked by the elderly-care centre's caseworker after the widow's
 * case closed) and 齋藤家 (asked by the CSW on a 支援会議 decision) and raised two concerns (one taken up, one new);
 * minsei2 (主任児童委員) watches the child of the protected 野々村家, whose address stays masked. Runs once, after the
 * casework demo: skipped when watch requests exist.
 */
@Component
@Order(70)
@ConditionalOnBooleanProperty("marugoto.demo.enabled")
class WatchDemoData implements ApplicationRunner {

    private final WatchService watches;
    private final ConcernService concerns;
    private final DirectoryApi directory;
    private final UserDetailsService users;
    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final ConsentApi consents;
    private final PeopleApi people;

    WatchDemoData(
            WatchService watches,
            ConcernService concerns,
            DirectoryApi directory,
            UserDetailsService users,
            JdbcClient jdbc,
            Tenancy tenancy,
            ConsentApi consents,
            PeopleApi people) {
        this.consents = consents;
        this.people = people;
        this.watches = watches;
        this.concerns = concerns;
        this.directory = directory;
        this.users = users;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    @Override
    public void run(ApplicationArguments args) {
        UUID tsukiokaHousehold = household("月岡家");
        UUID saitoHousehold = household("齋藤家");
        if (jdbc.sql("select count(*) from watch_request where municipality_id = ?")
                                .param(tenancy.municipalityId())
                                .query(Long.class)
                                .single()
                        > 0
                || tsukiokaHousehold == null
                || saitoHousehold == null) {
            return;
        }
        try {
            as("caseworker");
            consentToWatch(tsukiokaHousehold, "minsei");
            WatchRequestView tsukioka = watches.ask(
                    tsukiokaHousehold,
                    new AskToWatch(
                            account("minsei"),
                            "ひとり暮らしになって外出が減っています。郵便物がたまっていないか、サロンに来ているか、" + "顔色や食事の様子を気にかけてください。",
                            "週1回程度の声かけ",
                            null,
                            WatchBasis.CONSENT,
                            "ご本人の同意（支援終結時に確認）",
                            "サロンには社協の井上さんが同行したことがあります。耳が少し遠いので、ゆっくり話してください。"));
            backdate("watch_request", tsukioka.id(), 20);

            as("csw");
            WatchRequestView saito = watches.ask(
                    saitoHousehold,
                    new AskToWatch(
                            account("minsei"),
                            "ごみが増えていないか、玄関先で具合が悪そうでないか。無理に中に入らず、様子を教えてください。",
                            "月2回、ごみの日の朝",
                            LocalDate.now(Japan.ZONE).plusMonths(6),
                            WatchBasis.SUPPORT_MEETING,
                            "支援会議（重層的支援体制整備事業）で決定",
                            null));
            backdate("watch_request", saito.id(), 12);

            UUID nonomura = household("野々村家");
            if (nonomura != null) {
                as("caseworker3");
                consentToWatch(nonomura, "minsei2");
                WatchRequestView child = watches.ask(
                        nonomura,
                        new AskToWatch(
                                account("minsei2"),
                                "登校の様子と、お子さんが困っていないか。住所や居場所は誰にも伝えないでください。",
                                "登校日の朝、通学路で",
                                null,
                                WatchBasis.CONSENT,
                                "母親の同意",
                                null));
                backdate("watch_request", child.id(), 5);
            }

            as("minsei");
            UUID hokatsu = directory.agencyByCode("HOKATSU-N").orElseThrow().id();
            ConcernView salon = concerns.raise(new RaiseConcern(
                    tsukioka.id(),
                    "",
                    null,
                    "2週続けてサロンを休まれました。玄関先でお会いした時は元気でしたが、食欲がないとのことです。",
                    ConcernUrgency.SOON,
                    hokatsu));
            backdate("watch_concern", salon.id(), 6);
            as("caseworker");
            concerns.takeUp(salon.id(), salon.version(), null, "翌日に訪問。かかりつけ医の受診を勧めた。");

            as("minsei");
            ConcernView unseen = concerns.raise(new RaiseConcern(
                    null,
                    "月見ヶ丘二丁目の80代くらいの男性（お名前はわかりません）",
                    "月見ヶ丘二丁目、公園の向かいのアパート1階",
                    "いつも朝に散歩している方を1週間ほど見かけません。新聞が郵便受けにたまっています。",
                    ConcernUrgency.URGENT,
                    hokatsu));
            backdate("watch_concern", unseen.id(), 1);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private @org.jspecify.annotations.Nullable UUID household(String name) {
        return jdbc.sql("select id from household where municipality_id = ? and name = ? order by case_number limit 1")
                .param(tenancy.municipalityId())
                .param(name)
                .query(UUID.class)
                .optional()
                .orElse(null);
    }

    private void backdate(String table, UUID id, int days) {
        jdbc.sql("update " + table + " set created_at = created_at - make_interval(days => ?),"
                        + " updated_at = updated_at - make_interval(days => ?) where municipality_id = ? and id = ?")
                .params(days, days, tenancy.municipalityId(), id)
                .update();
    }

    /** The household's consent to the volunteers' visits, recorded before a request that rests on it. */
    private void consentToWatch(UUID household, String volunteer) {
        java.util.List<UUID> persons = people.members(household).stream()
                .filter(org.marugoto.people.MemberView::current)
                .map(m -> m.person().id())
                .distinct()
                .toList();
        consents.record(new RecordConsent(
                household,
                persons,
                ConsentGiver.PERSON,
                null,
                null,
                java.util.List.of(((Actor) users.loadUserByUsername(volunteer)).agencyId()),
                java.util.Set.of(ConsentPurpose.OUTREACH),
                ConsentMethod.SIGNED_FORM,
                null,
                LocalDate.now(Japan.ZONE).minusDays(30),
                null,
                "民生委員による見守りの訪問に同意"));
    }

    private UUID account(String username) {
        return ((Actor) users.loadUserByUsername(username)).accountId();
    }

    private void as(String username) {
        CurrentActor.actAs(users.loadUserByUsername(username));
    }
}
