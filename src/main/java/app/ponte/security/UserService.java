package app.ponte.security;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.ConcurrentEditException;
import app.ponte.base.CsvWriter;
import app.ponte.base.i18n.Languages;
import app.ponte.security.repository.UserAccount;
import app.ponte.security.repository.UserAccountRepository;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only door to user accounts: administrators manage accounts and roles, every user manages
 * their own password and language. Each rule is checked here, whatever the caller (view, REST,
 * import).
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class UserService {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,49}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int PASSWORD_MIN = 8;
    /** Columns of the users export (docs/export.md); {@code roles} is {@code ;}-separated, as the import reads it. */
    public static final List<String> EXPORT_HEADER = List.of("username", "full_name", "email", "roles", "active",
            "can_sign_in", "created_at");
    static final int EXPORT_CHUNK = 1000;
    /** bcrypt reads at most 72 bytes; a longer password would be silently cut. */
    static final int PASSWORD_MAX_BYTES = 72;

    private final UserAccountRepository accounts;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final SignedInSessions sessions;

    UserService(UserAccountRepository accounts, JdbcClient jdbc, PasswordEncoder passwordEncoder,
            CurrentUser currentUser, Clock clock, SignedInSessions sessions) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.currentUser = currentUser;
        this.clock = clock;
        this.sessions = sessions;
    }

    // ---- reading ---------------------------------------------------------------------------

    /** A slice of the user list, sorted by a whitelisted column with the id as tie-breaker. */
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public List<UserSummary> find(UserFilter filter, UserSort sort, boolean ascending, int offset, int limit) {
        String column = switch (sort) {
            case USERNAME -> "u.username";
            case FULL_NAME -> "lower(u.full_name)";
            case CREATED_AT -> "u.created_at";
        };
        String direction = ascending ? "asc" : "desc";
        var where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" and (lower(u.username) like :text or lower(u.full_name) like :text"
                    + " or lower(coalesce(u.email, '')) like :text)");
            params.put("text", "%" + filter.text().trim().toLowerCase(Locale.ROOT) + "%");
        }
        if (filter.role() != null) {
            where.append(" and exists (select 1 from app_user_role r where r.user_id = u.id and r.role = :role)");
            params.put("role", filter.role().name());
        }
        if (!filter.includeInactive()) {
            where.append(" and u.active = true");
        }
        String sql = "select u.id, u.username, u.full_name, u.email, u.active, u.password_hash is not null as can_sign_in,"
                + " u.language, u.created_at, u.version from app_user u" + where
                + " order by " + column + " " + direction + ", u.id " + direction
                + " limit :limit offset :offset";
        params.put("limit", Math.max(0, limit));
        params.put("offset", Math.max(0, offset));
        List<UserRow> rows = jdbc.sql(sql).params(params).query(UserService::row).list();
        return withRoles(rows);
    }

    /**
     * Writes the user list of the filter as CSV (docs/export.md), by username, page by page. No
     * password hash or token ever leaves: the columns are those the list shows.
     */
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public void export(UserFilter filter, OutputStream out) {
        CsvWriter.withHeader(out, EXPORT_HEADER).pages(
                (offset, limit) -> find(filter, UserSort.USERNAME, true, offset, limit), EXPORT_CHUNK,
                u -> Arrays.asList(u.username(), u.fullName(), u.email(),
                        u.roles().stream().sorted().map(Enum::name).collect(Collectors.joining(";")), u.active(),
                        u.canSignIn(), u.createdAt()));
    }

    /** The accounts holding a role, active ones only, by name: for pickers such as owners. */
    public List<UserSummary> activeWithRole(Role role) {
        List<UserRow> rows = jdbc.sql("select u.id, u.username, u.full_name, u.email, u.active,"
                        + " u.password_hash is not null as can_sign_in, u.language, u.created_at, u.version"
                        + " from app_user u where u.active = true and exists (select 1 from app_user_role r"
                        + " where r.user_id = u.id and r.role = :role) order by lower(u.full_name), u.id")
                .param("role", role.name()).query(UserService::row).list();
        return withRoles(rows);
    }

    /**
     * Active users whose username or name starts with {@code prefix} (any case), by username — for
     * mention suggestions.
     */
    public List<UserSummary> activeMatching(String prefix, int limit) {
        String like = prefix.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        List<UserRow> rows = jdbc.sql("select u.id, u.username, u.full_name, u.email, u.active,"
                        + " u.password_hash is not null as can_sign_in, u.language, u.created_at, u.version"
                        + " from app_user u where u.active = true and (u.username like :p escape '\\'"
                        + " or lower(u.full_name) like :p escape '\\') order by u.username limit :limit")
                .param("p", like).param("limit", limit).query(UserService::row).list();
        return withRoles(rows);
    }

    /** The active accounts holding any of {@code roles}, each once, by name: one query for a picker. */
    public List<UserSummary> activeWithAnyRole(java.util.Collection<Role> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        List<UserRow> rows = jdbc.sql("select u.id, u.username, u.full_name, u.email, u.active,"
                        + " u.password_hash is not null as can_sign_in, u.language, u.created_at, u.version"
                        + " from app_user u where u.active = true and exists (select 1 from app_user_role r"
                        + " where r.user_id = u.id and r.role in (:roles)) order by lower(u.full_name), u.id")
                .param("roles", roles.stream().map(Role::name).toList()).query(UserService::row).list();
        return withRoles(rows);
    }

    /** Active users among {@code usernames}. */
    public List<UserSummary> activeByUsernames(java.util.Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return List.of();
        }
        List<UserRow> rows = jdbc.sql("select u.id, u.username, u.full_name, u.email, u.active,"
                        + " u.password_hash is not null as can_sign_in, u.language, u.created_at, u.version"
                        + " from app_user u where u.active = true and u.username in (:names) order by u.username")
                .param("names", usernames.stream().map(UserService::normalizeUsername).toList())
                .query(UserService::row).list();
        return withRoles(rows);
    }

    public Optional<UserSummary> findByUsername(String username) {
        return accounts.findByUsername(normalizeUsername(username)).map(UserService::summary);
    }

    @PreAuthorize(AppRoles.HAS_ADMIN)
    public Optional<UserSummary> get(UserId id) {
        return accounts.findById(id.value()).map(UserService::summary);
    }

    /** The username of an account, by id (for features that store ids). */
    public Optional<String> usernameOf(UserId id) {
        return jdbc.sql("select username from app_user where id = :id").param("id", id.value())
                .query(String.class).optional();
    }

    /**
     * The signed-in user's id; fails when the caller has no account (e.g. the system caller). A person
     * signed in through the form or HTTP Basic carries the id in the principal, so this costs no query;
     * other principals (demo data run as a named account, tests) are looked up by username (decision 032).
     */
    public UserId currentUserId() {
        String username = currentUser.requireUsername();
        Optional<UserId> carried = currentUser.principalUserId();
        if (carried.isPresent()) {
            return carried.get();
        }
        return jdbc.sql("select id from app_user where username = :username").param("username", username)
                .query(Long.class).optional().map(UserId::new)
                .orElseThrow(() -> new BusinessRuleException(null, "user.error.not-found"));
    }

    /** The signed-in user's own account. */
    public UserSummary me() {
        return accounts.findByUsername(currentUser.requireUsername()).map(UserService::summary)
                .orElseThrow(() -> new BusinessRuleException(null, "user.error.not-found"));
    }

    // ---- administration ----------------------------------------------------------------------

    @Transactional
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public UserSummary create(NewUser user) {
        UserAccount account = newAccount(user.username(), user.fullName(), user.email(), user.roles(),
                () -> checkPassword("password", user.password()));
        account.setPasswordHash(passwordEncoder.encode(user.password()));
        account.setLanguage((user.language() == null ? Languages.ENGLISH : Languages.of(user.language().toLanguageTag()))
                .getLanguage());
        return summary(accounts.saveAndFlush(account));
    }

    /** A new account checked as every new account is (username, name, e-mail, roles, then {@code more}). */
    private UserAccount newAccount(String rawUsername, String rawFullName, String rawEmail, Set<Role> rawRoles,
            Runnable more) {
        String username = normalizeUsername(rawUsername);
        if (username.isEmpty()) {
            throw new BusinessRuleException("username", "user.error.username-required");
        }
        if (!USERNAME.matcher(username).matches()) {
            throw new BusinessRuleException("username", "user.error.username-format");
        }
        if (accounts.existsByUsername(username)) {
            throw new BusinessRuleException("username", "user.error.username-taken", username);
        }
        String fullName = requireFullName(rawFullName);
        String email = checkEmail(rawEmail);
        Set<Role> roles = requireRoles(rawRoles);
        more.run();
        Instant now = clock.instant();
        var account = new UserAccount(username, fullName, now);
        account.setEmail(email);
        account.setRoles(roles);
        account.touch(currentUser.username().orElse("system"), now);
        return account;
    }

    /**
     * An account from history (CSV import): the same checks as {@link #create}, but no password, so
     * it cannot sign in until an administrator sets one; English until the person chooses.
     */
    @Transactional
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public UserId importUser(ImportedUser user) {
        UserAccount account = newAccount(user.username(), user.fullName(), user.email(), user.roles(), () -> { });
        account.setLanguage(Languages.ENGLISH.getLanguage());
        return new UserId(accounts.save(account).getId());
    }

    /** The ids of the accounts (active or not) with these usernames, by username: history refers to people so. */
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public java.util.Map<String, UserId> idsByUsername(java.util.Collection<String> usernames) {
        java.util.Map<String, UserId> ids = new java.util.HashMap<>();
        if (usernames.isEmpty()) {
            return ids;
        }
        jdbc.sql("select id, username from app_user where username in (:names)")
                .param("names", usernames.stream().map(UserService::normalizeUsername).toList())
                .query(rs -> {
                    ids.put(rs.getString("username"), new UserId(rs.getLong("id")));
                });
        return ids;
    }

    @Transactional
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public UserSummary update(UserId id, UserChanges changes) {
        UserAccount account = load(id);
        checkVersion(account, changes.version());
        String fullName = requireFullName(changes.fullName());
        String email = checkEmail(changes.email());
        Set<Role> roles = requireRoles(changes.roles());
        if (account.getRoles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN) && account.isActive()) {
            if (account.getUsername().equals(currentUser.requireUsername())) {
                throw new BusinessRuleException("roles", "user.error.own-admin-role");
            }
            requireAnotherActiveAdmin(account);
        }
        account.setFullName(fullName);
        account.setEmail(email);
        account.setRoles(roles);
        account.touch(currentUser.requireUsername(), clock.instant());
        return summary(accounts.saveAndFlush(account));
    }

    @Transactional
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public void setPassword(UserId id, String password) {
        UserAccount account = load(id);
        checkPassword("password", password);
        account.setPasswordHash(passwordEncoder.encode(password));
        account.touch(currentUser.requireUsername(), clock.instant());
        accounts.saveAndFlush(account);
    }

    /**
     * Deactivates an account: it can no longer sign in and its open sessions end. The last
     * active administrator and one's own account cannot be deactivated.
     */
    @Transactional
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public UserSummary deactivate(UserId id) {
        UserAccount account = load(id);
        if (!account.isActive()) {
            return summary(account);
        }
        if (account.getUsername().equals(currentUser.requireUsername())) {
            throw new BusinessRuleException(null, "user.error.deactivate-self");
        }
        if (account.getRoles().contains(Role.ADMIN)) {
            requireAnotherActiveAdmin(account);
        }
        account.setActive(false);
        account.touch(currentUser.requireUsername(), clock.instant());
        UserSummary result = summary(accounts.saveAndFlush(account));
        sessions.endSessionsAfterCommit(account.getUsername());
        return result;
    }

    @Transactional
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public UserSummary activate(UserId id) {
        UserAccount account = load(id);
        account.setActive(true);
        account.touch(currentUser.requireUsername(), clock.instant());
        return summary(accounts.saveAndFlush(account));
    }

    // ---- one's own account -------------------------------------------------------------------

    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        UserAccount account = accounts.findByUsername(currentUser.requireUsername())
                .orElseThrow(() -> new BusinessRuleException(null, "user.error.not-found"));
        if (currentPassword == null || account.getPasswordHash() == null
                || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throw new BusinessRuleException("currentPassword", "profile.error.current-password");
        }
        checkPassword("newPassword", newPassword);
        if (newPassword.equals(currentPassword)) {
            throw new BusinessRuleException("newPassword", "profile.error.same-password");
        }
        account.setPasswordHash(passwordEncoder.encode(newPassword));
        account.touch(account.getUsername(), clock.instant());
        accounts.saveAndFlush(account);
    }

    @Transactional
    public Locale changeOwnLanguage(Locale language) {
        if (language == null || !Languages.SUPPORTED.contains(Languages.of(language.toLanguageTag()))
                || !Languages.of(language.toLanguageTag()).getLanguage().equals(language.getLanguage())) {
            throw new BusinessRuleException("language", "profile.error.language");
        }
        UserAccount account = accounts.findByUsername(currentUser.requireUsername())
                .orElseThrow(() -> new BusinessRuleException(null, "user.error.not-found"));
        account.setLanguage(language.getLanguage());
        account.touch(account.getUsername(), clock.instant());
        accounts.saveAndFlush(account);
        return Languages.of(language.getLanguage());
    }

    // ---- rules -------------------------------------------------------------------------------

    private void requireAnotherActiveAdmin(UserAccount leaving) {
        boolean another = accounts.lockActiveWithRole(Role.ADMIN).stream()
                .anyMatch(a -> !a.getId().equals(leaving.getId()));
        if (!another) {
            throw new BusinessRuleException(null, "user.error.last-admin");
        }
    }

    private UserAccount load(UserId id) {
        return accounts.findById(id.value())
                .orElseThrow(() -> new BusinessRuleException(null, "user.error.not-found"));
    }

    private static void checkVersion(UserAccount account, long version) {
        if (account.getVersion() != version) {
            throw new ConcurrentEditException(account.getUpdatedBy(), account.getUpdatedAt());
        }
    }

    static String normalizeUsername(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    private static String requireFullName(String fullName) {
        String trimmed = fullName == null ? "" : fullName.strip();
        if (trimmed.isEmpty()) {
            throw new BusinessRuleException("fullName", "user.error.full-name-required");
        }
        if (trimmed.length() > 120) {
            throw new BusinessRuleException("fullName", "user.error.too-long", 120);
        }
        return trimmed;
    }

    private static String checkEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String trimmed = email.strip();
        if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
            throw new BusinessRuleException("email", "user.error.email-format");
        }
        return trimmed;
    }

    private static Set<Role> requireRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new BusinessRuleException("roles", "user.error.roles-required");
        }
        return EnumSet.copyOf(roles);
    }

    static void checkPassword(String field, String password) {
        if (password == null || password.length() < PASSWORD_MIN) {
            throw new BusinessRuleException(field, "user.error.password-short", PASSWORD_MIN);
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
            throw new BusinessRuleException(field, "user.error.password-long", PASSWORD_MAX_BYTES);
        }
        if (password.isBlank()) {
            throw new BusinessRuleException(field, "user.error.password-short", PASSWORD_MIN);
        }
    }

    // ---- mapping -----------------------------------------------------------------------------

    private record UserRow(long id, String username, String fullName, String email, boolean active,
            boolean canSignIn, String language, Instant createdAt, long version) {
    }

    private static UserRow row(ResultSet rs, int rowNum) throws SQLException {
        return new UserRow(rs.getLong("id"), rs.getString("username"), rs.getString("full_name"),
                rs.getString("email"), rs.getBoolean("active"), rs.getBoolean("can_sign_in"),
                rs.getString("language"), rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(),
                rs.getLong("version"));
    }

    private List<UserSummary> withRoles(List<UserRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(UserRow::id).toList();
        Map<Long, Set<Role>> roles = new HashMap<>();
        jdbc.sql("select user_id, role from app_user_role where user_id in (:ids)").param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), Role.valueOf(rs.getString(2))))
                .list()
                .forEach(e -> roles.computeIfAbsent(e.getKey(), k -> EnumSet.noneOf(Role.class)).add(e.getValue()));
        List<UserSummary> result = new ArrayList<>(rows.size());
        for (UserRow r : rows) {
            result.add(new UserSummary(new UserId(r.id()), r.username(), r.fullName(), r.email(),
                    roles.getOrDefault(r.id(), Set.of()), r.active(), r.canSignIn(), Languages.of(r.language()),
                    r.createdAt(), r.version()));
        }
        return result;
    }

    static UserSummary summary(UserAccount a) {
        return new UserSummary(new UserId(a.getId()), a.getUsername(), a.getFullName(), a.getEmail(),
                a.getRoles(), a.isActive(), a.getPasswordHash() != null, Languages.of(a.getLanguage()),
                a.getCreatedAt(), a.getVersion());
    }
}
