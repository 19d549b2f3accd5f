package app.ponte.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.PonteTest;
import app.ponte.TestClock;
import app.ponte.TestUsers;
import app.ponte.base.PonteProperties;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code Authorization: Bearer} on {@code /api/**}: exactly the token's role, 401 like Basic otherwise. */
@PonteTest
@Tag("persistence")
class ApiTokenAuthenticationTest {

    private static final String HANDOFFS = "/api/stats/handoffs?from=2026-01-01&to=2026-01-31";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    TestUsers testUsers;

    @Autowired
    TestClock clock;

    @Autowired
    PonteProperties properties;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private CreatedApiToken token(Role role, LocalDate expiresOn) {
        String admin = testUsers.create("bearer-admin", Role.ADMIN).username();
        return SystemCaller.callAs(admin, List.of(Role.ADMIN),
                () -> tokens.create(new NewApiToken(TestUsers.uniqueName("bearer"), role, expiresOn)));
    }

    private ResultActions call(String url, String secret) throws Exception {
        return mvc.perform(get(url).header("Authorization", "Bearer " + secret));
    }

    private static void isJson401(ResultActions result) throws Exception {
        result.andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("authentication required"))
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"Ponte\""))
                .andExpect(header().doesNotExist("Location"));
    }

    @Test
    void a_manager_token_reads_statistics_and_is_marked_used() throws Exception {
        CreatedApiToken manager = token(Role.MANAGER, null);
        call(HANDOFFS, manager.secret()).andExpect(status().isOk())
                .andExpect(jsonPath("$.slaHours").value(24))
                .andExpect(header().doesNotExist("Set-Cookie"));
        var firstUse = lastUsed(manager);
        assertThat(firstUse).isNotNull();
        // a second call within the minute writes nothing
        call(HANDOFFS, manager.secret()).andExpect(status().isOk());
        assertThat(lastUsed(manager)).isEqualTo(firstUse);
        clock.advance(Duration.ofMinutes(2));
        call(HANDOFFS, manager.secret()).andExpect(status().isOk());
        assertThat(lastUsed(manager)).isAfter(firstUse);
    }

    private java.time.OffsetDateTime lastUsed(CreatedApiToken token) {
        return jdbc.sql("select last_used_at from api_token where id = :id").param("id", token.summary().id().value())
                .query(java.time.OffsetDateTime.class).single();
    }

    @Test
    void a_token_acts_with_exactly_its_role() throws Exception {
        CreatedApiToken sales = token(Role.SALES, null);
        call(HANDOFFS, sales.secret()).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("forbidden: your role may not do this"));
        CreatedApiToken manager = token(Role.MANAGER, null);
        call("/api/users", manager.secret()).andExpect(status().isForbidden());
        CreatedApiToken admin = token(Role.ADMIN, null);
        call("/api/users", admin.secret()).andExpect(status().isOk()).andExpect(jsonPath("$.users").isArray());
        // a token is no person: /api/me needs an account and refuses it
        call("/api/me", admin.secret()).andExpect(status().isBadRequest());
    }

    @Test
    void a_revoked_token_answers_401() throws Exception {
        CreatedApiToken manager = token(Role.MANAGER, null);
        call(HANDOFFS, manager.secret()).andExpect(status().isOk());
        String admin = testUsers.create("bearer-revoker", Role.ADMIN).username();
        SystemCaller.callAs(admin, List.of(Role.ADMIN), () -> tokens.revoke(manager.summary().id()));
        isJson401(call(HANDOFFS, manager.secret()));
    }

    @Test
    void an_expired_token_answers_401() throws Exception {
        LocalDate today = LocalDate.ofInstant(clock.instant(), properties.zone());
        CreatedApiToken manager = token(Role.MANAGER, today);
        call(HANDOFFS, manager.secret()).andExpect(status().isOk());
        clock.advance(Duration.ofDays(1));
        isJson401(call(HANDOFFS, manager.secret()));
    }

    @Test
    void a_garbage_token_answers_401() throws Exception {
        isJson401(call(HANDOFFS, "garbage"));
        isJson401(call(HANDOFFS, "ponte_" + "A".repeat(40)));
        CreatedApiToken manager = token(Role.MANAGER, null);
        isJson401(call(HANDOFFS, manager.secret() + "x"));
    }

    @Test
    void http_basic_still_works_and_tokens_do_not_open_the_ui() throws Exception {
        String manager = testUsers.create("bearer-basic", Role.MANAGER).username();
        mvc.perform(get(HANDOFFS).with(httpBasic(manager, TestUsers.PASSWORD))).andExpect(status().isOk());
        mvc.perform(get(HANDOFFS).with(httpBasic(manager, "wrong-password"))).andExpect(status().isUnauthorized());
        CreatedApiToken admin = token(Role.ADMIN, null);
        // the UI chain ignores Bearer: no session is created, the login page is where it sends you
        mvc.perform(get("/admin/tokens").header("Authorization", "Bearer " + admin.secret()))
                .andExpect(status().is3xxRedirection());
    }
}
