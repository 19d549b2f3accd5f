package app.ponte.security;

/**
 * Narrows the user list: free text over username, name and e-mail, an optional role, and whether
 * deactivated accounts are included.
 */
public record UserFilter(String text, Role role, boolean includeInactive) {

    public static UserFilter all() {
        return new UserFilter(null, null, true);
    }
}
