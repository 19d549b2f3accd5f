package app.ponte.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The principal of a person signed in with a password carries the account id, so
 * {@link UserService#currentUserId()} answers without looking the id up by username (decision 032).
 */
@PonteTest
class SignedInPrincipalTest {

    @Autowired
    AuthenticationManager authenticationManager;

    @Autowired
    UserService users;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_sign_in_form_puts_the_account_id_into_the_principal() throws Exception {
        UserSummary user = testUsers.create("principal-form", Role.SALES);
        mvc.perform(post("/login").param("username", user.username()).param("password", TestUsers.PASSWORD)
                        .with(csrf()).with(request -> {
                            request.setRemoteAddr("10.9.0.1");
                            return request;
                        }))
                .andExpect(authenticated().withAuthentication(authentication ->
                        assertThat(((PonteUserDetails) authentication.getPrincipal()).userId()).isEqualTo(user.id())));
    }

    @Test
    void a_service_call_after_sign_in_takes_the_id_from_the_principal_not_from_app_user() {
        UserSummary user = testUsers.create("principal-id", Role.MARKETING);
        // the provider that form login and HTTP Basic share
        Authentication signedIn = authenticationManager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(user.username(), TestUsers.PASSWORD));
        SecurityContextHolder.getContext().setAuthentication(signedIn);
        // after sign-in no app_user row has this username any more: a look-up by username would find nothing
        jdbc.sql("update app_user set username = :renamed where id = :id")
                .param("renamed", user.username() + "-x").param("id", user.id().value()).update();

        assertThat(users.currentUserId()).isEqualTo(user.id());
    }

    @Test
    void a_principal_without_an_id_is_still_looked_up_by_username() {
        UserSummary user = testUsers.create("principal-plain", Role.SALES);
        SystemCaller.callAs(user.username(), java.util.List.of(Role.SALES), () -> {
            assertThat(users.currentUserId()).isEqualTo(user.id());
            return null;
        });
    }
}
