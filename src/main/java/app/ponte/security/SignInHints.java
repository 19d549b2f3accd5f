package app.ponte.security;

import java.util.List;
import java.util.Set;

/**
 * Accounts the sign-in page may list so a newcomer can try each role without reading the README.
 * Only the demo data provides a bean of this type, and only when {@code ponte.demo-data} is on;
 * a production installation has none and its sign-in page lists nothing.
 */
public interface SignInHints {

    /** The accounts to list, in the order to show them. */
    List<Account> accounts();

    /** The password every listed account signs in with. */
    String password();

    record Account(String username, String fullName, Set<Role> roles) {
    }
}
