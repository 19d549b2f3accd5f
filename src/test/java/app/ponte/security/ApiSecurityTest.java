package app.ponte.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** {@code /api/**}: stateless HTTP Basic, JSON 401/403 bodies, never a redirect to the login page. */
@PonteTest
class ApiSecurityTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers testUsers;

    @Test
    void without_credentials_the_api_answers_401_json_not_a_redirect() throws Exception {
        mvc.perform(get("/api/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("authentication required"))
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"Ponte\""))
                .andExpect(header().doesNotExist("Location"));
    }

    @Test
    void wrong_credentials_answer_401_json() throws Exception {
        String username = testUsers.create("api-wrong", Role.SALES).username();
        mvc.perform(get("/api/me").with(httpBasic(username, "not-the-password")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").exists());
    }

    @Test
    void a_wrong_role_answers_403_json() throws Exception {
        String username = testUsers.create("api-sales", Role.SALES).username();
        mvc.perform(get("/api/users").with(httpBasic(username, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").exists());
    }

    @Test
    void the_right_role_gets_the_data() throws Exception {
        String sales = testUsers.create("api-me", Role.SALES, Role.MARKETING).username();
        mvc.perform(get("/api/me").with(httpBasic(sales, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(sales))
                .andExpect(jsonPath("$.roles[0]").value("MARKETING"))
                .andExpect(jsonPath("$.roles[1]").value("SALES"));
        String admin = testUsers.create("api-admin", Role.ADMIN).username();
        mvc.perform(get("/api/users").with(httpBasic(admin, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.users").isArray());
    }

    @Test
    void the_api_needs_no_csrf_token_and_keeps_no_session() throws Exception {
        String admin = testUsers.create("api-csrf", Role.ADMIN).username();
        // an unmapped POST reaches MVC (404/405), proving CSRF did not refuse it with 403
        mvc.perform(post("/api/users").with(httpBasic(admin, TestUsers.PASSWORD)))
                .andExpect(status().is4xxClientError())
                .andExpect(result -> org.assertj.core.api.Assertions.assertThat(result.getResponse().getStatus())
                        .isNotEqualTo(403))
                .andExpect(result -> org.assertj.core.api.Assertions.assertThat(result.getRequest().getSession(false))
                        .isNull());
    }
}
