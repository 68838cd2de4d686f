package org.marugoto.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.access.domain.StaffService;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEventView;
import org.marugoto.shared.Actor;
import org.marugoto.shared.Ids;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

@MarugotoTest
class AccessDecisionPointTests {

    @Autowired
    AccessApi access;

    @Autowired
    StaffService staff;

    @Autowired
    AuditApi audit;

    Actor actor(String username) {
        return staff.loadUserByUsername(username);
    }

    RecordScope ownedBy(String username) {
        return RecordScope.ownedBy("consultation", Ids.newId(), actor(username).agencyId());
    }

    @Test
    void staffOfTheRecordingAgencyMayReadAndWrite() {
        RecordScope record = ownedBy("caseworker");
        assertThat(access.mayAccess(actor("caseworker"), PersonalDataAction.READ, record))
                .isTrue();
        assertThat(access.mayAccess(actor("supervisor"), PersonalDataAction.WRITE, record))
                .isTrue();
    }

    @Test
    void sameRoleInAnotherAgencyIsRefusedUnlessShared() {
        RecordScope record = ownedBy("caseworker");
        Actor other = actor("caseworker2");
        assertThat(access.mayAccess(other, PersonalDataAction.READ, record)).isFalse();

        RecordScope shared =
                new RecordScope("consultation", record.recordId(), record.ownerAgencyId(), Set.of(other.agencyId()));
        assertThat(access.mayAccess(other, PersonalDataAction.READ, shared)).isTrue();
    }

    @Test
    void administratorsPlannersAndAuditorsSeeNoPersonalDataByRole() {
        for (String username : new String[] {"admin", "planner", "auditor"}) {
            RecordScope ownRecord = RecordScope.ownedBy(
                    "consultation", Ids.newId(), actor(username).agencyId());
            assertThat(access.mayAccess(actor(username), PersonalDataAction.READ, ownRecord))
                    .as(username)
                    .isFalse();
        }
    }

    @Test
    void volunteersReadNothingByTheirAgencyAndNeverSearchOrExport() {
        Actor volunteer = actor("minsei");
        RecordScope shared =
                new RecordScope("household", Ids.newId(), actor("csw").agencyId(), Set.of(volunteer.agencyId()));
        RecordScope own = RecordScope.ownedBy("consultation", Ids.newId(), volunteer.agencyId());
        for (RecordScope record : new RecordScope[] {shared, own}) {
            for (PersonalDataAction action : PersonalDataAction.values()) {
                assertThat(access.mayAccess(volunteer, action, record))
                        .as(action + " " + record.recordType())
                        .isFalse();
            }
        }
    }

    @Test
    void volunteersReadAndWriteOnlyTheRecordsThatNameThem() {
        Actor volunteer = actor("minsei");
        RecordScope theirs = RecordScope.members(
                "watch-concern", Ids.newId(), actor("caseworker").agencyId(), Set.of(volunteer.accountId()), false);
        assertThat(access.mayAccess(volunteer, PersonalDataAction.READ, theirs)).isTrue();
        assertThat(access.mayAccess(volunteer, PersonalDataAction.WRITE, theirs))
                .isTrue();
        assertThat(access.mayAccess(volunteer, PersonalDataAction.EXPORT, theirs))
                .isFalse();
        assertThat(access.mayAccess(actor("minsei2"), PersonalDataAction.READ, theirs))
                .isFalse();
    }

    @Test
    void onlySupervisorsExportTheirAgencysRecords() {
        RecordScope record = ownedBy("caseworker");
        assertThat(access.mayAccess(actor("caseworker"), PersonalDataAction.EXPORT, record))
                .isFalse();
        assertThat(access.mayAccess(actor("supervisor"), PersonalDataAction.EXPORT, record))
                .isTrue();
    }

    @Test
    @WithUserDetails("caseworker")
    void aGrantedReadIsAudited() {
        RecordScope record = ownedBy("caseworker");
        access.authorize(PersonalDataAction.READ, record, "intake");

        assertThat(audit.recent(record.recordId(), 5)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.READ);
            assertThat(e.actorUsername()).isEqualTo("caseworker");
            assertThat(e.purpose()).isEqualTo("intake");
        });
    }

    @Test
    @WithUserDetails("caseworker2")
    void aRefusalIsAuditedAndThrown() {
        RecordScope record = ownedBy("caseworker");
        assertThatThrownBy(() -> access.authorize(PersonalDataAction.READ, record, "curiosity"))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(audit.recent(record.recordId(), 5))
                .extracting(AuditEventView::action)
                .containsExactly(AuditAction.ACCESS_DENIED);
    }
}
