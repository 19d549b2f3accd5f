package app.ponte.security;

import static app.ponte.base.SqlValues.instant;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.PonteProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only door to API tokens: administrators create (the secret is returned once), list and
 * revoke them. Only the SHA-256 of a secret is stored. {@link #authenticate} is for the API
 * filter chain, not for callers.
 */
@Service
@Transactional(readOnly = true)
public class ApiTokenService {

    /** Every secret starts with this, so a leaked one is easy to recognise (and to grep for). */
    public static final String SECRET_PREFIX = "ponte_";
    static final int NAME_MAX = 80;
    static final int PREFIX_LENGTH = 8;
    private static final int RANDOM_CHARS = 40;
    private static final char[] URL_SAFE =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    /** last_used_at is written at most this often per token, so a busy client costs no write per call. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private static final String SELECT = """
            select t.id, t.name, t.prefix, t.role, u.username, t.created_at, t.expires_at, t.revoked_at,
                   t.last_used_at
            from api_token t join app_user u on u.id = t.created_by_id
            """;

    private final JdbcClient jdbc;
    private final UserService users;
    private final Clock clock;
    private final PonteProperties properties;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(JdbcClient jdbc, UserService users, Clock clock, PonteProperties properties) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
        this.properties = properties;
    }

    /** Creates a token; the returned secret is the only time it can be seen. */
    @Transactional
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public CreatedApiToken create(NewApiToken request) {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            throw new BusinessRuleException("name", "token.error.name-required");
        }
        if (name.length() > NAME_MAX) {
            throw new BusinessRuleException("name", "token.error.name-too-long", NAME_MAX);
        }
        if (request.role() == null) {
            throw new BusinessRuleException("role", "token.error.role-required");
        }
        Instant now = clock.instant();
        Instant expiresAt = null;
        if (request.expiresOn() != null) {
            LocalDate today = LocalDate.ofInstant(now, properties.zone());
            if (request.expiresOn().isBefore(today)) {
                throw new BusinessRuleException("expiresOn", "token.error.expiry-past");
            }
            expiresAt = request.expiresOn().plusDays(1).atStartOfDay(properties.zone()).toInstant();
        }
        boolean taken = jdbc.sql("""
                select count(*) from api_token where name = :name and revoked_at is null
                and (expires_at is null or expires_at > :now)""")
                .param("name", name).param("now", utc(now)).query(Long.class).single() > 0;
        if (taken) {
            throw new BusinessRuleException("name", "token.error.name-taken", name);
        }
        String secret = newSecret();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into api_token (name, token_hash, prefix, role, created_by_id, created_at, expires_at, version)
                values (:name, :hash, :prefix, :role, :createdBy, :createdAt, :expiresAt, 0)""")
                .param("name", name).param("hash", hash(secret)).param("prefix", secret.substring(0, PREFIX_LENGTH))
                .param("role", request.role().name()).param("createdBy", users.currentUserId().value())
                .param("createdAt", utc(now))
                .param("expiresAt", expiresAt == null ? null : utc(expiresAt))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        return new CreatedApiToken(secret, find(new ApiTokenId(id)).orElseThrow());
    }

    /** Every token, newest first (there are few); never a secret. */
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public List<ApiTokenSummary> list() {
        return jdbc.sql(SELECT + " order by t.created_at desc, t.id desc").query(ApiTokenService::summary).list();
    }

    /** Revokes a token at once; its next call answers 401. */
    @Transactional
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public ApiTokenSummary revoke(ApiTokenId id) {
        int changed = jdbc.sql("""
                update api_token set revoked_at = :now, version = version + 1
                where id = :id and revoked_at is null""")
                .param("now", utc(clock.instant())).param("id", id.value()).update();
        if (changed == 0) {
            var token = find(id).orElseThrow(() -> new BusinessRuleException(null, "token.error.not-found"));
            throw new BusinessRuleException(null, "token.error.already-revoked", token.name());
        }
        return find(id).orElseThrow();
    }

    /**
     * For the API filter chain only: the token with this secret if it is usable now (not revoked,
     * not expired); marks it used (at most once per minute).
     */
    @Transactional
    public Optional<ApiTokenSummary> authenticate(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        var token = jdbc.sql(SELECT + " where t.token_hash = :hash").param("hash", hash(secret))
                .query(ApiTokenService::summary).optional().filter(t -> t.activeAt(now));
        token.filter(t -> t.lastUsedAt() == null || !t.lastUsedAt().plus(LAST_USED_RESOLUTION).isAfter(now))
                .ifPresent(t -> jdbc.sql("update api_token set last_used_at = :now where id = :id")
                        .param("now", utc(now)).param("id", t.id().value()).update());
        return token;
    }

    private Optional<ApiTokenSummary> find(ApiTokenId id) {
        return jdbc.sql(SELECT + " where t.id = :id").param("id", id.value()).query(ApiTokenService::summary)
                .optional();
    }

    private String newSecret() {
        var secret = new StringBuilder(SECRET_PREFIX);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            secret.append(URL_SAFE[random.nextInt(URL_SAFE.length)]);
        }
        return secret.toString();
    }

    /** SHA-256 of the secret as 64 lower-case hex digits. */
    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiTokenSummary summary(ResultSet rs, int row) throws SQLException {
        return new ApiTokenSummary(new ApiTokenId(rs.getLong("id")), rs.getString("name"), rs.getString("prefix"),
                Role.valueOf(rs.getString("role")), rs.getString("username"), instant(rs, "created_at"),
                instant(rs, "expires_at"), instant(rs, "revoked_at"), instant(rs, "last_used_at"));
    }


    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
