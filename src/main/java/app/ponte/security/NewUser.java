package app.ponte.security;

import java.util.Locale;
import java.util.Set;

/** What an administrator enters to create an account. */
public record NewUser(String username, String fullName, String email, Set<Role> roles, String password,
        Locale language) {
}
