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
import org.marugoto.people.linkage.Reason;
import org.springframework.beans.factory.annotation.Autowired;
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
}
