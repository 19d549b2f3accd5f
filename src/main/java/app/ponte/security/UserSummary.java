package app.ponte.security;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/** What the rest of the application may know about a user (never the password hash). */
public record UserSummary(
        UserId id,
        String username,
        String fullName,
        String email,
        Set<Role> roles,
        boolean active,
        boolean canSignIn,
        Locale language,
        Instant createdAt,
        long version) {

    public UserSummary {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
