package org.marugoto.access.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.Role;
import org.marugoto.access.StaffView;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: administration, password changes, and the login bookkeeping behind lockout. */
@Service
@EnableConfigurationProperties(SecurityProperties.class)
public class StaffService implements UserDetailsService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,59}");
    static final int MIN_PASSWORD_LENGTH = 12;

    private final StaffAccountRepository accounts;
    private final JdbcClient jdbc;
    private final DirectoryApi directory;
    private final Tenancy tenancy;
    private final AuditApi audit;
    private final PasswordEncoder passwords;
    private final SessionRegistry sessions;
    private final SecurityProperties security;
    private final Clock clock;

    StaffService(
            StaffAccountRepository accounts,
            JdbcClient jdbc,
            DirectoryApi directory,
            Tenancy tenancy,
            AuditApi audit,
            PasswordEncoder passwords,
            SessionRegistry sessions,
            SecurityProperties security,
            Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.directory = directory;
        this.tenancy = tenancy;
        this.audit = audit;
        this.passwords = passwords;
        this.sessions = sessions;
        this.security = security;
        this.clock = clock;
    }

    // ---- reading -------------------------------------------------------------------------------------------

    /** Accounts whose username, name or reading contains {@code query}, optionally of one agency. */
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional // not read-only: the search is audited
    public List<StaffView> search(@Nullable String query, @Nullable UUID agencyId) {
        String like = query == null || query.isBlank() ? null : "%" + escapeLike(query.strip()) + "%";
        List<StaffView> found = jdbc.sql("""
                        select a.*, (select string_agg(r.role, ',') from staff_role r where r.municipality_id = a.municipality_id and r.account_id = a.id) roles
                        from staff_account a
                        where a.municipality_id = :municipality
                          and (cast(:agency as uuid) is null or a.agency_id = :agency)
                          and (cast(:like as text) is null or a.username ilike :like or a.display_name ilike :like
                               or a.display_name_kana ilike :like)
                        order by a.username
                        limit 500
                        """)
                .param("municipality", tenancy.municipalityId())
                .param("agency", agencyId)
                .param("like", like)
                .query((rs, i) -> new StaffView(
                        rs.getObject("id", UUID.class),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        rs.getString("display_name_kana"),
                        rs.getString("email"),
                        rs.getObject("agency_id", UUID.class),
                        parseRoles(rs.getString("roles")),
                        rs.getBoolean("enabled"),
                        isLocked(rs.getTimestamp("locked_until")),
                        toInstant(rs.getTimestamp("last_login_at")),
                        rs.getInt("version")))
                .list();
        audit.record(new AuditEntry(
                AuditAction.SEARCH,
                "staff_account",
                null,
                "administration",
                Map.of("results", String.valueOf(found.size()))));
        return found;
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional // not read-only: the read is audited
    public StaffView get(UUID id) {
        StaffView view = find(id).orElseThrow(() -> new NotFoundException("staff_account", id));
        audit.record(AuditEntry.of(AuditAction.READ, "staff_account", id).withPurpose("administration"));
        return view;
    }

    private Optional<StaffView> find(UUID id) {
        return accounts.findByMunicipalityIdAndId(tenancy.municipalityId(), id).map(this::view);
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return accounts.findByUsername(username).isPresent();
    }

    // ---- administration ------------------------------------------------------------------------------------

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public StaffView create(String username, String initialPassword, StaffCommand command) {
        StaffView created = insert(username, initialPassword, command);
        audit.record(new AuditEntry(
                AuditAction.CREATE, "staff_account", created.id(), "administration", roleDetails(command.roles())));
        return created;
    }

    /** Creates the account unless the username is taken (used by the demo municipality). */
    @Transactional
    public StaffView ensure(String username, String initialPassword, StaffCommand command) {
        return accounts.findByUsername(username)
                .map(this::view)
                .orElseGet(() -> insert(username, initialPassword, command));
    }

    private StaffView insert(String username, String initialPassword, StaffCommand command) {
        if (!USERNAME.matcher(username).matches()) {
            throw new RuleViolation("username", "staff.error.username");
        }
        if (accounts.findByUsername(username).isPresent()) {
            throw new RuleViolation("username", "staff.error.usernameTaken");
        }
        checkPassword(username, initialPassword, "password");
        check(command);
        StaffAccount account = new StaffAccount(
                Ids.newId(),
                tenancy.municipalityId(),
                username,
                command.displayName(),
                command.agencyId(),
                passwords.encode(initialPassword));
        account.apply(command);
        try {
            return view(accounts.save(account));
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("username", "staff.error.usernameTaken");
        }
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public StaffView update(UUID id, int seenVersion, StaffCommand command) {
        StaffAccount account = accounts.findByMunicipalityIdAndId(tenancy.municipalityId(), id)
                .orElseThrow(() -> new NotFoundException("staff_account", id));
        check(command);
        boolean self =
                CurrentActor.get().map(actor -> actor.accountId().equals(id)).orElse(false);
        if (self && !command.enabled()) {
            throw new RuleViolation("enabled", "staff.error.disableSelf");
        }
        if (self && !command.roles().contains(Role.SYSTEM_ADMIN)) {
            throw new RuleViolation("roles", "staff.error.demoteSelf");
        }
        Set<Role> rolesBefore = account.roles();
        boolean wasEnabled = account.enabled();
        account.expectVersion(seenVersion);
        account.apply(command);
        StaffView saved = view(accounts.save(account));
        audit.record(AuditEntry.of(AuditAction.UPDATE, "staff_account", id).withPurpose("administration"));
        if (!rolesBefore.equals(command.roles())) {
            audit.record(new AuditEntry(
                    AuditAction.PERMISSION_CHANGE,
                    "staff_account",
                    id,
                    "administration",
                    Map.of("before", names(rolesBefore), "after", names(command.roles()))));
        }
        if (wasEnabled && !command.enabled() || !rolesBefore.equals(command.roles())) {
            endSessions(id);
        }
        return saved;
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public void resetPassword(UUID id, String newPassword) {
        StaffAccount account = accounts.findByMunicipalityIdAndId(tenancy.municipalityId(), id)
                .orElseThrow(() -> new NotFoundException("staff_account", id));
        checkPassword(account.username(), newPassword, "password");
        account.changePassword(passwords.encode(newPassword));
        accounts.save(account);
        unlock(id);
        audit.record(new AuditEntry(
                AuditAction.UPDATE, "staff_account", id, "administration", Map.of("changed", "password")));
        endSessions(id);
    }

    /** The logged-in user changes their own password, proving they know the current one. */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        UUID id = CurrentActor.get().orElseThrow().accountId();
        StaffAccount account = accounts.findByMunicipalityIdAndId(tenancy.municipalityId(), id)
                .orElseThrow(() -> new NotFoundException("staff_account", id));
        String hash = jdbc.sql("select password_hash from staff_account where municipality_id = ? and id = ?")
                .param(tenancy.municipalityId())
                .param(id)
                .query(String.class)
                .single();
        if (!passwords.matches(currentPassword, hash)) {
            throw new RuleViolation("currentPassword", "password.error.current");
        }
        checkPassword(account.username(), newPassword, "newPassword");
        account.changePassword(passwords.encode(newPassword));
        accounts.save(account);
        audit.record(
                new AuditEntry(AuditAction.UPDATE, "staff_account", id, "own password", Map.of("changed", "password")));
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public void unlockAccount(UUID id) {
        find(id).orElseThrow(() -> new NotFoundException("staff_account", id));
        unlock(id);
        audit.record(new AuditEntry(
                AuditAction.UPDATE, "staff_account", id, "administration", Map.of("changed", "unlocked")));
    }

    private void unlock(UUID id) {
        jdbc.sql(
                        "update staff_account set failed_login_count = 0, locked_until = null where municipality_id = ? and id = ?")
                .param(tenancy.municipalityId())
                .param(id)
                .update();
    }

    /** Ends every session of an account at once (its second factor was reset, it was disabled...). */
    void endSessions(UUID accountId) {
        sessions.getAllPrincipals().stream()
                .filter(p ->
                        p instanceof StaffPrincipal staff && staff.accountId().equals(accountId))
                .flatMap(p -> sessions.getAllSessions(p, false).stream())
                .forEach(session -> session.expireNow());
    }

    private void check(StaffCommand command) {
        if (directory.agency(command.agencyId()).isEmpty()) {
            throw new RuleViolation("agencyId", "staff.error.agencyMissing");
        }
        if (command.roles().isEmpty()) {
            throw new RuleViolation("roles", "staff.error.noRole");
        }
    }

    private static void checkPassword(String username, String password, String field) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new RuleViolation(field, "password.error.short", MIN_PASSWORD_LENGTH);
        }
        if (password.toLowerCase().contains(username.toLowerCase())) {
            throw new RuleViolation(field, "password.error.containsUsername");
        }
    }

    // ---- re-authentication ---------------------------------------------------------------------------------

    /** The result of a re-authentication. */
    public enum Proof {
        ACCEPTED,
        REFUSED,
        /** Refused, and the account is now locked: the session must end. */
        LOCKED
    }

    /** Whether {@code password} is the account's password (no bookkeeping, no audit: the caller does both). */
    @Transactional(readOnly = true)
    public boolean passwordMatches(UUID accountId, String password) {
        String hash = jdbc.sql("select password_hash from staff_account where municipality_id = ? and id = ?")
                .param(tenancy.municipalityId())
                .param(accountId)
                .query(String.class)
                .single();
        return passwords.matches(password, hash);
    }

    /** Counts a failed proof (password or second factor) toward the lockout. */
    Proof refuse(String username, UUID accountId, String reason) {
        loginFailed(username, reason);
        return isLocked(accountId) ? Proof.LOCKED : Proof.REFUSED;
    }

    @Transactional(readOnly = true)
    public boolean isLocked(UUID accountId) {
        return isLocked(jdbc.sql("select locked_until from staff_account where municipality_id = ? and id = ?")
                .param(tenancy.municipalityId())
                .param(accountId)
                .query(Timestamp.class)
                .optional()
                .orElse(null));
    }

    // ---- login ---------------------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public StaffPrincipal loadUserByUsername(String username) {
        record Row(
                UUID id,
                UUID municipalityId,
                String passwordHash,
                String displayName,
                UUID agencyId,
                boolean enabled,
                @Nullable Timestamp lockedUntil) {}
        Row row = jdbc.sql("""
                        select id, municipality_id, password_hash, display_name, agency_id, enabled, locked_until
                        from staff_account where municipality_id = ? and username = ?
                        """)
                .param(tenancy.municipalityId())
                .param(username)
                .query((rs, i) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getObject("municipality_id", UUID.class),
                        rs.getString("password_hash"),
                        rs.getString("display_name"),
                        rs.getObject("agency_id", UUID.class),
                        rs.getBoolean("enabled"),
                        rs.getTimestamp("locked_until")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        Set<Role> roles = parseRoles(
                jdbc.sql("select string_agg(role, ',') from staff_role where municipality_id = ? and account_id = ?")
                        .param(row.municipalityId())
                        .param(row.id())
                        .query(String.class)
                        .optional()
                        .orElse(null));
        String agencyName = directory.agency(row.agencyId()).map(a -> a.name()).orElse("");
        return new StaffPrincipal(
                row.id(),
                username,
                row.passwordHash(),
                row.displayName(),
                row.municipalityId(),
                row.agencyId(),
                agencyName,
                roles,
                row.enabled(),
                isLocked(row.lockedUntil()));
    }

    /** A successful login clears the failure count. */
    @Transactional
    public void loginSucceeded(UUID accountId, String username) {
        loginSucceeded(accountId, username, Map.of());
    }

    /**
     * The password was right and a second factor is still to come: audited, but the failure count is kept (wrong codes
     * count toward the same lockout, and a right password must not reset it).
     */
    @Transactional
    public void passwordAccepted(UUID accountId, String username) {
        audit.recordFor(
                username,
                accountId,
                new AuditEntry(
                        AuditAction.LOGIN_SUCCESS,
                        "staff_account",
                        accountId,
                        null,
                        Map.of("step", "password", "complete", "false")));
    }

    /** A complete login (with the details of how, e.g. the second factor used) clears the failure count. */
    @Transactional
    public void loginSucceeded(UUID accountId, String username, Map<String, String> details) {
        jdbc.sql("""
                        update staff_account set failed_login_count = 0, locked_until = null, last_login_at = :now
                        where municipality_id = :m and id = :id
                        """)
                .param("m", tenancy.municipalityId())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", accountId)
                .update();
        audit.recordFor(
                username,
                accountId,
                AuditEntry.of(AuditAction.LOGIN_SUCCESS, "staff_account", accountId)
                        .withDetails(details));
    }

    /**
     * A failed login counts against the account (when it exists); enough failures in a row lock it for a while. The
     * failure is audited with the name that was typed, whether or not such an account exists.
     */
    @Transactional
    public void loginFailed(String username, String reason) {
        Optional<UUID> accountId = jdbc.sql("""
                        update staff_account set failed_login_count = failed_login_count + 1
                        where municipality_id = ? and username = ? returning id
                        """)
                .param(tenancy.municipalityId())
                .param(username)
                .query(UUID.class)
                .optional();
        audit.recordFor(
                username,
                accountId.orElse(null),
                new AuditEntry(
                        AuditAction.LOGIN_FAILURE,
                        "staff_account",
                        accountId.orElse(null),
                        null,
                        Map.of("reason", reason)));
        accountId.ifPresent(id -> {
            int locked = jdbc.sql("""
                            update staff_account set locked_until = :until
                            where municipality_id = :m and id = :id and failed_login_count >= :max
                              and (locked_until is null or locked_until < :now)
                            """)
                    .param("m", tenancy.municipalityId())
                    .param("until", Timestamp.from(clock.instant().plus(security.lockout())))
                    .param("id", id)
                    .param("max", security.maxFailedLogins())
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            if (locked > 0) {
                audit.recordFor(username, id, AuditEntry.of(AuditAction.ACCOUNT_LOCKED, "staff_account", id));
            }
        });
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private StaffView view(StaffAccount account) {
        record Login(
                int failed,
                @Nullable Timestamp lockedUntil,
                @Nullable Timestamp lastLoginAt) {}
        Login login = jdbc.sql(
                        "select failed_login_count, locked_until, last_login_at from staff_account where municipality_id = ? and id = ?")
                .param(tenancy.municipalityId())
                .param(account.id())
                .query((rs, i) -> new Login(
                        rs.getInt("failed_login_count"),
                        rs.getTimestamp("locked_until"),
                        rs.getTimestamp("last_login_at")))
                .single();
        return new StaffView(
                account.id(),
                account.username(),
                account.displayName(),
                account.displayNameKana(),
                account.email(),
                account.agencyId(),
                account.roles(),
                account.enabled(),
                isLocked(login.lockedUntil()),
                toInstant(login.lastLoginAt()),
                account.version());
    }

    private boolean isLocked(@Nullable Timestamp lockedUntil) {
        return lockedUntil != null && lockedUntil.toInstant().isAfter(clock.instant());
    }

    private static @Nullable Instant toInstant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Set<Role> parseRoles(@Nullable String roles) {
        Set<Role> result = EnumSet.noneOf(Role.class);
        if (roles != null && !roles.isBlank()) {
            for (String role : roles.split(",")) {
                result.add(Role.valueOf(role));
            }
        }
        return result;
    }

    private static Map<String, String> roleDetails(Set<Role> roles) {
        return Map.of("roles", names(roles));
    }

    private static String names(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining("+"));
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
