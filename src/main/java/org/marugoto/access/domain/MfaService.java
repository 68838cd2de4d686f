package org.marugoto.access.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.Role;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor of staff accounts: TOTP enrolment, verification with replay protection, one-time recovery codes,
 * and re-authentication (password plus code). Wrong codes count toward the same lockout as wrong passwords.
 */
@Service
public class MfaService {

    /** Roles that cannot work without a second factor: they are sent to enrol right after the password. */
    public static final Set<Role> REQUIRED_FOR = EnumSet.of(Role.SYSTEM_ADMIN, Role.PRIVACY_OFFICER);

    public static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PURPOSE = "second factor";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final StaffService staff;
    private final AuditApi audit;
    private final Clock clock;
    private final SecretBox box;
    private final String issuer;

    MfaService(
            JdbcClient jdbc,
            Tenancy tenancy,
            StaffService staff,
            AuditApi audit,
            Clock clock,
            @Value("${marugoto.security.mfa-key}") String key,
            @Value("${marugoto.security.mfa-issuer:Marugoto}") String issuer) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
        this.box = new SecretBox(key);
        this.issuer = issuer;
    }

    public static boolean required(Set<Role> roles) {
        return roles.stream().anyMatch(REQUIRED_FOR::contains);
    }

    @Transactional(readOnly = true)
    public boolean enrolled(UUID accountId) {
        return jdbc.sql("select count(*) from staff_mfa where municipality_id = ? and account_id = ?")
                        .param(tenancy.municipalityId())
                        .param(accountId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    @Transactional(readOnly = true)
    public int unusedRecoveryCodes(UUID accountId) {
        return jdbc.sql(
                        "select count(*) from staff_recovery_code where municipality_id = ? and account_id = ? and used_at is null")
                .param(tenancy.municipalityId())
                .param(accountId)
                .query(Integer.class)
                .single();
    }

    /** A new secret for enrolment; kept by the caller (the session) until the first code confirms it. */
    public String newSecret() {
        return Totp.newSecret();
    }

    /** The Key URI Format that authenticator apps read from the QR code. */
    public String otpauthUri(String username, String secret) {
        String label = encode(issuer) + ":" + encode(username);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer) + "&algorithm=SHA1&digits="
                + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
    }

    /**
     * Enrols the account with {@code secret} once {@code code} shows that the user's app computes the same codes.
     * Returns the recovery codes in clear: they are shown once and only their hashes are kept.
     *
     * @throws RuleViolation on field {@code code} when the code does not match or the account already has a factor
     */
    @Transactional
    public List<String> enrol(UUID accountId, String username, String secret, String code) {
        if (enrolled(accountId)) {
            throw new RuleViolation("code", "mfa.error.alreadyEnrolled");
        }
        OptionalLong step = Totp.matchingStep(secret, code, clock.instant(), 0);
        if (step.isEmpty()) {
            throw new RuleViolation("code", "mfa.error.code");
        }
        insert(accountId, username, secret, step.getAsLong());
        List<String> codes = newRecoveryCodes(accountId, username);
        audit.recordFor(
                username,
                accountId,
                new AuditEntry(
                        AuditAction.UPDATE,
                        "staff_account",
                        accountId,
                        PURPOSE,
                        Map.of("changed", "second factor enrolled", "recoveryCodes", String.valueOf(codes.size()))));
        return codes;
    }

    /** Demo accounts get the documented demo secret (no recovery codes); left alone when already enrolled. */
    @Transactional
    public void enrolDemo(UUID accountId, String username, String secret) {
        if (!enrolled(accountId)) {
            Totp.unbase32(secret); // fails on a mistyped secret
            insert(accountId, CurrentActor.SYSTEM, secret, 0);
        }
    }

    private void insert(UUID accountId, String by, String secret, long usedStep) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into staff_mfa (municipality_id, account_id, secret_sealed, enrolled_at, last_used_step,
                                               created_at, created_by, updated_at, updated_by)
                        select municipality_id, id, :sealed, :now, :step, :now, :by, :now, :by
                        from staff_account where id = :id
                        """)
                .param("sealed", box.seal(secret, accountId))
                .param("now", now)
                .param("step", usedStep)
                .param("by", by)
                .param("id", accountId)
                .update();
    }

    private List<String> newRecoveryCodes(UUID accountId, String by) {
        Timestamp now = Timestamp.from(clock.instant());
        List<String> codes = new ArrayList<>();
        while (codes.size() < RECOVERY_CODES) {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                if (i == 5) {
                    code.append('-');
                }
                code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
            }
            if (!codes.contains(code.toString())) {
                codes.add(code.toString());
            }
        }
        for (String code : codes) {
            jdbc.sql("""
                            insert into staff_recovery_code (municipality_id, account_id, code_hash,
                                                             created_at, created_by, updated_at, updated_by)
                            select municipality_id, id, :hash, :now, :by, :now, :by from staff_account where id = :id
                            """)
                    .param("hash", box.hash(normalise(code)))
                    .param("now", now)
                    .param("by", by)
                    .param("id", accountId)
                    .update();
        }
        return codes;
    }

    /**
     * The second step of a login: a TOTP code or an unused recovery code. On success the login is complete (the
     * failure count is cleared, the login audited with the factor used); on failure the attempt counts toward the
     * lockout. A locked account is refused whatever the code.
     */
    @Transactional
    public StaffService.Proof verifyLogin(UUID accountId, String username, String code) {
        if (staff.isLocked(accountId)) {
            staff.loginFailed(username, "Locked");
            return StaffService.Proof.LOCKED;
        }
        String factor = consume(accountId, code);
        if (factor == null) {
            return staff.refuse(username, accountId, "BadSecondFactor");
        }
        staff.loginSucceeded(accountId, username, Map.of("factor", factor));
        return StaffService.Proof.ACCEPTED;
    }

    /** Called when forced enrolment completed a login. */
    @Transactional
    public void enrolmentCompletedLogin(UUID accountId, String username) {
        staff.loginSucceeded(accountId, username, Map.of("factor", "totp (enrolment)"));
    }

    /**
     * The logged-in user proves again who they are: the password, and a code when they have a second factor.
     * Success and failure are audited with the purpose; a failure counts toward the lockout.
     */
    @Transactional
    public StaffService.Proof reauthenticate(String password, @Nullable String code, String purpose) {
        var actor = CurrentActor.get().orElseThrow();
        UUID id = actor.accountId();
        boolean proven =
                staff.passwordMatches(id, password) && (!enrolled(id) || (code != null && consume(id, code) != null));
        if (!proven) {
            return staff.refuse(actor.username(), id, "BadReauthentication");
        }
        audit.record(new AuditEntry(
                AuditAction.LOGIN_SUCCESS, "staff_account", id, purpose, Map.of("step", "reauthentication")));
        return StaffService.Proof.ACCEPTED;
    }

    /** Uses the code if it is valid: returns which factor it was, or null. */
    private @Nullable String consume(UUID accountId, String code) {
        record Factor(String sealed, long lastUsedStep) {}
        Factor factor = jdbc.sql(
                        "select secret_sealed, last_used_step from staff_mfa where municipality_id = ? and account_id = ?")
                .param(tenancy.municipalityId())
                .param(accountId)
                .query((rs, i) -> new Factor(rs.getString("secret_sealed"), rs.getLong("last_used_step")))
                .optional()
                .orElse(null);
        if (factor == null) {
            return null;
        }
        String secret = box.open(factor.sealed(), accountId);
        OptionalLong step = Totp.matchingStep(secret, code, clock.instant(), factor.lastUsedStep());
        if (step.isPresent()) {
            // conditional, so that two requests racing with the same code cannot both succeed
            int updated = jdbc.sql("""
                            update staff_mfa set last_used_step = :step where municipality_id = :m and account_id = :id and last_used_step < :step
                            """)
                    .param("m", tenancy.municipalityId())
                    .param("step", step.getAsLong())
                    .param("id", accountId)
                    .update();
            return updated == 1 ? "totp" : null;
        }
        String normalised = normalise(code);
        if (normalised.length() != 10) {
            return null;
        }
        int used = jdbc.sql("""
                        update staff_recovery_code set used_at = :now
                        where municipality_id = :m and account_id = :id and code_hash = :hash and used_at is null
                        """)
                .param("m", tenancy.municipalityId())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", accountId)
                .param("hash", box.hash(normalised))
                .update();
        return used == 1 ? "recovery code" : null;
    }

    /** The user removes their own second factor (after re-authenticating); they may enrol again. */
    @Transactional
    public void disableOwn() {
        var actor = CurrentActor.get().orElseThrow();
        remove(actor.accountId(), "own account");
    }

    /** An administrator removes someone's second factor (a lost phone); their sessions end at once. */
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public void reset(UUID accountId) {
        remove(accountId, "administration");
        staff.endSessions(accountId);
    }

    private void remove(UUID accountId, String purpose) {
        int removed = jdbc.sql("delete from staff_mfa where municipality_id = ? and account_id = ?")
                .param(tenancy.municipalityId())
                .param(accountId)
                .update();
        if (removed > 0) {
            audit.record(new AuditEntry(
                    AuditAction.UPDATE,
                    "staff_account",
                    accountId,
                    purpose,
                    Map.of("changed", "second factor removed")));
        }
    }

    private static String normalise(String code) {
        return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
