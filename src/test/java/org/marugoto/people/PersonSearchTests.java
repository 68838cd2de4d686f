package org.marugoto.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marugoto.people.PeopleFixtures.joining;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marugoto.MarugotoTest;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.people.domain.PeopleService;
import org.marugoto.people.domain.PersonSearch;
import org.marugoto.people.domain.SearchHit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/** Search finds people however their name, reading, date of birth, phone or address is typed. */
@MarugotoTest
class PersonSearchTests {

    @Autowired
    PeopleService people;

    @Autowired
    PersonSearch search;

    @Autowired
    AuditApi audit;

    @Autowired
    UserDetailsService users;

    static UUID takahashi;
    static String caseNumber;

    @BeforeEach
    void registerOnce() {
        if (takahashi != null) {
            return;
        }
        PeopleFixtures.actAs(users, "caseworker4");
        MemberView member = people.register(
                person("髙嶋", "譲二", "たかしま", "じょうじ", Sex.MALE, LocalDate.of(1970, 4, 1), "美月野市緑町二丁目3番4号", "0470-88-1234"),
                newHousehold());
        people.register(
                person("髙嶋", "ヨシ", "たかしま", "よし", Sex.FEMALE, LocalDate.of(1939, 12, 24), null, null),
                joining(member.householdId(), Relationship.PARENT));
        takahashi = member.person().id();
        caseNumber = people.household(member.householdId(), "test").caseNumber();
    }

