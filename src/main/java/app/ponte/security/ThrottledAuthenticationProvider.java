package app.ponte.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username and password sign-in (form and HTTP Basic) behind the throttle: a blocked account or
 * address is refused before the password is even checked, and every failure is counted.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final SignInThrottle throttle;

    ThrottledAuthenticationProvider(DaoAuthenticationProvider delegate, SignInThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        if (throttle.isBlocked(username, address)) {
            throw new SignInThrottledException();
        }
        try {
            return delegate.authenticate(authentication);
        } catch (AuthenticationException e) {
            throttle.recordFailure(username, address);
            // one answer for unknown, disabled and wrong-password alike
            throw new BadCredentialsException("bad credentials", e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
