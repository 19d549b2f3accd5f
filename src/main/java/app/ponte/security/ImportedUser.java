package app.ponte.security;

import java.util.Set;

/** A person from history (CSV import): no password, so the account cannot sign in until an admin sets one. */
public record ImportedUser(String username, String fullName, String email, Set<Role> roles) {
}