    List<UUID> found(String query) {
        return search.search(query).stream().map(h -> h.person().id()).toList();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "たかしま じょうじ",
                "タカシマ",
                "ﾀｶｼﾏ ｼﾞｮｳｼﾞ",
                "takashima",
                "Takashima Jouji",
                "TAKASHIMA JOJI",
                "高嶋",
                "髙嶋譲二",
                "高島 譲二",
                "昭和45年4月1日",
                "S45.4.1",
                "s45/4/1",
                "1970-04-01",
                "1970/4/1",
                "昭和45年",
                "０４７０－８８－１２３４",
                "0470881234",
                "(0470)88-1234",
                "緑町2-3-4",
                "緑町二丁目3番",
                "たかしま S45.4.1",
                // #18: a phone in groups with spaces, full width with brackets; a reading across the family/given
                // boundary with a date; a typo in the given name with a date
                "0470 88 1234",
                "（０４７０）８８－１２３４",
                "たかし まじょうじ S45.4.1",
                "たかしま じょうぢ 1970-04-01"
            })
    @WithUserDetails("caseworker4")
    void findsTheSamePersonHoweverTheQueryIsWritten(String query) {
        assertThat(found(query)).as(query).contains(takahashi);
    }

    @Test
    @WithUserDetails("caseworker4")
    void findsTheHouseholdByItsCaseNumber() {
        assertThat(found(caseNumber)).hasSize(2).contains(takahashi);
    }

    @Test
    @WithUserDetails("caseworker4")
    void ranksTheBestMatchFirstAndSaysWhy() {
        List<SearchHit> hits = search.search("たかしま じょうじ 1970-04-01");
        SearchHit first = hits.getFirst();
        assertThat(first.person().id()).isEqualTo(takahashi);
        assertThat(first.reasons()).contains("search.reason.readingStarts", "search.reason.birthDate");
        assertThat(first.households()).isNotEmpty();
    }

    @Test
    @WithUserDetails("caseworker4")
    void aDateOfAnotherPersonDoesNotMatch() {
        assertThat(found("S45.4.2")).doesNotContain(takahashi);
    }

    @Test
    @WithUserDetails("caseworker4")
    void theSearchIsAuditedWithItsQuery() {
        search.search("監査される検索");
        assertThat(audit.recent(null, 20))
                .filteredOn(e -> e.action() == AuditAction.SEARCH && e.details().contains("監査される検索"))
                .isNotEmpty();
    }

    @Test
    @WithUserDetails("caseworker")
    void staffOfAnotherAgencyDoNotFindThePerson() {
        assertThat(found("たかしま じょうじ")).doesNotContain(takahashi);
        assertThat(found("0470-88-1234")).doesNotContain(takahashi);
    }

    @Test
    @WithUserDetails("planner")
    void plannersCannotSearchPersons() {
        assertThatThrownBy(() -> search.search("たかしま")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("caseworker4")
    void duplicatesAreFoundBeforeRegistering() {
        List<SearchHit> duplicates =
                people.duplicates(person("高島", "譲二", "タカシマ", "ジョウジ", Sex.MALE, LocalDate.of(1970, 4, 1), null, null));
        assertThat(duplicates).extracting(h -> h.person().id()).contains(takahashi);
        assertThat(duplicates.getFirst().reasons()).contains("linkage.reason.readingSame", "linkage.reason.birthSame");

        assertThat(people.duplicates(person("別人", "です", "べつじん", "です", Sex.MALE, LocalDate.of(1990, 1, 1), null, null)))
                .extracting(h -> h.person().id())
                .doesNotContain(takahashi);
    }

    @Test
    @WithUserDetails("caseworker4")
    void severalWordsNarrowTheSearchAndFallBackWhenNothingMatchesThemAll() {
        List<SearchHit> both = search.search("たかしま よし");
        assertThat(both).isNotEmpty();
        assertThat(both.getFirst().person().givenName()).isEqualTo("ヨシ");
        assertThat(both).extracting(h -> h.person().id()).doesNotContain(takahashi);

        // a second word that matches nobody does not lose the first: the search falls back to any word
        assertThat(found("たかしま ぜんぜんちがう")).contains(takahashi);
    }

    static UUID kikuya;
    static UUID kikuyaSon;

    /**
     * The notations of issue #18, literally: a phone in groups with spaces, a reading across the family/given boundary
     * (stored as one reading きくやあきら) with a date, a typo in the given name with a date (the date does not turn the
     * fallback off), a full-width phone with brackets.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "043 492 9783",
                "キクヤ アキラ",
                "キクヤ アキラ S49.7.3",
                "きくや あきら 1974-07-03",
                "きくや あきお S49.7.3",
                "菊谷 晃 昭和49年7月3日",
            })
    @WithUserDetails("caseworker4")
    void findsTheNotationsOfIssue18(String query) {
        registerKikuya();
        assertThat(found(query)).as(query).contains(kikuya);
    }

    @Test
    @WithUserDetails("caseworker4")
    void findsAFullWidthPhoneWithBracketsAndAWrongDateStillFindsNobody() {
        registerKikuya();
        assertThat(found("０９０（１２３４）５６７８")).contains(kikuyaSon);
        assertThat(found("090 1234 5678")).contains(kikuyaSon);
        // the fallback keeps the date: a given-name typo with another person's date finds neither
        assertThat(found("きくや あきお S49.7.4")).doesNotContain(kikuya);
    }

    @Test
    @WithUserDetails("caseworker4")
    void aPersonWithoutAReadingIsFoundByNameAndSortedAfterThoseWithOne() {
        registerKikuya();
        MemberView noReading = people.register(
                person("菊谷", "未読", "", null, Sex.MALE, LocalDate.of(1990, 2, 2), null, null), newHousehold());
        List<SearchHit> hits = search.search("菊谷");
        assertThat(hits)
                .extracting(h -> h.person().id())
                .contains(noReading.person().id(), kikuya);
        assertThat(hits.stream()
                        .filter(h -> h.person().id().equals(noReading.person().id()))
                        .findFirst()
                        .orElseThrow()
                        .person()
                        .readingRecorded())
                .isFalse();
        // a reading search does not match everyone without a reading
        assertThat(found("くくくくく")).doesNotContain(noReading.person().id());
    }

    private void registerKikuya() {
        if (kikuya != null) {
            return;
        }
        MemberView member = people.register(
                person("菊谷", "晃", "きくやあきら", null, Sex.MALE, LocalDate.of(1974, 7, 3), null, "043-492-9783"),
                newHousehold());
        kikuya = member.person().id();
        kikuyaSon = people.register(
                        person("菊谷", "光", "きくや", "ひかる", Sex.MALE, LocalDate.of(2001, 1, 15), null, "090-1234-5678"),
                        joining(member.householdId(), Relationship.CHILD))
                .person()
                .id();
    }
}
