package app.ponte.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sign-in page: the form posts to Spring Security (checked end to end in SignInTest and the
 * browser smoke test); here, what the page shows after a failure.
 */
class SignInViewTest extends KaribuTest {

    @Test
    void the_sign_in_form_posts_to_spring_security() {
        UI.getCurrent().navigate("login");
        LoginForm form = _get(LoginForm.class);
        assertThat(form.getAction()).isEqualTo("login");
        assertThat(form.isError()).isFalse();
    }

    @Test
    void a_failed_sign_in_shows_one_message_for_every_cause() {
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("error", "")));
        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(_get(LoginView.class).texts().getErrorMessage().getMessage())
                .isEqualTo("Check your username and password and try again.");
    }

    @Test
    void a_throttled_sign_in_says_to_wait() {
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("throttled", "")));
        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(_get(LoginView.class).texts().getErrorMessage().getTitle()).isEqualTo("Too many attempts");
    }

    @Test
    void the_sign_in_page_speaks_italian_to_an_italian_browser() {
        // the UI takes the browser's language when it starts; the view built then speaks it
        UI.getCurrent().setLocale(java.util.Locale.ITALIAN);
        assertThat(new LoginView().texts().getForm().getSubmit()).isEqualTo("Accedi");
    }
}
