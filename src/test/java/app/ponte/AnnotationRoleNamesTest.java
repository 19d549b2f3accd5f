package app.ponte;

import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.security.Role;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Role names in security annotations come from {@code AppRoles}, never from a literal: a renamed or
 * mistyped role then fails to compile instead of silently locking everyone out. The compiler inlines
 * constants, so the class files cannot tell {@code AppRoles.HAS_ADMIN} from {@code "hasRole('ADMIN')"}:
 * the literal check reads the sources; the class files are checked for roles that do not exist.
 */
class AnnotationRoleNamesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    /** The one place role names and the expressions built from them are written. */
    private static final String APP_ROLES = "app/ponte/security/AppRoles.java";
    private static final Pattern SECURITY_ANNOTATION =
            Pattern.compile("@(PreAuthorize|PostAuthorize|Secured|RolesAllowed)\\s*\\(");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern ROLE_EXPRESSION = Pattern.compile("has(Any)?(Role|Authority)\\s*\\(");
    private static final Pattern QUOTED_NAME = Pattern.compile("'([A-Za-z_]+)'");
    private static final Pattern ROLE_NAME = Pattern.compile("\\b(ROLE_)?("
            + Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining("|")) + ")\\b");

    @Test
    void no_security_annotation_names_a_role_in_a_literal() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = SOURCES.relativize(file).toString().replace('\\', '/');
                if (!relative.equals(APP_ROLES)) {
                    literalRoleNames(Files.readString(file)).forEach(hit -> found.add(relative + ": " + hit));
                }
            }
        }
        assertThat(found).as("role names written as literals (use the AppRoles constants)").isEmpty();
    }

    @Test
    void the_source_check_finds_literal_role_names_where_they_hide() {
        assertThat(literalRoleNames("@PreAuthorize(\"hasAnyRole('SALES', 'MANAGER')\") void a() {}")).hasSize(1);
        assertThat(literalRoleNames("@RolesAllowed({AppRoles.SALES, \"ADMIN\"}) class V {}")).hasSize(1);
        assertThat(literalRoleNames("@PreAuthorize(\"hasRole('\" + AppRoles.ADMIN + \"') and x\") void a() {}"))
                .isEmpty();
        // a constant used by an annotation, outside AppRoles
        assertThat(literalRoleNames("static final String WRITERS = \"hasAnyRole('MARKETING', 'SALES')\";")).hasSize(1);
        assertThat(literalRoleNames("@PreAuthorize(AppRoles.HAS_MANAGER) void a() { log(\"MANAGER\"); }")).isEmpty();
    }

    @Test
    void every_role_an_annotation_names_exists() {
        Set<String> roles = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet());
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.ponte");
        List<String> unknown = new ArrayList<>();
        int annotations = 0;
        for (JavaClass type : classes) {
            annotations += check(type.getName(), type.tryGetAnnotationOfType(PreAuthorize.class),
                    type.tryGetAnnotationOfType(RolesAllowed.class), roles, unknown);
            for (JavaMethod method : type.getMethods()) {
                annotations += check(method.getFullName(), method.tryGetAnnotationOfType(PreAuthorize.class),
                        method.tryGetAnnotationOfType(RolesAllowed.class), roles, unknown);
            }
        }
        assertThat(annotations).as("security annotations found").isGreaterThan(50);
        assertThat(unknown).as("roles that do not exist").isEmpty();
    }

    private static int check(String where, Optional<PreAuthorize> preAuthorize, Optional<RolesAllowed> rolesAllowed,
            Set<String> roles, List<String> unknown) {
        preAuthorize.ifPresent(annotation -> {
            Matcher expression = ROLE_EXPRESSION.matcher(annotation.value());
            while (expression.find()) {
                String arguments = annotation.value().substring(expression.end());
                Matcher name = QUOTED_NAME.matcher(arguments.substring(0, arguments.indexOf(')')));
                while (name.find()) {
                    if (!roles.contains(name.group(1).replaceFirst("^ROLE_", ""))) {
                        unknown.add(where + ": " + name.group(1));
                    }
                }
            }
        });
        rolesAllowed.ifPresent(annotation -> Arrays.stream(annotation.value()).filter(r -> !roles.contains(r))
                .forEach(r -> unknown.add(where + ": " + r)));
        return (preAuthorize.isPresent() ? 1 : 0) + (rolesAllowed.isPresent() ? 1 : 0);
    }

    /** Literals naming a role: inside a security annotation's arguments, or in any role expression. */
    static List<String> literalRoleNames(String source) {
        List<String> hits = new ArrayList<>();
        Matcher annotation = SECURITY_ANNOTATION.matcher(source);
        while (annotation.find()) {
            String arguments = source.substring(annotation.end(), closingParenthesis(source, annotation.end()));
            Matcher literal = STRING_LITERAL.matcher(arguments);
            while (literal.find()) {
                if (ROLE_NAME.matcher(literal.group()).find()) {
                    hits.add(annotation.group() + literal.group());
                }
            }
        }
        Matcher literal = STRING_LITERAL.matcher(source);
        while (literal.find()) {
            String text = literal.group();
            if (ROLE_EXPRESSION.matcher(text).find() && ROLE_NAME.matcher(text).find()
                    && hits.stream().noneMatch(h -> h.endsWith(text))) {
                hits.add(text);
            }
        }
        return hits;
    }

    /** The index of the parenthesis closing the one just before {@code from}, skipping string literals. */
    private static int closingParenthesis(String source, int from) {
        int depth = 1;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"') {
                i++;
                while (i < source.length() && source.charAt(i) != '"') {
                    if (source.charAt(i) == '\\') {
                        i++;
                    }
                    i++;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return source.length();
    }
}
