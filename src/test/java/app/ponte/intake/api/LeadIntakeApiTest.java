package app.ponte.intake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.ponte.PonteTest;
import app.ponte.TestClock;
import app.ponte.TestUsers;
import app.ponte.base.PonteProperties;
import app.ponte.lead.Intent;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.security.ApiTokenService;
import app.ponte.security.CreatedApiToken;
import app.ponte.security.NewApiToken;
import app.ponte.security.NewUser;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserService;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * {@code POST /api/leads} (web-to-lead): a MARKETING token creates a NEW lead owned by
 * {@code ponte.intake.owner} (intake-owner in tests), the same e-mail within 30 days gives the same
 * id, every invalid field is named, 401/403 for the wrong caller, 429 after 60 a minute, CORS for
 * https://www.example.com only.
 */
@PonteTest
@Tag("persistence")
class LeadIntakeApiTest {

    private static final String OWNER = "intake-owner";
    private static final String ALLOWED_ORIGIN = "https://www.example.com";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    UserService users;

    @Autowired
    LeadService leads;

    @Autowired
    TestUsers testUsers;

    @Autowired
    TestClock clock;

    @Autowired
    PonteProperties properties;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void intakeOwner() {
        SystemCaller.run(() -> {
            if (users.findByUsername(OWNER).isEmpty()) {
                users.create(new NewUser(OWNER, "Web Intake", "intake@example.com", Set.of(Role.MARKETING),
                        TestUsers.PASSWORD, Locale.ENGLISH));
            }
        });
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private CreatedApiToken token(Role role, LocalDate expiresOn) {
        String admin = testUsers.create("intake-admin", Role.ADMIN).username();
        return SystemCaller.callAs(admin, List.of(Role.ADMIN),
                () -> tokens.create(new NewApiToken(TestUsers.uniqueName("web-form"), role, expiresOn)));
    }

    private static String email() {
        return TestUsers.uniqueName("visitor") + "@example.com";
    }

    private ResultActions post(String secret, String body) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/leads")
                .contentType(MediaType.APPLICATION_JSON).content(body);
        if (secret != null) {
            request.header("Authorization", "Bearer " + secret);
        }
        return mvc.perform(request);
    }

    private static String form(String name, String email, String channel) {
        return "{\"name\":\"" + name + "\",\"company\":\"Acme\",\"email\":\"" + email + "\",\"phone\":\"+39 06 1234\","
                + "\"channel\":\"" + channel + "\",\"intent\":\"transactional\",\"note\":\"Please call me\"}";
    }

    private long id(MvcResult result) throws Exception {
        return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.id")).longValue();
    }

    private LeadDetails lead(long id) {
        return SystemCaller.call(() -> leads.get(new LeadId(id))).orElseThrow();
    }

    private long submissions(long leadId) {
        return jdbc.sql("select count(*) from intake_submission where lead_id = :id").param("id", leadId)
                .query(Long.class).single();
    }

