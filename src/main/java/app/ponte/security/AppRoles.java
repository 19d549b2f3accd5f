package app.ponte.security;

/**
 * Role names as compile-time constants for {@code @RolesAllowed} and {@code @PreAuthorize}
 * (annotations cannot call {@link Role#name()}).
 */
public final class AppRoles {

    public static final String MARKETING = "MARKETING";
    public static final String SALES = "SALES";
    public static final String MANAGER = "MANAGER";
    public static final String ADMIN = "ADMIN";

    private AppRoles() {
    }
}
