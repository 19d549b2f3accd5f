package app.ponte.security.ui;

import app.ponte.base.ui.StatusMessages;
import static com.github.mvysny.kaributesting.v10.HasValidationUtilsKt._expectInvalid;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import app.ponte.TestUsers;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserService;
import app.ponte.security.UserSummary;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every user's profile: password change with the current password, and language. */
class ProfileViewTest extends KaribuTest {

    @Autowired
    UserService users;

    private UserSummary me;

    private ProfileView open() {
        me = testUsers.create("profile", Role.SALES);
        login(me.username(), Role.SALES);
        UI.getCurrent().navigate("profile");
        return _get(ProfileView.class);
    }

    @Test
    void a_wrong_current_password_is_shown_beside_the_field() {
        ProfileView view = open();
        _setValue(view.currentPassword, "not-my-password");
        _setValue(view.newPassword, "brand-new-password");
        _setValue(view.confirmPassword, "brand-new-password");
        _click(_get(Button.class, spec -> spec.withId("profile-change-password")));
        _expectInvalid(view.currentPassword, "The current password is not correct.");
    }

    @Test
    void mismatched_new_passwords_are_refused_before_anything_is_stored() {
        ProfileView view = open();
        _setValue(view.currentPassword, TestUsers.PASSWORD);
        _setValue(view.newPassword, "brand-new-password");
        _setValue(view.confirmPassword, "another-password");
        _click(_get(Button.class, spec -> spec.withId("profile-change-password")));
        _expectInvalid(view.confirmPassword, "The two passwords differ.");
    }

    @Test
    void changing_the_password_confirms_it() {
        ProfileView view = open();
        _setValue(view.currentPassword, TestUsers.PASSWORD);
        _setValue(view.newPassword, "brand-new-password");
        _setValue(view.confirmPassword, "brand-new-password");
        _click(_get(Button.class, spec -> spec.withId("profile-change-password")));
        StatusMessages.expect("Your password has been changed.");
    }

    @Test
    void choosing_italian_switches_the_interface() {
        ProfileView view = open();
        view.changeLanguage(Locale.ITALIAN);
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.ITALIAN);
        assertThat(SystemCaller.call(() -> users.findByUsername(me.username())).orElseThrow().language())
                .isEqualTo(Locale.ITALIAN);
    }
}
