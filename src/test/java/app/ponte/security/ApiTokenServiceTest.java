package app.ponte.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ponte.PonteTest;
import app.ponte.TestClock;
import app.ponte.TestUsers;
import app.ponte.base.PonteProperties;
import app.ponte.base.BusinessRuleException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** API tokens: the secret is handed out once and only its SHA-256 is stored; ADMIN only. */
@PonteTest
@Tag("persistence")
class ApiTokenServiceTest {

    @Autowired
    ApiTokenService tokens;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    PonteProperties properties;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private <T> T asAdmin(Supplier<T> work) {
        String admin = testUsers.create("tok-admin", Role.ADMIN).username();
        return SystemCaller.callAs(admin, List.of(Role.ADMIN), work);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), properties.zone());
    }

    @Test
    void create_returns_the_secret_once_and_stores_only_its_hash() {
        String name = TestUsers.uniqueName("ci");
        CreatedApiToken created = asAdmin(() -> tokens.create(new NewApiToken(" " + name + " ", Role.MANAGER, null)));

        assertThat(created.secret()).matches("ponte_[A-Za-z0-9_-]{40}");
        assertThat(created.summary().name()).isEqualTo(name);
        assertThat(created.summary().role()).isEqualTo(Role.MANAGER);
        assertThat(created.summary().prefix()).isEqualTo(created.secret().substring(0, 8));
        assertThat(created.summary().expiresAt()).isNull();
        assertThat(created.summary().revokedAt()).isNull();
        assertThat(created.summary().lastUsedAt()).isNull();

        Map<String, Object> row = jdbc.sql("select * from api_token where id = :id")
                .param("id", created.summary().id().value()).query().singleRow();
        String storedHash = (String) row.get("token_hash"); // column map is case-insensitive
        assertThat(storedHash).hasSize(64).isEqualTo(ApiTokenService.hash(created.secret()))
                .isNotEqualTo(created.secret());
        // the secret appears in no column of the row
        assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains(created.secret()));
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = :h")
                .param("h", ApiTokenService.hash(created.secret())).query(Long.class).single()).isEqualTo(1L);

        // the list never carries a secret: the summary type has no such field, and the entry matches
        List<ApiTokenSummary> listed = asAdmin(() -> tokens.list());
        assertThat(listed).filteredOn(t -> t.name().equals(name)).singleElement()
                .isEqualTo(created.summary());
    }

    @Test
    void an_expiry_date_is_the_last_valid_day() {
        String name = TestUsers.uniqueName("exp");
        LocalDate lastDay = today().plusDays(3);
        CreatedApiToken created = asAdmin(() -> tokens.create(new NewApiToken(name, Role.SALES, lastDay)));
        assertThat(created.summary().expiresAt()).isEqualTo(lastDay.plusDays(1).atStartOfDay(properties.zone())
                .toInstant());
    }

    @Test
    void revoke_marks_the_token_and_a_second_revoke_is_refused() {
        String name = TestUsers.uniqueName("rv");
        CreatedApiToken created = asAdmin(() -> tokens.create(new NewApiToken(name, Role.SALES, null)));
        ApiTokenSummary revoked = asAdmin(() -> tokens.revoke(created.summary().id()));
        assertThat(revoked.revokedAt()).isNotNull();
        assertThat(revoked.activeAt(clock.instant())).isFalse();
        assertThat(tokens.authenticate(created.secret())).isEmpty();
        assertThat(jdbc.sql("select version from api_token where id = :id").param("id", created.summary().id().value())
                .query(Long.class).single()).isEqualTo(1L);
        assertThatThrownBy(() -> asAdmin(() -> tokens.revoke(created.summary().id())))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("token.error.already-revoked"));
        // the name is free again once the old token is revoked
        assertThat(asAdmin(() -> tokens.create(new NewApiToken(name, Role.SALES, null))).summary().name())
                .isEqualTo(name);
    }

    @Test
    void validation_names_the_field() {
        String taken = TestUsers.uniqueName("dup");
        asAdmin(() -> tokens.create(new NewApiToken(taken, Role.MANAGER, null)));
        assertRefused(new NewApiToken("  ", Role.MANAGER, null), "name", "token.error.name-required");
        assertRefused(new NewApiToken("x".repeat(81), Role.MANAGER, null), "name", "token.error.name-too-long");
        assertRefused(new NewApiToken(taken, Role.SALES, null), "name", "token.error.name-taken");
        assertRefused(new NewApiToken(TestUsers.uniqueName("nr"), null, null), "role", "token.error.role-required");
        assertRefused(new NewApiToken(TestUsers.uniqueName("past"), Role.MANAGER, today().minusDays(1)), "expiresOn",
                "token.error.expiry-past");
        // exactly 80 characters and an expiry of today are fine
        String eighty = TestUsers.uniqueName("len") + "y".repeat(80);
        asAdmin(() -> tokens.create(new NewApiToken(eighty.substring(eighty.length() - 80), Role.MANAGER, today())));
    }

    private void assertRefused(NewApiToken request, String field, String key) {
        assertThatThrownBy(() -> asAdmin(() -> tokens.create(request)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.field()).contains(field);
                    assertThat(e.messageKey()).isEqualTo(key);
                });
    }

    @Test
    void only_an_admin_manages_tokens() {
        String manager = testUsers.create("tok-mgr", Role.MANAGER).username();
        assertThatThrownBy(() -> SystemCaller.callAs(manager, List.of(Role.MANAGER, Role.SALES, Role.MARKETING),
                () -> tokens.create(new NewApiToken(TestUsers.uniqueName("no"), Role.ADMIN, null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> SystemCaller.callAs(manager, List.of(Role.MANAGER), () -> tokens.list()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> SystemCaller.callAs(manager, List.of(Role.MANAGER),
                () -> tokens.revoke(new ApiTokenId(1)))).isInstanceOf(AccessDeniedException.class);
    }
}
