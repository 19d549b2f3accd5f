package app.ponte.security.ui;

import app.ponte.base.ui.StatusMessages;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.HasValidationUtilsKt._expectInvalid;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import app.ponte.TestUsers;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserFilter;
import app.ponte.security.UserService;
import app.ponte.security.UserSort;
import app.ponte.security.UserSummary;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/** ADMIN's user administration: create, validate, deactivate, and the last-admin rule. */
class UsersViewTest extends KaribuTest {

    @Autowired
    UserService users;

    private UserSummary signInAsAdmin() {
        UserSummary admin = testUsers.create("ui-admin", Role.ADMIN);
        login(admin.username(), Role.ADMIN);
        UI.getCurrent().navigate("admin/users");
        return admin;
    }

    @SuppressWarnings("unchecked")
    private Grid<UserSummary> grid() {
        return _get(Grid.class, spec -> spec.withId("users-grid"));
    }

    private void search(String text) {
        _setValue(_get(TextField.class, spec -> spec.withId("users-search")), text);
    }

    @Test
    void creating_a_user_adds_them_to_the_list() {
        signInAsAdmin();
        String username = TestUsers.uniqueName("created");
        _click(_get(Button.class, spec -> spec.withId("users-new")));
        var dialog = _get(UserDialog.class);
        _setValue(dialog.username, username);
        _setValue(dialog.fullName, "Nadia Conte");
        _setValue(dialog.email, "nadia@example.com");
        _setValue(dialog.roles, Set.of(Role.MARKETING, Role.SALES));
        _setValue(dialog.password, "a-good-password");
        _click(_get(Button.class, spec -> spec.withId("user-save")));

        StatusMessages.expect("User " + username + " created");
        assertThat(_find(UserDialog.class)).isEmpty();
        search(username);
        assertThat(_size(grid())).isEqualTo(1);
        assertThat(_get(grid(), 0).roles()).containsExactlyInAnyOrder(Role.MARKETING, Role.SALES);
    }

    @Test
    void creating_a_user_without_roles_shows_the_error_at_the_roles_and_stores_nothing() {
        signInAsAdmin();
        String username = TestUsers.uniqueName("noroles");
        _click(_get(Button.class, spec -> spec.withId("users-new")));
        var dialog = _get(UserDialog.class);
        _setValue(dialog.username, username);
        _setValue(dialog.fullName, "No Roles");
        _setValue(dialog.password, "a-good-password");
        _click(_get(Button.class, spec -> spec.withId("user-save")));

        _expectInvalid(dialog.roles, "Choose at least one role.");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(SystemCaller.call(() -> users.findByUsername(username))).isEmpty();
    }

    @Test
    void a_taken_username_is_refused_beside_the_field() {
        signInAsAdmin();
        String taken = testUsers.create("taken-ui", Role.SALES).username();
        _click(_get(Button.class, spec -> spec.withId("users-new")));
        var dialog = _get(UserDialog.class);
        _setValue(dialog.username, taken);
        _setValue(dialog.fullName, "Someone Else");
        _setValue(dialog.roles, Set.of(Role.SALES));
        _setValue(dialog.password, "a-good-password");
        _click(_get(Button.class, spec -> spec.withId("user-save")));
        _expectInvalid(dialog.username, "The username " + taken + " is already taken.");
    }

    @Test
    void deactivating_a_user_marks_them_inactive() {
        signInAsAdmin();
        UserSummary leaver = testUsers.create("leaver", Role.SALES);
        search(leaver.username());
        var dialog = new UserDialog(users, _get(grid(), 0), () -> { });
        dialog.open();
        _click(_get(Button.class, spec -> spec.withId("user-toggle-active")));
        var confirm = _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class);
        assertThat(confirm.isOpened()).isTrue();
        confirm.close(); // as the browser does on the confirm button, then the event
        com.vaadin.flow.component.ComponentUtil.fireEvent(confirm,
                new com.vaadin.flow.component.confirmdialog.ConfirmDialog.ConfirmEvent(confirm, true));
        StatusMessages.expect("User " + leaver.username() + " deactivated");
        assertThat(SystemCaller.call(() -> users.get(leaver.id())).orElseThrow().active()).isFalse();
    }

    @Test
    @Transactional
    void the_last_active_admin_cannot_be_deactivated() {
        UserSummary last = testUsers.create("last-ui", Role.ADMIN);
        SystemCaller.run(() -> users.find(new UserFilter(null, Role.ADMIN, false), UserSort.USERNAME, true, 0, 1000)
                .stream().filter(u -> !u.id().equals(last.id())).forEach(u -> users.deactivate(u.id())));
        // an administrator acting through a service account, so the target is the last admin left
        login("it-service", Role.ADMIN);
        UI.getCurrent().navigate("admin/users");
        search(last.username());
        var dialog = new UserDialog(users, _get(grid(), 0), () -> { });
        dialog.open();
        dialog.deactivate();
        NotificationsKt.expectNotifications(
                "This is the last active administrator: give another user the Admin role first.");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(SystemCaller.call(() -> users.get(last.id())).orElseThrow().active()).isTrue();
    }

    @Test
    void an_admin_cannot_deactivate_their_own_account() {
        UserSummary admin = signInAsAdmin();
        search(admin.username());
        var dialog = new UserDialog(users, _get(grid(), 0), () -> { });
        dialog.open();
        dialog.deactivate();
        NotificationsKt.expectNotifications("You cannot deactivate your own account.");
    }
}