    @Test
    void a_form_becomes_a_new_lead_owned_and_created_by_the_configured_marketer() throws Exception {
        CreatedApiToken web = token(Role.MARKETING, null);
        String email = email();
        long id = id(post(web.secret(), form("Ada Lovelace", email, "seo"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.matchesPattern("/leads/\\d+")))
                .andExpect(jsonPath("$.duplicate").value(false))
                .andReturn());
        LeadDetails lead = lead(id);
        assertThat(lead.name()).isEqualTo("Ada Lovelace");
        assertThat(lead.company()).isEqualTo("Acme");
        assertThat(lead.email()).isEqualTo(email);
        assertThat(lead.phone()).isEqualTo("+39 06 1234");
        assertThat(lead.channelCode()).isEqualTo("SEO");
        assertThat(lead.intent()).isEqualTo(Intent.TRANSACTIONAL);
        assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
        assertThat(lead.owner().username()).isEqualTo(OWNER);
        assertThat(lead.createdBy().username()).isEqualTo(OWNER);
        assertThat(lead.updatedBy()).isEqualTo("token:" + web.summary().name());
        assertThat(jdbc.sql("select note from intake_submission where lead_id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("Please call me");
        // no channel → the default channel (WEBSITE); no intent, no note
        long minimal = id(post(web.secret(), "{\"name\":\"Bob\",\"email\":\"" + email() + "\"}")
                .andExpect(status().isCreated()).andReturn());
        assertThat(lead(minimal).channelCode()).isEqualTo("WEBSITE");
        assertThat(lead(minimal).intent()).isNull();
    }

    @Test
    void the_same_email_within_the_window_gives_the_same_lead_and_after_it_a_new_one() throws Exception {
        CreatedApiToken web = token(Role.MARKETING, null);
        String email = email();
        long first = id(post(web.secret(), form("Ada", email, "WEBSITE")).andExpect(status().isCreated()).andReturn());
        // case and spaces do not matter; the second form's note is kept with the same lead
        post(web.secret(), form("Ada L.", "  " + email.toUpperCase(Locale.ROOT) + " ", "BLOG"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(first))
                .andExpect(jsonPath("$.duplicate").value(true))
                .andExpect(header().doesNotExist("Location"));
        assertThat(lead(first).name()).isEqualTo("Ada");
        assertThat(submissions(first)).isEqualTo(2);
        clock.advance(Duration.ofDays(29));
        post(web.secret(), form("Ada", email, "WEBSITE")).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(first));
        // the window (30 days) counts from the lead's creation
        clock.advance(Duration.ofDays(2));
        long second = id(post(web.secret(), form("Ada", email, "WEBSITE")).andExpect(status().isCreated()).andReturn());
        assertThat(second).isNotEqualTo(first);
        post(web.secret(), form("Ada", email, "WEBSITE")).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(second));
    }

    @Test
    void every_invalid_field_is_named_in_one_answer() throws Exception {
        CreatedApiToken web = token(Role.MARKETING, null);
        String body = "{\"name\":\"  \",\"email\":\"not-an-email\",\"channel\":\"CARRIER_PIGEON\","
                + "\"intent\":\"CURIOUS\",\"phone\":\"call me\",\"note\":\"" + "x".repeat(2001) + "\"}";
        post(web.secret(), body).andExpect(status().isBadRequest())
                .andExpect(content().json("""
                        {"error":"Enter the lead's name.","field":"name","errors":[
                          {"error":"Enter the lead's name.","field":"name"},
                          {"error":"Enter a valid e-mail address.","field":"email"},
                          {"error":"Enter a phone number with digits, spaces and + ( ) . / - only.","field":"phone"},
                          {"error":"Unknown channel CARRIER_PIGEON.","field":"channel"},
                          {"error":"Unknown intent CURIOUS: use INFORMATIONAL, NAVIGATIONAL or TRANSACTIONAL.","field":"intent"},
                          {"error":"At most 2,000 characters.","field":"note"}]}""", true));
        // one broken rule: the usual {"error","field"}
        post(web.secret(), "{\"name\":\"Ada\"}").andExpect(status().isBadRequest())
                .andExpect(content().json("{\"error\":\"Enter the e-mail address.\",\"field\":\"email\"}", true));
        post(web.secret(), "{\"name\":").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("JSON object")));
        assertThat(jdbc.sql("select count(*) from lead where name = 'Ada' and email is null").query(Long.class)
                .single()).isZero();
    }

    @Test
    void no_revoked_or_expired_token_answers_401() throws Exception {
        String body = form("Ada", email(), "WEBSITE");
        post(null, body).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("authentication required"));
        CreatedApiToken revoked = token(Role.MARKETING, null);
        post(revoked.secret(), form("Ada", email(), "WEBSITE")).andExpect(status().isCreated());
        String admin = testUsers.create("intake-revoker", Role.ADMIN).username();
        SystemCaller.callAs(admin, List.of(Role.ADMIN), () -> tokens.revoke(revoked.summary().id()));
        post(revoked.secret(), body).andExpect(status().isUnauthorized());
        CreatedApiToken expiring = token(Role.MARKETING, LocalDate.ofInstant(clock.instant(), properties.zone()));
        post(expiring.secret(), form("Ada", email(), "WEBSITE")).andExpect(status().isCreated());
        clock.advance(Duration.ofDays(1));
        post(expiring.secret(), body).andExpect(status().isUnauthorized());
    }

    @Test
    void a_token_s_role_limits_what_it_may_call() throws Exception {
        for (Role role : List.of(Role.SALES, Role.MANAGER, Role.ADMIN)) {
            post(token(role, null).secret(), form("Ada", email(), "WEBSITE")).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.error").value("forbidden: your role may not do this"));
        }
        // an intake (MARKETING) token reads no statistics
        CreatedApiToken web = token(Role.MARKETING, null);
        mvc.perform(get("/api/stats/funnel?from=2026-01-01&to=2026-01-31")
                .header("Authorization", "Bearer " + web.secret())).andExpect(status().isForbidden());
    }

    @Test
    void the_61st_request_in_a_minute_answers_429_with_retry_after() throws Exception {
        CreatedApiToken web = token(Role.MARKETING, null);
        String body = form("Ada", email(), "WEBSITE");
        post(web.secret(), body).andExpect(status().isCreated());
        for (int i = 2; i <= 60; i++) {
            post(web.secret(), body).andExpect(status().isOk());
        }
        post(web.secret(), body).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9]|[1-5][0-9]|60")))
                .andExpect(jsonPath("$.error", containsString("too many requests")));
        // another token has its own allowance
        post(token(Role.MARKETING, null).secret(), body).andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(1));
        post(web.secret(), body).andExpect(status().isOk());
    }

    @Test
    void a_preflight_from_the_allowed_origin_passes_without_a_token_and_others_are_refused() throws Exception {
        mvc.perform(options("/api/leads").header("Origin", ALLOWED_ORIGIN)
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "authorization,content-type"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", ALLOWED_ORIGIN))
                .andExpect(header().string("Access-Control-Allow-Methods", containsString("POST")))
                .andExpect(header().string("Access-Control-Allow-Headers", containsString("authorization")));
        mvc.perform(options("/api/leads").header("Origin", "https://evil.example.org")
                        .header("Access-Control-Request-Method", "POST"))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
        // the post itself from the allowed origin carries the header; from another origin it is refused
        CreatedApiToken web = token(Role.MARKETING, null);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/leads")
                        .header("Origin", ALLOWED_ORIGIN).header("Authorization", "Bearer " + web.secret())
                        .contentType(MediaType.APPLICATION_JSON).content(form("Ada", email(), "WEBSITE")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Access-Control-Allow-Origin", ALLOWED_ORIGIN));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/leads")
                        .header("Origin", "https://evil.example.org").header("Authorization", "Bearer " + web.secret())
                        .contentType(MediaType.APPLICATION_JSON).content(form("Ada", email(), "WEBSITE")))
                .andExpect(status().isForbidden());
        // no other API path allows a web origin
        mvc.perform(options("/api/stats/funnel").header("Origin", ALLOWED_ORIGIN)
                        .header("Access-Control-Request-Method", "GET"))
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
    }
}
