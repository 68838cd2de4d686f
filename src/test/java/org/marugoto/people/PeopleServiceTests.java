package org.marugoto.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marugoto.people.PeopleFixtures.joining;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEventView;
import org.marugoto.people.domain.PeopleService;
import org.marugoto.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

@MarugotoTest
class PeopleServiceTests {

    @Autowired
    PeopleService people;

    @Autowired
    AuditApi audit;

    @Autowired
    UserDetailsService users;

    @Test
    @WithUserDetails("caseworker")
    void registersAHouseholdOfThreeGenerationsWithHistory() {
        MemberView son = people.register(
                person("試験", "一郎", "しけん", "いちろう", Sex.MALE, LocalDate.of(1975, 4, 1), "美月野市桜台1-2-3", null),
                newHousehold());
        var household = son.householdId();
        people.register(
                person("試験", "ハナ", "しけん", "はな", Sex.FEMALE, LocalDate.of(1945, 1, 2), null, null),
                joining(household, Relationship.PARENT));
        MemberView grandchild = people.register(
                person("試験", "蒼", "しけん", "あおい", Sex.NOT_STATED, LocalDate.of(2010, 8, 8), null, null),
                joining(household, Relationship.CHILD));

        List<MemberView> members = people.members(household);
        assertThat(members).hasSize(3);
        assertThat(PeopleService.byGeneration(members).keySet()).containsExactly(-1, 0, 1);
        assertThat(people.household(household, "test").name()).isEqualTo("試験家");
        assertThat(people.household(household, "test").caseNumber()).matches("H\\d{4}-\\d{5}");

        people.endMembership(grandchild.id(), grandchild.version(), LocalDate.of(2025, 3, 31), MembershipEnd.MOVED_OUT);
        List<MemberView> after = people.members(household);
        assertThat(after).hasSize(3);
        assertThat(after).filteredOn(MemberView::current).hasSize(2);
        assertThat(after).filteredOn(m -> !m.current()).singleElement().satisfies(m -> assertThat(m.endReason())
                .isEqualTo(MembershipEnd.MOVED_OUT));
    }

    @Test
    @WithUserDetails("caseworker")
    void aDeathIsRecordedOnThePersonAndKeptInTheHousehold() {
        MemberView wife = people.register(
                person("死亡", "花", "しぼう", "はな", Sex.FEMALE, LocalDate.of(1940, 1, 1), null, null), newHousehold());
        MemberView husband = people.register(
                person("死亡", "太郎", "しぼう", "たろう", Sex.MALE, LocalDate.of(1938, 1, 1), null, null),
                joining(wife.householdId(), Relationship.SPOUSE));

        people.endMembership(husband.id(), husband.version(), LocalDate.of(2026, 1, 5), MembershipEnd.DIED);

        assertThat(people.person(husband.person().id(), "test").deceasedOn()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThatThrownBy(() -> people.endMembership(
                        husband.id(), husband.version() + 1, LocalDate.of(2026, 1, 6), MembershipEnd.MOVED_OUT))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("household.error.alreadyEnded"));
    }

    @Test
    @WithUserDetails("caseworker")
    void refusesImpossibleValues() {
        assertThatThrownBy(() -> people.register(
                        person(
                                "未来",
                                "子",
                                "みらい",
                                "こ",
                                Sex.FEMALE,
                                LocalDate.now().plusDays(10),
                                null,
                                null),
                        newHousehold()))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("birthDate"));
        assertThatThrownBy(() ->
                        people.register(person("漢字", "読み", "漢字", "よみ", Sex.MALE, null, null, null), newHousehold()))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("validation.kana"));
        assertThatThrownBy(() -> people.register(
                        person("電話", "番号", "でんわ", "ばんごう", Sex.MALE, null, null, "090-1234-abcd"), newHousehold()))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("phone"));
    }

    @Test
    @WithUserDetails("caseworker")
    void twoEditorsNeverOverwriteEachOther() {
        MemberView member = people.register(
                person("競合", "一", "きょうごう", "はじめ", Sex.MALE, LocalDate.of(1980, 2, 2), null, null), newHousehold());
        PersonView seen = member.person();
        PersonCommand first = person("競合", "一", "きょうごう", "はじめ", Sex.MALE, LocalDate.of(1980, 2, 2), "先に保存した住所", null);
        PersonCommand second = person("競合", "一", "きょうごう", "はじめ", Sex.MALE, LocalDate.of(1980, 2, 2), "後の住所", null);

        people.update(seen.id(), seen.version(), first);

        assertThatThrownBy(() -> people.update(seen.id(), seen.version(), second))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(people.person(seen.id(), "test").address()).isEqualTo("先に保存した住所");
    }

    @Test
    @WithUserDetails("caseworker")
    void everyReadIsAudited() {
        MemberView member =
                people.register(person("監査", "読", "かんさ", "よみ", Sex.FEMALE, null, null, null), newHousehold());
        people.person(member.person().id(), "person page");

        assertThat(audit.recent(member.person().id(), 10))
                .extracting(AuditEventView::action)
                .contains(AuditAction.CREATE, AuditAction.READ);
    }

    @Test
    @WithUserDetails("caseworker")
    void anotherAgencyCannotReadTheHousehold() {
        MemberView member =
                people.register(person("秘密", "守", "ひみつ", "まもる", Sex.MALE, null, null, null), newHousehold());

        PeopleFixtures.actAs(users, "caseworker2");
        assertThatThrownBy(() -> people.household(member.householdId(), "curiosity"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> people.person(member.person().id(), "curiosity"))
                .isInstanceOf(AccessDeniedException.class);
    }
}
