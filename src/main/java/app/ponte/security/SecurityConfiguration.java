package app.ponte.security;

import app.ponte.security.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Three filter chains: {@code /api/**} is stateless (HTTP Basic or {@code Authorization: Bearer} API tokens), answers
 * 401/403 as JSON and never redirects; {@code /reports/*.pdf} takes the browser session or Basic/Bearer
 * (decision 028); everything else is the Vaadin UI with its login view.
 * Both sign in through the same throttled provider. Method security guards every service.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today; stored hashes carry their {id}, so a later switch (argon2) keeps old ones valid
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(PonteUserDetailsService users, PasswordEncoder passwordEncoder,
            SignInThrottle throttle) {
        var passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle));
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
            ApiTokenService tokens) throws Exception {
        http.securityMatcher("/api/**")
                // CORS before authentication, from the bean named corsConfigurationSource (the intake's:
                // POST /api/leads for ponte.intake.allowed-origins only); a preflight needs no token
                .cors(Customizer.withDefaults());
        scriptedClients(http, authenticationManager, tokens, SessionCreationPolicy.STATELESS);
        return http.build();
    }

    /**
     * Reports the app renders on the server as files ({@code /reports/audit.pdf}, decision 028): a link on a
     * page, so the signed-in browser session opens it, and a URL for scripts, so HTTP Basic and Bearer
     * tokens do too. Never a login redirect (a file is no page): 401/403 as JSON, as the API answers.
     * No session is created here; an existing one is read.
     */
    @Bean
    @Order(2)
    SecurityFilterChain reportFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
            ApiTokenService tokens) throws Exception {
        http.securityMatcher("/reports/*.pdf");
        // an existing session is read, none is created; GET only, and it changes nothing (no CSRF)
        scriptedClients(http, authenticationManager, tokens, SessionCreationPolicy.NEVER);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain uiFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
            SessionRegistry sessionRegistry) throws Exception {
        var failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setExceptionMappings(Map.of(SignInThrottledException.class.getName(), "/login?throttled"));
        failures.setDefaultFailureUrl("/login?error");
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(requests -> requests.requestMatchers("/styles/**", "/images/**").permitAll())
                // our own login view, never Spring's generated page; failures map to ?error / ?throttled
                .formLogin(form -> form.loginPage("/login").permitAll().failureHandler(failures))
                .sessionManagement(sessions -> sessions.maximumSessions(-1).sessionRegistry(sessionRegistry))
                // Vaadin denies every address that is no route (a bare 403 for signed-in users, which
                // browsers offer as a download); signed-in, the app answers it with its not-found view and
                // 404 (DocumentStatusFilter), signed-out the sign-in page comes first (decision 022)
                .with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                        .anyRequest(any -> any.authenticated()));
        return http.build();
    }

    /**
     * What the API and the report files share (one place, so they cannot drift apart): HTTP Basic and
     * {@code Authorization: Bearer} tokens (the Bearer filter only in these chains, never the UI's), every
     * request signed in, 401/403 as JSON and never a login redirect, no CSRF (no form posts here) and no
     * saved request; {@code sessions} says whether a browser session may be read (NEVER) or not (STATELESS).
     */
    private static void scriptedClients(HttpSecurity http, AuthenticationManager authenticationManager,
            ApiTokenService tokens, SessionCreationPolicy sessions) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> writeError(response,
                HttpServletResponse.SC_UNAUTHORIZED, "authentication required");
        http.addFilterBefore(new BearerTokenFilter(tokens, unauthorized), BasicAuthenticationFilter.class)
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("Ponte").authenticationEntryPoint(unauthorized))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, e) -> writeError(response,
                                HttpServletResponse.SC_FORBIDDEN, "forbidden: your role may not do this")))
                .sessionManagement(s -> s.sessionCreationPolicy(sessions))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
    }

    private static void writeError(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Ponte\"");
        }
        response.getWriter().write("{\"error\":\"" + message + "\"}");
    }
}
