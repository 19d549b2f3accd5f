package app.ponte.security;

/**
 * Role names as compile-time constants for {@code @RolesAllowed} and {@code @PreAuthorize}
 * (annotations cannot call {@link Role#name()}), and the {@code @PreAuthorize} expressions built from
 * them, so a role's name is written in one place only. {@code AnnotationRoleNamesTest} refuses a role
 * name written as a literal in an annotation.
 */
public final class AppRoles {

    public static final String MARKETING = "MARKETING";
    public static final String SALES = "SALES";
    public static final String MANAGER = "MANAGER";
    public static final String ADMIN = "ADMIN";

    public static final String HAS_MARKETING = "hasRole('" + MARKETING + "')";
    public static final String HAS_SALES = "hasRole('" + SALES + "')";
    public static final String HAS_MANAGER = "hasRole('" + MANAGER + "')";
    public static final String HAS_ADMIN = "hasRole('" + ADMIN + "')";
    public static final String HAS_MANAGER_OR_ADMIN = "hasAnyRole('" + MANAGER + "', '" + ADMIN + "')";
    public static final String HAS_SALES_OR_MANAGER = "hasAnyRole('" + SALES + "', '" + MANAGER + "')";
    public static final String HAS_MARKETING_OR_MANAGER = "hasAnyRole('" + MARKETING + "', '" + MANAGER + "')";
    /** The roles that log interactions: everyone but a pure administrator. */
    public static final String HAS_MARKETING_SALES_OR_MANAGER =
            "hasAnyRole('" + MARKETING + "', '" + SALES + "', '" + MANAGER + "')";
    /** Any of the four roles (unlike {@code isAuthenticated()}, an account or token without a role is refused). */
    public static final String HAS_ANY_ROLE =
            "hasAnyRole('" + MARKETING + "', '" + SALES + "', '" + MANAGER + "', '" + ADMIN + "')";

    private AppRoles() {
    }
}
