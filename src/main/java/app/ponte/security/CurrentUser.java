package app.ponte.security;

import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is calling, read from the security context of the current request or thread. */
@Component
public class CurrentUser {

    /** The signed-in username, or empty for an anonymous or system caller. */
    public Optional<String> username() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.ofNullable(authentication.getName());
    }

    /** The signed-in username; fails when there is none (a service reached without sign-in). */
    public String requireUsername() {
        return username().orElseThrow(
                () -> new org.springframework.security.access.AccessDeniedException("not signed in"));
    }

    /**
     * The account id the principal carries: set at sign-in (form, HTTP Basic) by
     * {@link PonteUserDetailsService}. Empty for principals without an account behind them at sign-in
     * time (the system caller, an API token, a test's plain principal), which fall back to a look-up.
     */
    Optional<UserId> principalUserId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof PonteUserDetails details) {
            return Optional.of(details.userId());
        }
        return Optional.empty();
    }

    public boolean has(Role role) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(role.authority()));
    }
}
