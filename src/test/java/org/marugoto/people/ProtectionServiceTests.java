package org.marugoto.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marugoto.people.PeopleFixtures.joining;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.access.Reauthentication;
import org.marugoto.access.ReauthenticationRequired;
import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaLevel;
import org.marugoto.people.domain.PeopleService;
import org.marugoto.people.domain.PersonSearch;
import org.marugoto.people.domain.ProtectionService;
import org.marugoto.people.domain.SearchHit;
import org.marugoto.shared.Japan;
import org.marugoto.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * DV/stalking protection (支援措置): every view of the people module masks the protected person and the members
 * named; search never matches them by address or phone; only the privacy officer reveals, re-authenticated and
 * audited; setting and ending are for staff who may change the household, and ending keeps the history.
 */
@MarugotoTest
class ProtectionServiceTests {

    @Autowired
    PeopleService people;

    @Autowired
    PersonSearch search;

    @Autowired
    ProtectionService protection;

    @Autowired
    AreaApi areas;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    record Raw(UUID id, String address, String phone, String email, String note, UUID areaId) {}

    /** What is stored for the demo's protected mother, read past the module's views. */
    Raw ayaka() {
        return jdbc.sql("""
                        select id, address, phone, email, note, area_id from person
                        where family_name = '野々村' and given_name = '彩花'
                        """)
                .query((rs, i) -> new Raw(
                        rs.getObject("id", UUID.class),
                        rs.getString("address"),
                        rs.getString("phone"),
                        rs.getString("email"),
                        rs.getString("note"),
                        rs.getObject("area_id", UUID.class)))
                .single();
    }

    UUID householdOf(UUID personId) {
        return jdbc.sql("select household_id from household_member where person_id = ?")
                .param(personId)
                .query(UUID.class)
                .single();
    }

    static void assertMasked(PersonView view) {
        assertThat(view.masked()).isTrue();
        assertThat(view.address()).isNull();
        assertThat(view.phone()).isNull();
        assertThat(view.email()).isNull();
        assertThat(view.note()).isNull();
    }

    void reauthenticatedJustNow() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.getSession(true).setAttribute(Reauthentication.SESSION_ATTRIBUTE, clock.instant());
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @Test
    void everyViewOfTheProtectedMotherAndHerSonIsMasked() {
        Raw raw = ayaka();
        assertThat(raw.address()).isNotBlank();
        assertThat(raw.phone()).isNotBlank();
        PeopleFixtures.actAs(users, "caseworker3");

        PersonView person = people.person(raw.id(), "test");
        assertMasked(person);
        assertThat(person.fullName()).isEqualTo("野々村 彩花");
        assertThat(person.birthDate()).isNotNull();
        // the area is kept only down to the 日常生活圏域
        assertThat(raw.areaId()).isNotNull();
        assertThat(areas.find(raw.areaId()).orElseThrow().level()).isEqualTo(AreaLevel.NEIGHBOURHOOD_ASSOCIATION);
        assertThat(person.areaId()).isNotNull().isNotEqualTo(raw.areaId());
        assertThat(areas.find(person.areaId()).orElseThrow().level()).isEqualTo(AreaLevel.DAILY_LIFE_AREA);

        UUID household = householdOf(raw.id());
        HouseholdView householdView = people.household(household, "test");
        assertThat(householdView.masked()).isTrue();
        assertThat(householdView.address()).isNull();
        assertThat(people.householdsOf(raw.id()))
                .allSatisfy(h -> assertThat(h.masked()).isTrue());
        List<MemberView> members = people.members(household);
        assertThat(members).hasSize(2).allSatisfy(m -> assertMasked(m.person()));
        // the son is named in his mother's protection: his school (in the note) is withheld too
        assertThat(members).anySatisfy(m -> assertThat(m.person().givenName()).isEqualTo("湊"));

        // nothing that could end up in a log line prints the values
        for (Object o : List.of(person, householdView, members.getFirst())) {
            assertThat(o.toString()).doesNotContain(raw.address(), raw.phone(), raw.email());
        }
    }

