package app.ponte.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Sign-in through the real filter chain: right and wrong passwords, inactive accounts, and the
 * throttle per account and per address, whose message never tells whether the account exists.
 * Each test uses its own client address, so the address throttle of one does not touch another.
 */
@PonteTest
class SignInTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers testUsers;

    @Autowired
    UserService users;

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signIn(String username,
            String password, String address) {
        return post("/login").param("username", username).param("password", password).with(csrf()).with(from(address));
    }

    @Test
    void the_right_password_signs_in_and_a_wrong_one_does_not() throws Exception {
        String username = testUsers.create("signin", Role.SALES).username();
        mvc.perform(signIn(username, TestUsers.PASSWORD, "10.1.0.1"))
                .andExpect(authenticated().withUsername(username))
                .andExpect(redirectedUrl("/"));
        mvc.perform(signIn(username, "wrong-password", "10.1.0.1"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void the_sign_in_page_is_ours_not_spring_security_default(
            @Autowired org.springframework.security.web.FilterChainProxy filters) {
        org.assertj.core.api.Assertions.assertThat(filters.getFilterChains())
                .flatExtracting(org.springframework.security.web.SecurityFilterChain::getFilters)
                .noneMatch(f -> f instanceof org.springframework.security.web.authentication.ui.DefaultLoginPageGeneratingFilter);
    }

    @Test
    void an_inactive_account_cannot_sign_in() throws Exception {
        UserSummary user = testUsers.create("inactive", Role.SALES);
        SystemCaller.run(() -> users.deactivate(user.id()));
        mvc.perform(signIn(user.username(), TestUsers.PASSWORD, "10.1.0.2"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void ten_failures_block_the_account_even_with_the_right_password() throws Exception {
        String username = testUsers.create("throttled", Role.MARKETING).username();
        for (int i = 0; i < 10; i++) {
            // spread over addresses: only the account's own counter reaches ten
            mvc.perform(signIn(username, "wrong-" + i, "10.2.0." + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(signIn(username, TestUsers.PASSWORD, "10.2.1.1"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?throttled"));
    }

    @Test
    void ten_failures_from_one_address_block_that_address_for_known_and_unknown_accounts() throws Exception {
        String username = testUsers.create("victim", Role.SALES).username();
        for (int i = 0; i < 10; i++) {
            mvc.perform(signIn("nobody-" + i, "guess", "10.3.0.1"))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(signIn(username, TestUsers.PASSWORD, "10.3.0.1"))
                .andExpect(redirectedUrl("/login?throttled"));
        mvc.perform(signIn("nobody-at-all", "guess", "10.3.0.1"))
                .andExpect(redirectedUrl("/login?throttled"));
        // another address is not affected
        mvc.perform(signIn(username, TestUsers.PASSWORD, "10.3.0.2"))
                .andExpect(authenticated());
    }
}
