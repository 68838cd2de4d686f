package org.marugoto.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEventView;
import org.marugoto.people.domain.LinkageService;
import org.marugoto.people.domain.PeopleService;
import org.marugoto.people.domain.PossibleDuplicates;
import org.marugoto.people.linkage.Candidate;
import org.marugoto.people.linkage.Reason;
import org.marugoto.shared.Tenancy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Linkage across agencies (decision 0029): the 8050 story of issue #18. The son's earlier record at the 自立相談支援機関
 * (katakana only, 昭和49年, a full-width phone) is found when the 地域包括支援センター registers him; the centre learns
 * only that a record may exist at that kind of agency; the coordinator confirms the link; nothing becomes visible.
 */
@MarugotoTest
class LinkageServiceTests {

    @Autowired
    PeopleService people;

    @Autowired
    LinkageService linkage;

    @Autowired
    AuditApi audit;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tenancy tenancy;

    @Test
    @WithUserDetails("caseworker2")
    void anotherAgencysRecordIsNamedByKindOnlyAndTheCoordinatorLinksIt() {
        MemberView earlier = people.register(
                person("リンケジ", "ヒロシ", "リンケジ", "ヒロシ", Sex.MALE, LocalDate.of(1974, 7, 3), null, "０９０（１２３４）９８７６"),
                newHousehold());
        UUID jiritsu = earlier.person().ownerAgencyId();

        PeopleFixtures.actAs(users, "caseworker");
        PersonCommand son =
                person("鈴毛路", "浩", "りんけじ", "ひろし", Sex.MALE, LocalDate.of(1974, 7, 3), "美月野市桜台3-4-5", "090 1234 9876");
        assertThatThrownBy(() -> people.registerOnce(UUID.randomUUID(), son, newHousehold(), true))
                .isInstanceOfSatisfying(PossibleDuplicates.class, d -> {
                    assertThat(d.hits())
                            .as("the other agency's record is not shown")
                            .isEmpty();
                    assertThat(d.elsewhere()).containsExactly(jiritsu);
                });
        MemberView registered = people.registerOnce(UUID.randomUUID(), son, newHousehold(), false);
        UUID sonId = registered.person().id();

        assertThatThrownBy(linkage::queue).isInstanceOf(AccessDeniedException.class);

        PeopleFixtures.actAs(users, "coordinator");
        LinkageService.QueueItem item = linkage.queue().stream()
                .filter(i -> i.a().personId().equals(sonId) || i.b().personId().equals(sonId))
                .findFirst()
                .orElseThrow();
        assertThat(item.reasons()).contains(Reason.READING_SAME, Reason.BIRTH_SAME, Reason.PHONE_SAME);
        linkage.confirm(item.id(), item.version());
        assertThat(linkage.linkedWith(sonId)).containsExactly(earlier.person().id());
        assertThat(audit.recent(linkage.identityOf(sonId).orElseThrow(), 5))
                .extracting(AuditEventView::purpose)
                .contains("confirm link");

        // a link opens nothing: the centre still may not read the other agency's record
        PeopleFixtures.actAs(users, "caseworker");
        assertThatThrownBy(() -> people.person(earlier.person().id(), "test"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> linkage.unlink(sonId)).isInstanceOf(AccessDeniedException.class);

        PeopleFixtures.actAs(users, "coordinator");
        linkage.unlink(sonId);
        assertThat(linkage.identityOf(sonId)).isEmpty();
        assertThat(linkage.identityOf(earlier.person().id())).isEmpty();
    }

    @Test
    @WithUserDetails("caseworker")
    void aSharedPhoneAndAddressInOneFamilyIsNoDuplicate() {
        MemberView mother = people.register(
                person("共電", "陽菜", "きょうでん", "ひな", Sex.FEMALE, LocalDate.of(1965, 5, 23), "美月野市桜台9-9-9", "043-820-2650"),
                newHousehold());
        PersonCommand husband =
                person("共電", "英樹", "きょうでん", "ひでき", Sex.MALE, LocalDate.of(1962, 4, 25), "美月野市桜台九丁目9番9号", "0438202650");
        MemberView registered = people.registerOnce(UUID.randomUUID(), husband, newHousehold(), true);
        assertThat(registered.person().id()).isNotEqualTo(mother.person().id());
    }

    private static PersonCommand approximately(PersonCommand p, ApproximateBirth birth) {
        return copy(p, p.formerNames(), birth);
    }

    @Test
    @WithUserDetails("caseworker")
    void anApproximateDateOfBirthIsStoredShownAsSuchAndLinkedAtLowerWeight() {
        MemberView exact = people.register(
                person("推定野", "トメ", "すいていの", "とめ", Sex.FEMALE, LocalDate.of(1946, 3, 9), null, null), newHousehold());
        // an intake record: "80歳くらい" in 2026 is a year estimated around 1946
        MemberView around = people.register(
                approximately(
                        person("推定野", "トメ", "すいていの", "とめ", Sex.FEMALE, null, null, null),
                        new ApproximateBirth(1946, 0, true)),
                newHousehold());
        PersonView stored = people.person(around.person().id(), "test");
        assertThat(stored.birthDate()).isNull();
        assertThat(stored.approximateBirth()).isEqualTo(new ApproximateBirth(1946, 0, true));
        assertThat(stored.birthKnown()).isTrue();
        assertThat(stored.ageOn(LocalDate.of(2026, 12, 5))).isEqualTo(80);

        var candidates = linkage.linkPerson(around.person().id());
        var pair = candidates.stream()
                .filter(c -> c.b().equals(exact.person().id()))
                .findFirst()
                .orElseThrow();
        assertThat(pair.reasons()).contains(Reason.BIRTH_APPROXIMATE);

        // the same pair with the exact date weighs more than with the estimated year
        MemberView exactTwin = people.register(
                person("推定野", "トメ", "すいていの", "とめ", Sex.FEMALE, LocalDate.of(1946, 3, 9), null, null), newHousehold());
        double exactWeight = linkage.linkPerson(exactTwin.person().id()).stream()
                .filter(c -> c.b().equals(exact.person().id()))
                .findFirst()
                .orElseThrow()
                .weight();
        assertThat(exactWeight).isGreaterThan(pair.weight());

        // a year still to come is refused at the field
        assertThatThrownBy(() -> people.register(
                        approximately(
                                person("推定野", "未来", "すいていの", "みらい", Sex.FEMALE, null, null, null),
                                new ApproximateBirth(LocalDate.now().getYear() + 1, 0, false)),
                        newHousehold()))
                .isInstanceOfSatisfying(org.marugoto.shared.RuleViolation.class, v -> assertThat(v.field())
                        .isEqualTo("birthDate"));
    }

    @Test
    @WithUserDetails("caseworker")
    void anEditIsRelinkedAsSaved() {
        MemberView first = people.register(
                person("編集野", "次郎", "へんしゅうの", "じろう", Sex.MALE, LocalDate.of(1958, 2, 14), null, null), newHousehold());
        MemberView second = people.register(
                person("編集野", "治郎", "へんしゅうの", "はるお", Sex.MALE, LocalDate.of(1971, 9, 30), null, null), newHousehold());
        PeopleFixtures.actAs(users, "coordinator");
        assertThat(queued(first.person().id(), second.person().id())).isFalse();

        PeopleFixtures.actAs(users, "caseworker");
        people.update(
                second.person().id(),
                second.person().version(),
                person("編集野", "次郎", "へんしゅうの", "じろう", Sex.MALE, LocalDate.of(1958, 2, 14), null, null));

        PeopleFixtures.actAs(users, "coordinator");
        assertThat(queued(first.person().id(), second.person().id()))
                .as("the corrected record reaches the queue")
                .isTrue();
    }

    @Test
    @WithUserDetails("coordinator")
    void unlinkingFromThePersonPageIsStaleSafe() {
        PeopleFixtures.actAs(users, "caseworker");
        MemberView a = people.register(
                person("解除野", "花子", "かいじょの", "はなこ", Sex.FEMALE, LocalDate.of(1960, 6, 6), null, null), newHousehold());
        MemberView b = people.register(
                person("解除野", "花子", "かいじょの", "はなこ", Sex.FEMALE, LocalDate.of(1960, 6, 6), null, null), newHousehold());
        PeopleFixtures.actAs(users, "coordinator");
        LinkageService.QueueItem item = linkage.queue().stream()
                .filter(i -> i.a().personId().equals(b.person().id())
                        || i.b().personId().equals(b.person().id()))
                .findFirst()
                .orElseThrow();
        linkage.confirm(item.id(), item.version());
        UUID identity = linkage.identityOf(b.person().id()).orElseThrow();

        linkage.unlink(b.person().id(), identity);
        assertThat(linkage.identityOf(a.person().id())).isEmpty();
        assertThatThrownBy(() -> linkage.unlink(b.person().id(), identity))
                .as("a second submit changes nothing")
                .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
        assertThat(audit.recent(identity, 5))
                .extracting(AuditEventView::purpose)
                .contains("unlink");
    }

    private boolean queued(UUID x, UUID y) {
        return linkage.queue().stream()
                .anyMatch(i -> (i.a().personId().equals(x) && i.b().personId().equals(y))
                        || (i.a().personId().equals(y) && i.b().personId().equals(x)));
    }

    private static final String[] GIVEN = {"一郎", "二郎", "三郎", "健", "誠", "聡", "豊", "勇", "茂", "実"};
    private static final String[] GIVEN_KANA = {"いちろう", "じろう", "さぶろう", "けん", "まこと", "さとし", "ゆたか", "いさむ", "しげる", "みのる"};

    @Test
    @WithUserDetails("caseworker")
    void aCommonFamilyNameAgreeingWeighsLessThanARareOneOnRegistration() {
        // a city in which 頻田 (ひんだ) is a common family name: one person in 15 (at least 40; other tests of the run
        // have registered persons before), and others with rarer names
        int before = jdbc.sql("select count(*) from person where municipality_id = ?")
                .params(tenancy.municipalityId())
                .query(Long.class)
                .single()
                .intValue();
        for (int i = 0; i < Math.max(40, before / 14 + 1); i++) {
            people.register(
                    person(
                            "頻田",
                            GIVEN[i % 10],
                            "ひんだ",
                            GIVEN_KANA[i % 10],
                            Sex.MALE,
                            LocalDate.of(1940 + i % 60, 1 + i % 12, 1 + i % 28),
                            null,
                            null),
                    newHousehold());
        }
        String[] families = {"梓沢", "檜垣内", "鴇田", "杢野", "榊間", "楡井", "樫尾", "椚田", "栂池", "柊木"};
        String[] familyKana = {"あずさわ", "ひがきうち", "ときた", "もくの", "さかきま", "にれい", "かしお", "くぬぎだ", "とがいけ", "ひいらぎ"};
        int persons = jdbc.sql("select count(*) from person where municipality_id = ?")
                .params(tenancy.municipalityId())
                .query(Long.class)
                .single()
                .intValue();
        for (int i = 0; persons < 260; i++, persons++) {
            people.register(
                    person(
                            families[i % 10],
                            GIVEN[(i / 10) % 10],
                            familyKana[i % 10],
                            GIVEN_KANA[(i / 10) % 10],
                            Sex.MALE,
                            LocalDate.of(1930 + i % 60, 1 + i % 12, 1 + i % 27),
                            null,
                            null),
                    newHousehold());
        }
        LocalDate born = LocalDate.of(1951, 6, 17);
        UUID common = people.register(person("頻田", "善造", "ひんだ", "ぜんぞう", Sex.MALE, born, null, null), newHousehold())
                .person()
                .id();
        UUID rare = people.register(person("稀野", "善造", "まれの", "ぜんぞう", Sex.MALE, born, null, null), newHousehold())
                .person()
                .id();

        // the same agreement (full name, reading, date of birth, sex) with each
        Candidate withCommon =
                linkage.candidatesFor(person("頻田", "善造", "ひんだ", "ぜんぞう", Sex.MALE, born, null, null), null).stream()
                        .filter(c -> c.b().equals(common))
                        .findFirst()
                        .orElseThrow();
        Candidate withRare =
                linkage.candidatesFor(person("稀野", "善造", "まれの", "ぜんぞう", Sex.MALE, born, null, null), null).stream()
                        .filter(c -> c.b().equals(rare))
                        .findFirst()
                        .orElseThrow();
        assertThat(withCommon.weight()).isLessThan(withRare.weight() - 2);
        assertThat(withCommon.reasons()).contains(Reason.NAME_COMMON);
        assertThat(withRare.reasons()).doesNotContain(Reason.NAME_COMMON);

        // on save too: the namesakes registered anyway, each linked as saved
        UUID commonAgain = people.register(
                        person("頻田", "善造", "ひんだ", "ぜんぞう", Sex.MALE, born, null, null), newHousehold())
                .person()
                .id();
        UUID rareAgain = people.register(person("稀野", "善造", "まれの", "ぜんぞう", Sex.MALE, born, null, null), newHousehold())
                .person()
                .id();
        double savedCommon = linkage.linkPerson(commonAgain).stream()
                .filter(c -> c.b().equals(common))
                .findFirst()
                .orElseThrow()
                .weight();
        double savedRare = linkage.linkPerson(rareAgain).stream()
                .filter(c -> c.b().equals(rare))
                .findFirst()
                .orElseThrow()
                .weight();
        assertThat(savedCommon).isLessThan(savedRare - 2);

        // cheap: the frequencies cost a few index range scans (measured here on the test population)
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            linkage.candidatesFor(person("頻田", "善造", "ひんだ", "ぜんぞう", Sex.MALE, born, null, null), null);
        }
        System.out.printf(
                "candidatesFor with frequencies: %.2f ms per call over %d persons%n",
                (System.nanoTime() - start) / 20e6, persons);
    }