    @Test
    void searchFindsThemByNameAndBirthDateButNeverByAddressOrPhone() {
        Raw raw = ayaka();
        PeopleFixtures.actAs(users, "caseworker3");

        List<SearchHit> byName = search.search("ののむら あやか");
        assertThat(byName).anySatisfy(hit -> {
            assertThat(hit.person().id()).isEqualTo(raw.id());
            assertMasked(hit.person());
            assertThat(hit.households()).allSatisfy(h -> assertThat(h.address()).isNull());
            assertThat(hit.reasons()).isNotEmpty().doesNotContain("search.reason.address", "search.reason.phone");
        });
        PersonView found = byName.stream()
                .filter(h -> h.person().id().equals(raw.id()))
                .findFirst()
                .orElseThrow()
                .person();
        assertThat(search.search(found.birthDate().toString()))
                .anySatisfy(hit -> assertThat(hit.person().id()).isEqualTo(raw.id()));

        assertThat(search.search(raw.phone()))
                .noneSatisfy(hit -> assertThat(hit.person().id()).isEqualTo(raw.id()));
        assertThat(search.search("コーポ若葉"))
                .noneSatisfy(hit -> assertThat(hit.person().id()).isEqualTo(raw.id()));
        assertThat(search.search("ののむら コーポ若葉"))
                .allSatisfy(hit -> assertThat(hit.reasons()).doesNotContain("search.reason.address"));

        // the searches are audited with their query, but not with what would say where she lives
        assertThat(jdbc.sql("select details from audit_event where action = 'SEARCH'")
                        .query(String.class)
                        .list())
                .isNotEmpty()
                .noneSatisfy(details -> assertThat(details).containsAnyOf(raw.phone(), "コーポ若葉"))
                .anySatisfy(details -> assertThat(details).contains("ののむら [protected]"));

        // the duplicate check does not point at her from a phone number or an address either
        List<SearchHit> duplicates =
                people.duplicates(person("別人", "花子", "べつじん", "はなこ", Sex.FEMALE, null, raw.address(), raw.phone()));
        assertThat(duplicates).noneSatisfy(hit -> assertThat(hit.person().id()).isEqualTo(raw.id()));
    }

