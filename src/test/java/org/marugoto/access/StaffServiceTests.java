package org.marugoto.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.access.domain.StaffCommand;
import org.marugoto.access.domain.StaffService;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEventView;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithUserDetails;

@MarugotoTest
class StaffServiceTests {

    static final String PASSWORD = "correct-horse-battery";

    @Autowired
    StaffService staff;

    @Autowired
    DirectoryApi directory;

    @Autowired
    AuditApi audit;

    @Autowired
    PasswordEncoder passwords;

    UUID agency(String code) {
        return directory.agencyByCode(code).orElseThrow().id();
    }

    StaffCommand command(String agencyCode, Set<Role> roles, boolean enabled) {
        return new StaffCommand("試験 太郎", "しけん たろう", null, agency(agencyCode), roles, enabled);
    }

    @Test
    @WithUserDetails("admin")
    void createsAnAccountWithAHashedPasswordAndAuditsIt() {
        StaffView created = staff.create("t.create", PASSWORD, command("JIRITSU", Set.of(Role.CASEWORKER), true));

        assertThat(created.roles()).containsExactly(Role.CASEWORKER);
        var principal = staff.loadUserByUsername("t.create");
        assertThat(principal.getPassword()).startsWith("{bcrypt}").doesNotContain(PASSWORD);
        assertThat(passwords.matches(PASSWORD, principal.getPassword())).isTrue();
        assertThat(principal.agencyName()).isEqualTo("美月野市 くらし・しごと相談センター");
        assertThat(audit.recent(created.id(), 10))
                .extracting(AuditEventView::action)
                .contains(AuditAction.CREATE);
        assertThat(audit.recent(created.id(), 10))
                .allSatisfy(e -> assertThat(e.details()).doesNotContain(PASSWORD));
    }

    @Test
    @WithUserDetails("admin")
    void refusesBadInputAndCreatesNothing() {
        assertThatThrownBy(() -> staff.create("Bad Name!", PASSWORD, command("JIRITSU", Set.of(Role.CASEWORKER), true)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("username"));
        assertThatThrownBy(() -> staff.create("t.short", "short", command("JIRITSU", Set.of(Role.CASEWORKER), true)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("password.error.short"));
        assertThatThrownBy(() -> staff.create("t.norole", PASSWORD, command("JIRITSU", Set.of(), true)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("roles"));
        assertThatThrownBy(() -> staff.create("admin", PASSWORD, command("JIRITSU", Set.of(Role.CASEWORKER), true)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("staff.error.usernameTaken"));
        assertThat(staff.exists("t.short")).isFalse();
        assertThat(staff.exists("t.norole")).isFalse();
    }

    @Test
    @WithUserDetails("admin")
    void roleChangesAreAuditedAsPermissionChanges() {
        StaffView account = staff.create("t.roles", PASSWORD, command("HOKATSU-C", Set.of(Role.CASEWORKER), true));
        staff.update(
                account.id(),
                account.version(),
                command("HOKATSU-C", Set.of(Role.CASEWORKER, Role.AGENCY_SUPERVISOR), true));

        assertThat(audit.recent(account.id(), 10))
                .filteredOn(e -> e.action() == AuditAction.PERMISSION_CHANGE)
                .singleElement()
                .satisfies(e -> assertThat(e.details()).contains("after=AGENCY_SUPERVISOR+CASEWORKER"));
    }

    @Test
    @WithUserDetails("admin")
    void aStaleEditIsRefused() {
        StaffView account = staff.create("t.stale", PASSWORD, command("HOKATSU-E", Set.of(Role.CASEWORKER), true));
        staff.update(account.id(), account.version(), command("HOKATSU-E", Set.of(Role.CASEWORKER), false));

        assertThatThrownBy(() ->
                        staff.update(account.id(), account.version(), command("HOKATSU-E", Set.of(Role.PLANNER), true)))
                .isInstanceOf(OptimisticLockingFailureException.class);
        StaffView now = staff.get(account.id());
        assertThat(now.enabled()).isFalse();
        assertThat(now.roles()).containsExactly(Role.CASEWORKER);
    }

    @Test
    @WithUserDetails("admin2")
    void anAdministratorCannotLockThemselvesOut() {
        StaffView self = staff.search("admin2", null).getFirst();
        assertThatThrownBy(() -> staff.update(
                        self.id(),
                        self.version(),
                        new StaffCommand(
                                self.displayName(), null, null, self.agencyId(), Set.of(Role.SYSTEM_ADMIN), false)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("staff.error.disableSelf"));
        assertThatThrownBy(() -> staff.update(
                        self.id(),
                        self.version(),
                        new StaffCommand(self.displayName(), null, null, self.agencyId(), Set.of(Role.AUDITOR), true)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("staff.error.demoteSelf"));
    }

    @Test
    @WithUserDetails("admin")
    void repeatedFailedLoginsLockTheAccountUntilAnAdministratorUnlocksIt() {
        StaffView account = staff.create("t.lockout", PASSWORD, command("KODOMO", Set.of(Role.CASEWORKER), true));
        for (int i = 0; i < 4; i++) {
            staff.loginFailed("t.lockout", "BadCredentials");
        }
        assertThat(staff.loadUserByUsername("t.lockout").isAccountNonLocked()).isTrue();

        staff.loginFailed("t.lockout", "BadCredentials");

        assertThat(staff.loadUserByUsername("t.lockout").isAccountNonLocked()).isFalse();
        assertThat(audit.recent(account.id(), 20))
                .extracting(AuditEventView::action)
                .contains(AuditAction.LOGIN_FAILURE, AuditAction.ACCOUNT_LOCKED);

        staff.unlockAccount(account.id());
        assertThat(staff.loadUserByUsername("t.lockout").isAccountNonLocked()).isTrue();
    }

    @Test
    void demoMunicipalityHasAtLeastTwoAccountsPerRole() {
        for (Role role : Role.values()) {
            long count = java.util.Arrays.stream(new String[] {
                        "admin",
                        "admin2",
                        "coordinator",
                        "coordinator2",
                        "supervisor",
                        "supervisor2",
                        "caseworker",
                        "caseworker2",
                        "caseworker3",
                        "caseworker4",
                        "csw",
                        "minsei",
                        "minsei2",
                        "planner",
                        "planner2",
                        "auditor",
                        "auditor2",
                        "privacy",
                        "privacy2",
                        "organiser",
                        "organiser2"
                    })
                    .map(staff::loadUserByUsername)
                    .filter(p -> p.has(role))
                    .count();
            assertThat(count).as(role.name()).isGreaterThanOrEqualTo(2);
        }
    }
}
