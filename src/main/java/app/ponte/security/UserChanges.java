package app.ponte.security;

import java.util.Set;

/** An administrator's edit of an account, made against the version that was read. */
public record UserChanges(String fullName, String email, Set<Role> roles, long version) {
}