    @Test
    @WithUserDetails("caseworker")
    void aMarriedNameMeetsTheMaidenNameFromEitherSideWithoutASharedDate() {
        // the maiden-name record first, known only by year and month of birth: no reading, date or phone in common
        MemberView maiden = people.register(
                approximately(
                        person("旧姓野", "美千代", "きゅうせいの", "みちよ", Sex.FEMALE, null, "美月野市桜台7-2-11", null),
                        new ApproximateBirth(1961, 8, false)),
                newHousehold());
        PersonCommand married = withFormerNames(
                approximately(
                        person("婚後田", "美千代", "こんごだ", "みちよ", Sex.FEMALE, null, "美月野市桜台7-2-11", null),
                        new ApproximateBirth(1961, 8, false)),
                "旧姓野");
        assertThat(linkage.candidatesFor(married, null))
                .as("the new record's former name with its given name is the maiden-name record's name")
                .anyMatch(c -> c.b().equals(maiden.person().id()));

        // the other way round: the married record (two former names) first, the maiden-name record after it
        MemberView second = people.register(
                withFormerNames(
                        approximately(
                                person("婚後川", "千代子", "こんごかわ", "ちよこ", Sex.FEMALE, null, "美月野市桜台7-3-1", null),
                                new ApproximateBirth(1958, 2, false)),
                        "旧姓川、前夫田"),
                newHousehold());
        PersonCommand later = approximately(
                person("前夫田", "千代子", "ぜんぷだ", "ちよこ", Sex.FEMALE, null, "美月野市桜台7-3-1", null),
                new ApproximateBirth(1958, 2, false));
        assertThat(linkage.candidatesFor(later, null))
                .as("a family name that begins the second former name of another record")
                .anyMatch(c -> c.b().equals(second.person().id()));
        // a family name inside a former name, not at its start, is no key (藤 is not 佐藤)
        PersonCommand inside = person("夫田", "千代子", "ふだ", "ちよこ", Sex.FEMALE, null, null, null);
        assertThat(linkage.candidatesFor(inside, null))
                .noneMatch(c -> c.b().equals(second.person().id()));
    }

    private static PersonCommand withFormerNames(PersonCommand p, String formerNames) {
        return copy(p, formerNames, p.approximateBirth());
    }

    private static PersonCommand copy(
            PersonCommand p,
            @org.jspecify.annotations.Nullable String formerNames,
            @org.jspecify.annotations.Nullable ApproximateBirth birth) {
        return new PersonCommand(
                p.familyName(),
                p.givenName(),
                p.familyNameKana(),
                p.givenNameKana(),
                formerNames,
                p.sex(),
                birth == null ? p.birthDate() : null,
                p.address(),
                p.areaId(),
                p.livingSituation(),
                p.phone(),
                p.email(),
                p.nationality(),
                p.preferredLanguage(),
                p.note(),
                birth);
    }
}
