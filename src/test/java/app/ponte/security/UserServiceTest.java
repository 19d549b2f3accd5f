package app.ponte.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.base.BusinessRuleException;
import app.ponte.base.ConcurrentEditException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;

/** The rules of user administration, checked in the service whatever the caller. */
@PonteTest
@Tag("persistence")
class UserServiceTest {

    @Autowired
    UserService users;

    @Autowired
    TestUsers testUsers;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(String username, Role... roles) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, java.util.Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList()));
    }

    private NewUser newUser(String username, Set<Role> roles, String password) {
        return new NewUser(username, "Test User", username + "@example.com", roles, password, Locale.ITALIAN);
    }

    @Test
    void an_admin_creates_a_user_who_can_then_be_found() {
        UserSummary admin = testUsers.create("admin", Role.ADMIN);
        signIn(admin.username(), Role.ADMIN);
        String name = TestUsers.uniqueName("new");
        UserSummary created = users.create(new NewUser(" " + name.toUpperCase() + " ", "Test User",
                name + "@example.com", EnumSet.of(Role.MARKETING, Role.SALES), "long-enough", Locale.ITALIAN));
        assertThat(created.username()).isEqualTo(name);
        assertThat(created.roles()).containsExactlyInAnyOrder(Role.MARKETING, Role.SALES);
        assertThat(created.language()).isEqualTo(Locale.ITALIAN);
        assertThat(created.active()).isTrue();
        assertThat(users.find(new UserFilter(name, Role.SALES, false), UserSort.USERNAME, true, 0, 10))
                .extracting(UserSummary::username).containsExactly(name);
        assertThat(users.find(new UserFilter(name, Role.MANAGER, true), UserSort.USERNAME, true, 0, 10)).isEmpty();
    }

    @Test
    void bad_input_is_refused_with_the_field_at_fault() {
        signIn("system-admin", Role.ADMIN);
        String taken = testUsers.create("taken", Role.SALES).username();
        assertRefused(() -> users.create(newUser("", Set.of(Role.SALES), "long-enough")), "username");
        assertRefused(() -> users.create(newUser("Bad Name!", Set.of(Role.SALES), "long-enough")), "username");
        assertRefused(() -> users.create(newUser(taken, Set.of(Role.SALES), "long-enough")), "username");
        assertRefused(() -> users.create(newUser(TestUsers.uniqueName("x"), Set.of(), "long-enough")), "roles");
        assertRefused(() -> users.create(newUser(TestUsers.uniqueName("x"), Set.of(Role.SALES), "short")), "password");
        assertRefused(() -> users.create(newUser(TestUsers.uniqueName("x"), Set.of(Role.SALES), "é".repeat(40))),
                "password");
        assertRefused(() -> users.create(new NewUser(TestUsers.uniqueName("x"), " ", null, Set.of(Role.SALES),
                "long-enough", Locale.ENGLISH)), "fullName");
        assertRefused(() -> users.create(new NewUser(TestUsers.uniqueName("x"), "Name", "not-an-email",
                Set.of(Role.SALES), "long-enough", Locale.ENGLISH)), "email");
    }

    @Test
    void only_an_admin_may_administer_users() {
        UserSummary target = testUsers.create("target", Role.SALES);
        signIn("a-manager", Role.MANAGER, Role.SALES, Role.MARKETING);
        assertThatThrownBy(() -> users.create(newUser(TestUsers.uniqueName("x"), Set.of(Role.SALES), "long-enough")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.deactivate(target.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.setPassword(target.id(), "long-enough")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.find(UserFilter.all(), UserSort.USERNAME, true, 0, 10))
                .isInstanceOf(AccessDeniedException.class);
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> users.me()).isInstanceOfAny(AccessDeniedException.class,
                org.springframework.security.core.AuthenticationException.class);
    }

    @Test
    void an_admin_cannot_deactivate_themselves() {
        UserSummary admin = testUsers.create("self", Role.ADMIN);
        signIn(admin.username(), Role.ADMIN);
        assertThatThrownBy(() -> users.deactivate(admin.id()))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("user.error.deactivate-self");
    }

    @Test
    @Transactional
    void the_last_active_admin_can_be_neither_deactivated_nor_demoted() {
        UserSummary last = testUsers.create("last", Role.ADMIN);
        SystemCaller.run(() -> users.find(new UserFilter(null, Role.ADMIN, false), UserSort.USERNAME, true, 0, 1000)
                .stream().filter(u -> !u.id().equals(last.id())).forEach(u -> users.deactivate(u.id())));
        signIn("an-api-admin", Role.ADMIN);
        assertThatThrownBy(() -> users.deactivate(last.id()))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("user.error.last-admin");
        assertThatThrownBy(() -> users.update(last.id(), new UserChanges("Last", null, Set.of(Role.SALES),
                users.get(last.id()).orElseThrow().version())))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("user.error.last-admin");
        assertThat(users.get(last.id()).orElseThrow().active()).isTrue();
    }

    @Test
    void a_deactivated_admin_frees_the_rule_once_another_admin_exists() {
        UserSummary one = testUsers.create("one", Role.ADMIN);
        UserSummary two = testUsers.create("two", Role.ADMIN);
        signIn(one.username(), Role.ADMIN);
        assertThat(users.deactivate(two.id()).active()).isFalse();
        assertThat(users.activate(two.id()).active()).isTrue();
    }

    @Test
    void an_edit_made_against_a_stale_version_is_refused() {
        UserSummary admin = testUsers.create("editor", Role.ADMIN);
        UserSummary target = testUsers.create("edited", Role.SALES);
        signIn(admin.username(), Role.ADMIN);
        users.update(target.id(), new UserChanges("First edit", null, Set.of(Role.SALES), target.version()));
        assertThatThrownBy(() -> users.update(target.id(),
                new UserChanges("Second edit", null, Set.of(Role.SALES), target.version())))
                .isInstanceOf(ConcurrentEditException.class)
                .satisfies(e -> assertThat(((ConcurrentEditException) e).changedBy()).isEqualTo(admin.username()));
        assertThat(users.get(target.id()).orElseThrow().fullName()).isEqualTo("First edit");
    }

    @Test
    void a_user_changes_their_own_password_only_with_the_current_one() {
        UserSummary me = testUsers.create("me", Role.SALES);
        signIn(me.username(), Role.SALES);
        assertRefused(() -> users.changeOwnPassword("wrong-password", "another-password"), "currentPassword");
        assertRefused(() -> users.changeOwnPassword(TestUsers.PASSWORD, "short"), "newPassword");
        assertRefused(() -> users.changeOwnPassword(TestUsers.PASSWORD, TestUsers.PASSWORD), "newPassword");
        users.changeOwnPassword(TestUsers.PASSWORD, "another-password");
        users.changeOwnPassword("another-password", TestUsers.PASSWORD);
    }

    @Test
    void a_user_chooses_english_or_italian() {
        UserSummary me = testUsers.create("lang", Role.MARKETING);
        signIn(me.username(), Role.MARKETING);
        assertThat(users.changeOwnLanguage(Locale.ITALIAN)).isEqualTo(Locale.ITALIAN);
        assertThat(users.me().language()).isEqualTo(Locale.ITALIAN);
        assertRefused(() -> users.changeOwnLanguage(Locale.GERMAN), "language");
    }

    private static void assertRefused(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOf(BusinessRuleException.class)
                .satisfies(e -> assertThat(((BusinessRuleException) e).field()).contains(field));
    }
}
