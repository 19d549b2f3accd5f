package app.ponte.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import app.ponte.security.Role;
import app.ponte.security.SignInHints;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Set;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
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
        assertThat(new LoginView(context.getBeanProvider(SignInHints.class)).texts().getForm().getSubmit())
                .isEqualTo("Accedi");
    }

    @Test
    void the_language_switch_renders_the_form_and_its_error_in_italian() {
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("error", "")));
        _click(_get(Button.class, spec -> spec.withId("login-language-it")));
        LoginI18n texts = _get(LoginView.class).texts();
        assertThat(texts.getForm().getTitle()).isEqualTo("Accedi");
        assertThat(texts.getForm().getUsername()).isEqualTo("Nome utente");
        assertThat(texts.getErrorMessage().getMessage()).isEqualTo("Controlla nome utente e password e riprova.");
        assertThat(_get(LoginForm.class).isError()).isTrue();
        assertThat(_get(H1.class).getText()).isEqualTo("Ponte");
        assertThat(_get(Paragraph.class, spec -> spec.withText("Marketing e vendite, insieme attraverso il ponte")))
                .isNotNull();
        assertThat(VaadinSession.getCurrent().getLocale()).isEqualTo(java.util.Locale.ITALIAN);
        _click(_get(Button.class, spec -> spec.withId("login-language-en")));
        assertThat(_get(LoginView.class).texts().getForm().getSubmit()).isEqualTo("Sign in");
    }

    @Test
    void without_demo_data_the_page_lists_no_account() {
        assertThat(context.getBeanProvider(SignInHints.class).getIfAvailable()).isNull();
        UI.getCurrent().navigate("login");
        assertThat(_get(LoginView.class).demoAccounts()).isEmpty();
        assertThat(_find(Div.class, spec -> spec.withId("login-demo"))).isEmpty();
    }

    @Test
    void with_demo_data_the_page_lists_the_accounts_and_their_password_in_its_language() {
        SignInHints demo = new SignInHints() {
            @Override
            public List<Account> accounts() {
                return List.of(new Account("pmarino", "Paolo Marino", Set.of(Role.MARKETING, Role.SALES)));
            }

            @Override
            public String password() {
                return "ponte-demo";
            }
        };
        var provider = new org.springframework.beans.factory.support.StaticListableBeanFactory(
                Map.of("demo", demo)).getBeanProvider(SignInHints.class);
        UI.getCurrent().setLocale(java.util.Locale.ITALIAN);
        LoginView view = new LoginView(provider);
        UI.getCurrent().add(view);
        assertThat(view.demoAccounts()).containsExactly("pmarino");
        Div row = _get(Div.class, spec -> spec.withId("login-demo-pmarino"));
        assertThat(row.getElement().getTextRecursively()).contains("pmarino", "Paolo Marino", "Marketing, Vendite");
        assertThat(_get(Paragraph.class, spec -> spec.withId("login-demo-password")).getText())
                .contains("ponte-demo").startsWith("Tutti gli account demo");
    }
}
