package app.ponte.security;

/** What a person does in the team; a user may hold several. */
public enum Role {
    MARKETING,
    SALES,
    MANAGER,
    ADMIN;

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
