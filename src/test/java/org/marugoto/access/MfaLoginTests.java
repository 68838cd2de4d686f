package org.marugoto.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.TestClock;
import org.marugoto.access.domain.MfaService;
import org.marugoto.access.domain.StaffCommand;
import org.marugoto.access.domain.StaffService;
import org.marugoto.access.domain.Totp;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEventView;
import org.marugoto.directory.DirectoryApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;

/** The second step of the login, forced enrolment, recovery codes, lockout and timeouts, over MockMvc. */
@MarugotoTest
class MfaLoginTests {

    static final String PASSWORD = "correct-horse-battery";

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffService staff;

    @Autowired
    MfaService mfa;

    @Autowired
    DirectoryApi directory;

    @Autowired
    AuditApi audit;

    @Value("${marugoto.demo.totp-secret}")
    String demoSecret;

    StaffView create(String username, Role role) {
        var admin = staff.loadUserByUsername("admin");
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        try {
            UUID agency = directory.agencyByCode("CITY-WELFARE").orElseThrow().id();
            return staff.create(
                    username, PASSWORD, new StaffCommand("試験 多要素", "しけん たようそ", null, agency, Set.of(role), true));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** A code the application accepts now, of a time step not used before (a step is accepted once). */
    static String nextCode(String secret) {
        return TestClock.INSTANCE.totp(secret);
    }

    /** Creates an account with a second factor; returns its recovery codes. */
    List<String> enrolled(StaffView account, String secret) {
        return mfa.enrol(account.id(), account.username(), secret, nextCode(secret));
    }

    MockHttpSession password(String username, String password, String expectedRedirect) throws Exception {
        MvcResult result = mvc.perform(formLogin().user(username).password(password))
                .andExpect(redirectedUrl(expectedRedirect))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    @Test
    void anEnrolledAdministratorReachesNothingButTheSecondStepUntilTheCodeIsRight() throws Exception {
        MockHttpSession session = password("admin", "marugoto-demo", "/login/mfa");

        for (String page :
                new String[] {"/", "/admin/staff", "/account", "/people", "/audit", "/reauth", "/login/mfa/enrol"}) {
            mvc.perform(get(page).session(session)).andExpect(redirectedUrl("/login/mfa"));
        }
        mvc.perform(get("/api/v1/hsds/services").session(session)).andExpect(status().isUnauthorized());
        mvc.perform(post("/account")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", "marugoto-demo")
                        .param("newPassword", "a-new-password-123")
                        .param("confirmPassword", "a-new-password-123"))
                .andExpect(redirectedUrl("/login/mfa"));
        mvc.perform(get("/login/mfa").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2段階認証")))
                .andExpect(content().string(containsString("autocomplete=\"one-time-code\"")));

        mvc.perform(post("/login/mfa").session(session).with(csrf()).param("code", "000000"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("コードが正しくないか")))
                .andExpect(stillPending());

        mvc.perform(post("/login/mfa").session(session).with(csrf()).param("code", nextCode(demoSecret)))
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername("admin"));
        mvc.perform(get("/admin/staff").session(session)).andExpect(status().isOk());
        mvc.perform(get("/login/mfa").session(session)).andExpect(redirectedUrl("/"));

        List<AuditEventView> events = audit.byActor("admin", 20);
        assertThat(events)
                .anySatisfy(e -> assertThat(e.action()).isEqualTo(AuditAction.LOGIN_FAILURE))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo(AuditAction.LOGIN_SUCCESS));
    }

    @Test
    void aCodeIsAcceptedOnceEvenWithinItsTimeStep() throws Exception {
        StaffView account = create("t.mfa.replay", Role.CASEWORKER);
        String secret = Totp.newSecret();
        enrolled(account, secret);

        String code = nextCode(secret);
        MockHttpSession first = password(account.username(), PASSWORD, "/login/mfa");
        mvc.perform(post("/login/mfa").session(first).with(csrf()).param("code", code))
                .andExpect(redirectedUrl("/"));

        MockHttpSession second = password(account.username(), PASSWORD, "/login/mfa");
        mvc.perform(post("/login/mfa").session(second).with(csrf()).param("code", code))
                .andExpect(status().isOk())
                .andExpect(stillPending());
    }

    @Test
    void administratorsAndPrivacyOfficersWithoutASecondFactorMustEnrolBeforeAnythingElse() throws Exception {
        StaffView account = create("t.mfa.newadmin", Role.SYSTEM_ADMIN);
        MockHttpSession session = password(account.username(), PASSWORD, "/login/mfa/enrol");
        for (String page : new String[] {"/", "/admin/staff", "/account", "/account/mfa", "/login/mfa"}) {
            mvc.perform(get(page).session(session)).andExpect(redirectedUrl("/login/mfa/enrol"));
        }
        mvc.perform(get("/login/mfa/enrol").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("この役割では2段階認証が必須です")))
                .andExpect(content().string(containsString("src=\"data:image/svg+xml;base64,")));
        String secret = (String) session.getAttribute("marugoto.mfa.enrolmentSecret");
        assertThat(secret).hasSize(32);
        mvc.perform(get("/login/mfa/enrol").session(session))
                .andExpect(content().string(containsString(secret.substring(0, 4) + " " + secret.substring(4, 8))));

        mvc.perform(post("/login/mfa/enrol").session(session).with(csrf()).param("code", "123456"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("コードが正しくないか")))
                .andExpect(stillPending());
        assertThat(mfa.enrolled(account.id())).isFalse();

        String page = mvc.perform(
                        post("/login/mfa/enrol").session(session).with(csrf()).param("code", nextCode(secret)))
                .andExpect(status().isOk())
                .andExpect(authenticated().withUsername(account.username()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(recoveryCodes(page)).hasSize(10).doesNotHaveDuplicates();
        assertThat(mfa.enrolled(account.id())).isTrue();
        mvc.perform(get("/admin/staff").session(session)).andExpect(status().isOk());
        assertThat(audit.recent(account.id(), 20))
                .anySatisfy(e -> assertThat(e.details()).contains("second factor enrolled"));

        StaffView officer = create("t.mfa.privacy", Role.PRIVACY_OFFICER);
        password(officer.username(), PASSWORD, "/login/mfa/enrol");
        StaffView caseworker = create("t.mfa.optional", Role.CASEWORKER);
        password(caseworker.username(), PASSWORD, "/");
    }

    @Test
    void eachRecoveryCodeWorksOnce() throws Exception {
        StaffView account = create("t.mfa.recovery", Role.CASEWORKER);
        List<String> codes = enrolled(account, Totp.newSecret());
        assertThat(codes).hasSize(10);

        MockHttpSession first = password(account.username(), PASSWORD, "/login/mfa");
        mvc.perform(post("/login/mfa").session(first).with(csrf()).param("code", codes.get(0)))
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername(account.username()));

        MockHttpSession second = password(account.username(), PASSWORD, "/login/mfa");
        mvc.perform(post("/login/mfa").session(second).with(csrf()).param("code", codes.get(0)))
                .andExpect(status().isOk())
                .andExpect(stillPending());
        // typed in capitals without the hyphen: still the same code
        mvc.perform(post("/login/mfa")
                        .session(second)
                        .with(csrf())
                        .param("code", codes.get(1).replace("-", "").toUpperCase()))
                .andExpect(redirectedUrl("/"));
        assertThat(mfa.unusedRecoveryCodes(account.id())).isEqualTo(8);
        assertThat(audit.recent(account.id(), 20))
                .anySatisfy(e -> assertThat(e.details()).contains("recovery code"));
    }

    @Test
    void wrongCodesCountTowardTheLockoutWhichExpiresAfterFifteenMinutes() throws Exception {
        StaffView account = create("t.mfa.lockout", Role.CASEWORKER);
        String secret = Totp.newSecret();
        enrolled(account, secret);
        MockHttpSession session = password(account.username(), PASSWORD, "/login/mfa");
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/login/mfa").session(session).with(csrf()).param("code", "00000" + i))
                    .andExpect(status().isOk());
        }
        mvc.perform(post("/login/mfa").session(session).with(csrf()).param("code", "000009"))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(session.isInvalid()).isTrue();
        assertThat(staff.isLocked(account.id())).isTrue();
        mvc.perform(formLogin().user(account.username()).password(PASSWORD)).andExpect(unauthenticated());

        try (var later = TestClock.INSTANCE.jump(Duration.ofMinutes(14))) {
            mvc.perform(formLogin().user(account.username()).password(PASSWORD)).andExpect(unauthenticated());
        }
        try (var later = TestClock.INSTANCE.jump(Duration.ofMinutes(16))) {
            MockHttpSession again = password(account.username(), PASSWORD, "/login/mfa");
            mvc.perform(post("/login/mfa").session(again).with(csrf()).param("code", nextCode(secret)))
                    .andExpect(redirectedUrl("/"));
        }
    }

    @Test
    void aPasswordLockoutExpiresByTheClock() throws Exception {
        StaffView account = create("t.lockout.expiry", Role.PLANNER);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user(account.username()).password("wrong-" + i))
                    .andExpect(stillPending());
        }
        mvc.perform(formLogin().user(account.username()).password(PASSWORD)).andExpect(unauthenticated());
        try (var later = TestClock.INSTANCE.jump(Duration.ofMinutes(16))) {
            password(account.username(), PASSWORD, "/");
        }
    }

    @Test
    void aSessionEndsTwelveHoursAfterItBeganByTheApplicationClock() throws Exception {
        StaffView account = create("t.absolute", Role.PLANNER);
        MockHttpSession session = password(account.username(), PASSWORD, "/");
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        // the session's age by the application clock (other tests moved it on by whole TOTP steps)
        Duration age = Duration.ofMillis(TestClock.INSTANCE.millis() - session.getCreationTime());
        try (var later =
                TestClock.INSTANCE.jump(Duration.ofHours(12).minusMinutes(1).minus(age))) {
            mvc.perform(get("/").session(session)).andExpect(status().isOk());
        }
        try (var later =
                TestClock.INSTANCE.jump(Duration.ofHours(12).plusMinutes(1).minus(age))) {
            mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?timeout"));
        }
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aPendingLoginExpiresAfterTenMinutes() throws Exception {
        MockHttpSession session = password("privacy", "marugoto-demo", "/login/mfa");
        try (var later = TestClock.INSTANCE.jump(Duration.ofMinutes(11))) {
            mvc.perform(get("/login/mfa").session(session)).andExpect(redirectedUrl("/login?timeout"));
        }
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void usersRemoveTheirOwnSecondFactorAfterReauthenticatingWithTheirCode() throws Exception {
        StaffView account = create("t.mfa.self", Role.CASEWORKER);
        String secret = Totp.newSecret();
        enrolled(account, secret);
        MockHttpSession session = password(account.username(), PASSWORD, "/login/mfa");
        mvc.perform(post("/login/mfa").session(session).with(csrf()).param("code", nextCode(secret)))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/account").session(session)).andExpect(content().string(containsString("未使用の回復コード：10個")));

        // a complete login counts as a re-authentication for five minutes; six minutes later it does not
        try (var later = TestClock.INSTANCE.jump(Duration.ofMinutes(6))) {
            mvc.perform(post("/account/mfa/remove")
                            .session(session)
                            .with(csrf())
                            .header("Referer", "http://localhost/account"))
                    .andExpect(redirectedUrl("/reauth?next=%2Faccount"));
            assertThat(mfa.enrolled(account.id())).isTrue();
            mvc.perform(get("/reauth").param("next", "/account").session(session))
                    .andExpect(content().string(containsString("id=\"code\"")));
            mvc.perform(post("/reauth")
                            .session(session)
                            .with(csrf())
                            .param("password", PASSWORD)
                            .param("code", "")
                            .param("next", "/account"))
                    .andExpect(status().isOk());
            mvc.perform(post("/reauth")
                            .session(session)
                            .with(csrf())
                            .param("password", PASSWORD)
                            .param("code", nextCode(secret))
                            .param("next", "/account"))
                    .andExpect(redirectedUrl("/account"));
            mvc.perform(post("/account/mfa/remove").session(session).with(csrf()))
                    .andExpect(redirectedUrl("/account"));
            assertThat(mfa.enrolled(account.id())).isFalse();
        }
        assertThat(audit.recent(account.id(), 20))
                .anySatisfy(e -> assertThat(e.details()).contains("second factor removed"));
    }

    @Test
    void aPrivacyOfficerWhoRemovesTheirFactorMustEnrolAgainBeforeAnythingElse() throws Exception {
        StaffView account = create("t.mfa.officer", Role.PRIVACY_OFFICER);
        String secret = Totp.newSecret();
        enrolled(account, secret);
        MockHttpSession session = password(account.username(), PASSWORD, "/login/mfa");
        mvc.perform(post("/login/mfa").session(session).with(csrf()).param("code", nextCode(secret)))
                .andExpect(redirectedUrl("/"));
        // just logged in: the re-authentication is recent
        mvc.perform(post("/account/mfa/remove").session(session).with(csrf()))
                .andExpect(redirectedUrl("/login/mfa/enrol"));
        assertThat(mfa.enrolled(account.id())).isFalse();
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login/mfa/enrol"));
        mvc.perform(get("/login/mfa/enrol").session(session)).andExpect(status().isOk());
        String newSecret = (String) session.getAttribute("marugoto.mfa.enrolmentSecret");
        mvc.perform(post("/login/mfa/enrol").session(session).with(csrf()).param("code", nextCode(newSecret)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("回復コード")));
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
    }

    @Test
    void anAdministratorResetsSomeonesSecondFactorAfterReauthenticatingAndTheirSessionsEnd() throws Exception {
        StaffView account = create("t.mfa.lost", Role.CASEWORKER);
        String secret = Totp.newSecret();
        enrolled(account, secret);
        MockHttpSession theirs = password(account.username(), PASSWORD, "/login/mfa");
        mvc.perform(post("/login/mfa").session(theirs).with(csrf()).param("code", nextCode(secret)))
                .andExpect(redirectedUrl("/"));

        MockHttpSession admin = password("admin2", "marugoto-demo", "/login/mfa");
        mvc.perform(post("/login/mfa").session(admin).with(csrf()).param("code", nextCode(demoSecret)))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/admin/staff/" + account.id()).session(admin))
                .andExpect(content().string(containsString("この職員は2段階認証を設定しています")));
        admin.removeAttribute(Reauthentication.SESSION_ATTRIBUTE);
        mvc.perform(post("/admin/staff/" + account.id() + "/mfa/reset")
                        .session(admin)
                        .with(csrf())
                        .header("Referer", "http://localhost/admin/staff/" + account.id()))
                .andExpect(redirectedUrl("/reauth?next=%2Fadmin%2Fstaff%2F" + account.id()));
        assertThat(mfa.enrolled(account.id())).isTrue();
        mvc.perform(post("/reauth")
                        .session(admin)
                        .with(csrf())
                        .param("password", "marugoto-demo")
                        .param("code", nextCode(demoSecret))
                        .param("next", "/admin/staff/" + account.id()))
                .andExpect(redirectedUrl("/admin/staff/" + account.id()));
        mvc.perform(post("/admin/staff/" + account.id() + "/mfa/reset")
                        .session(admin)
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/staff/" + account.id()));
        assertThat(mfa.enrolled(account.id())).isFalse();
        assertThat(audit.recent(account.id(), 20))
                .anySatisfy(e -> assertThat(e.actorUsername()).isEqualTo("admin2"))
                .anySatisfy(e -> assertThat(e.details()).contains("second factor removed"));
        // their session has ended
        mvc.perform(get("/").session(theirs)).andExpect(redirectedUrl("/login?ended"));
    }

    /** The session is not logged in (it may be waiting for the second step). */
    static ResultMatcher stillPending() {
        return result -> {
            var session = result.getRequest().getSession(false);
            var context = session == null ? null : (SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT");
            assertThat(context == null
                            || context.getAuthentication() == null
                            || !context.getAuthentication().isAuthenticated())
                    .isTrue();
        };
    }

    static List<String> recoveryCodes(String page) {
        Matcher m = Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>").matcher(page);
        List<String> codes = new java.util.ArrayList<>();
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }
}