    @Test
    void staffWhoMayChangeTheHouseholdProtectAndEndKeepingTheHistory() {
        PeopleFixtures.actAs(users, "caseworker");
        MemberView mother = people.register(
                person(
                        "保護試験",
                        "明子",
                        "ほごしけん",
                        "あきこ",
                        Sex.FEMALE,
                        LocalDate.of(1990, 1, 1),
                        "美月野市駅前9-9-9",
                        "090-1111-2222"),
                newHousehold());
        MemberView daughter = people.register(
                person("保護試験", "芽衣", "ほごしけん", "めい", Sex.FEMALE, LocalDate.of(2015, 5, 5), "美月野市駅前9-9-9", null),
                joining(mother.householdId(), Relationship.CHILD));
        assertThat(search.search("090-1111-2222"))
                .anySatisfy(hit ->
                        assertThat(hit.person().id()).isEqualTo(mother.person().id()));

        // another agency that does not know the household may not protect (or learn of) it
        PeopleFixtures.actAs(users, "caseworker2");
        ProtectionCommand command = new ProtectionCommand(
                ProtectionKind.STALKING,
                Japan.today(clock),
                null,
                "美月野警察署",
                "勤務先は市外",
                List.of(daughter.person().id()));
        assertThatThrownBy(() -> protection.protect(mother.person().id(), command))
                .isInstanceOf(AccessDeniedException.class);

        PeopleFixtures.actAs(users, "caseworker");
        assertThatThrownBy(() -> protection.protect(
                        mother.person().id(),
                        new ProtectionCommand(ProtectionKind.DV, LocalDate.of(2026, 1, 1), null, " ", null, List.of())))
                .isInstanceOf(RuleViolation.class);
        ProtectionView recorded = protection.protect(mother.person().id(), command);
        assertThat(recorded.memberNames()).containsExactly("保護試験 芽衣");
        assertMasked(people.person(mother.person().id(), "test"));
        assertMasked(people.person(daughter.person().id(), "test"));
        assertThat(people.household(mother.householdId(), "test").address()).isNull();
        assertThat(search.search("090-1111-2222"))
                .noneSatisfy(hit ->
                        assertThat(hit.person().id()).isEqualTo(mother.person().id()));

        // editing the masked person with the withheld fields left empty keeps what is stored
        PersonView masked = people.person(mother.person().id(), "test");
        people.update(
                masked.id(),
                masked.version(),
                new PersonCommand(
                        masked.familyName(),
                        "明子",
                        masked.familyNameKana(),
                        "あきこ",
                        null,
                        Sex.FEMALE,
                        masked.birthDate(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
        assertThat(jdbc.sql("select address from person where id = ?")
                        .param(masked.id())
                        .query(String.class)
                        .single())
                .isEqualTo("美月野市駅前9-9-9");

        ProtectionView ended = protection.end(recorded.id(), recorded.version(), "転居し加害者との関係が解消した");
        assertThat(ended.active()).isFalse();
        assertThat(protection.protectionsOf(mother.person().id()))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.active()).isFalse();
                    assertThat(p.endedBy()).isEqualTo("caseworker");
                });
        PersonView after = people.person(mother.person().id(), "test");
        assertThat(after.masked()).isFalse();
        assertThat(after.address()).isEqualTo("美月野市駅前9-9-9");
        assertThatThrownBy(() -> protection.end(recorded.id(), ended.version(), "again"))
                .isInstanceOf(RuleViolation.class);
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'protection' and record_id = ?")
                        .param(recorded.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void onlyThePrivacyOfficerRevealsAfterReauthenticatingAndTheRevealIsAuditedWithoutTheValues() {
        Raw raw = ayaka();

        PeopleFixtures.actAs(users, "caseworker3");
        reauthenticatedJustNow();
        assertThatThrownBy(() -> protection.reveal(raw.id(), "確認")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> protection.activeProtections()).isInstanceOf(AccessDeniedException.class);

        PeopleFixtures.actAs(users, "privacy");
        RequestContextHolder.resetRequestAttributes();
        assertThat(protection.activeProtections()).anySatisfy(p -> {
            assertThat(p.personId()).isEqualTo(raw.id());
            assertThat(p.memberNames()).containsExactly("野々村 湊");
        });
        // a privacy officer sees no other personal data
        assertThatThrownBy(() -> people.person(raw.id(), "test")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> protection.reveal(raw.id(), "支援センターからの照会への回答"))
                .isInstanceOf(ReauthenticationRequired.class);
        reauthenticatedJustNow();
        assertThatThrownBy(() -> protection.reveal(raw.id(), " ")).isInstanceOf(RuleViolation.class);

        RevealedContact revealed = protection.reveal(raw.id(), "支援センターからの照会への回答");
        assertThat(revealed.address()).isEqualTo(raw.address());
        assertThat(revealed.phone()).isEqualTo(raw.phone());
        assertThat(revealed.email()).isEqualTo(raw.email());
        assertThat(revealed.areaName()).isEqualTo("若葉二丁目町内会");
        assertThat(revealed.protectionNotes()).isNotEmpty();
        assertThat(revealed.toString()).doesNotContain(raw.address(), raw.phone());

        String audited = jdbc.sql("""
                        select coalesce(purpose, '') || ' ' || details from audit_event
                        where record_id = ? and actor_username = 'privacy' order by occurred_at desc limit 1
                        """).param(raw.id()).query(String.class).single();
        assertThat(audited).contains("支援センターからの照会への回答", "REVEAL");
        assertThat(audited).doesNotContain(raw.address(), raw.phone(), raw.email());
    }
}
