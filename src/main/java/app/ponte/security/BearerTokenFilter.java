package app.ponte.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In the {@code /api/**} chain only: {@code Authorization: Bearer <secret>} signs the request in
 * as {@code token:<name>} with exactly the token's role. A secret that matches no usable token
 * (unknown, revoked, expired) answers the same JSON 401 as a failed HTTP Basic sign-in. Requests
 * without a Bearer header pass through untouched (HTTP Basic handles them). Not a bean, so it is
 * never registered as a servlet filter for the UI.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    static final String PRINCIPAL_PREFIX = "token:";
    private static final String BEARER = "Bearer ";

    private final ApiTokenService tokens;
    private final AuthenticationEntryPoint entryPoint;

    BearerTokenFilter(ApiTokenService tokens, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        var token = tokens.authenticate(header.substring(BEARER.length()).strip());
        if (token.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("unknown, revoked or expired token"));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                PRINCIPAL_PREFIX + token.get().name(), null,
                List.of(new SimpleGrantedAuthority(token.get().role().authority()))));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
