package app.ponte.security;


import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work that no person asked for (start-up account creation, demo data) as the built-in
 * {@code system} caller holding every role, so services keep checking roles for everyone else.
 */
public final class SystemCaller {

    public static final String USERNAME = "system";

    private SystemCaller() {
    }

    public static <T> T call(Supplier<T> work) {
        return callAs(USERNAME, java.util.Arrays.asList(Role.values()), work);
    }

    /**
     * Runs work as a named account with the given roles (demo data that a person would have
     * entered, such as a survey a manager creates); the previous caller is restored.
     */
    public static <T> T callAs(String username, java.util.Collection<Role> roles, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

}
