package app.ponte.security.ui;

import app.ponte.base.i18n.Languages;
import app.ponte.security.SignInHints;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The sign-in page. The form posts to Spring Security; a failure comes back as {@code ?error}
 * (any wrong, unknown or inactive account: one message that does not say which) or
 * {@code ?throttled} (too many failures for the account or from this address).
 * It speaks the browser's language (Vaadin picks it from {@code Accept-Language} among the supported
 * ones) until the visitor switches; after sign-in the account's language wins
 * ({@link UserLocaleInitializer}). With demo data on it lists the demo accounts and their password.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final SignInHints hints;
    private final Div header = new Div();
    private final Div languages = new Div();
    private final Div demo = new Div();
    private LoginI18n texts;
    /** The failure shown ({@code login.failed}, {@code login.throttled}) or null, kept across a language switch. */
    private String errorKey;

    public LoginView(ObjectProvider<SignInHints> hints) {
        this.hints = hints.getIfAvailable();
        setId("login-view");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        addClassName("ponte-login");

        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        header.addClassName("ponte-login-header");
        languages.setId("login-languages");
        languages.addClassName("ponte-login-languages");
        demo.setId("login-demo");
        demo.addClassName("ponte-login-demo");
        add(header, form, languages);
        if (this.hints != null) {
            add(demo);
        }
        render();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("throttled")) {
            errorKey = "login.throttled";
        } else if (parameters.containsKey("error")) {
            errorKey = "login.failed";
        }
        render();
    }

    /** Shows the page in this language, for this visit (the HTTP session), without signing in. */
    void switchTo(Locale language) {
        Locale chosen = Languages.of(language.getLanguage());
        UI.getCurrent().setLocale(chosen);
        // new pages of this visit (e.g. /login?error after a wrong password) keep the choice
        VaadinSession.getCurrent().setLocale(chosen);
        render();
    }

    private void render() {
        header.removeAll();
        header.add(new H1(getTranslation("app.name")), new Paragraph(getTranslation("app.tagline")));
        texts = i18n(errorKey);
        form.setI18n(texts);
        form.setError(errorKey != null);
        renderLanguages();
        if (hints != null) {
            renderDemo();
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.getPage().setTitle(getPageTitle());
        }
    }

    private void renderLanguages() {
        languages.removeAll();
        Locale current = getLocale();
        for (Locale language : Languages.SUPPORTED) {
            var button = new Button(getTranslation("login.language." + language.getLanguage()),
                    e -> switchTo(language));
            button.setId("login-language-" + language.getLanguage());
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            boolean active = current != null && current.getLanguage().equals(language.getLanguage());
            button.getElement().setAttribute("aria-pressed", Boolean.toString(active));
            if (active) {
                button.addClassName("active");
            }
            button.getElement().setAttribute("lang", language.getLanguage());
            languages.add(button);
        }
    }

    private void renderDemo() {
        demo.removeAll();
        var title = new H2(getTranslation("login.demo.title"));
        var password = new Paragraph(getTranslation("login.demo.password", hints.password()));
        password.setId("login-demo-password");
        demo.add(title, password);
        for (SignInHints.Account account : hints.accounts()) {
            var username = new Span(account.username());
            username.addClassName("ponte-login-demo-username");
            var name = new Span(account.fullName());
            var roles = new Span(account.roles().stream().sorted().map(r -> getTranslation("role." + r.name()))
                    .collect(Collectors.joining(", ")));
            roles.addClassName("ponte-login-demo-roles");
            var row = new Div(username, name, roles);
            row.setId("login-demo-" + account.username());
            row.addClassName("ponte-login-demo-account");
            row.getElement().setAttribute("role", "button");
            row.getElement().setAttribute("tabindex", "0");
            row.getElement().setAttribute("title", getTranslation("login.demo.use", account.username()));
            row.addClickListener(e -> useAccount(account.username()));
            demo.add(row);
        }
    }

    /** Fills the form's username with a demo account's; the visitor types the password. */
    private void useAccount(String username) {
        form.getElement().executeJs("const user = this.querySelector('[name=\"username\"]');"
                + "if (user) { user.value = $0; user.dispatchEvent(new Event('input', {bubbles: true})); }"
                + "const password = this.querySelector('input[name=\"password\"]'); if (password) { password.focus(); }",
                username);
    }

    /** The texts the form shows now. */
    LoginI18n texts() {
        return texts;
    }

    /** The demo accounts listed, by username (empty without demo data). */
    List<String> demoAccounts() {
        return hints == null ? List.of() : hints.accounts().stream().map(SignInHints.Account::username).toList();
    }

    private LoginI18n i18n(String errorKey) {
        LoginI18n i18n = LoginI18n.createDefault();
        var formTexts = new LoginI18n.Form();
        formTexts.setTitle(getTranslation("login.title"));
        formTexts.setUsername(getTranslation("login.username"));
        formTexts.setPassword(getTranslation("login.password"));
        formTexts.setSubmit(getTranslation("login.submit"));
        formTexts.setForgotPassword(getTranslation("login.forgot"));
        i18n.setForm(formTexts);
        var error = new LoginI18n.ErrorMessage();
        String key = errorKey == null ? "login.failed" : errorKey;
        error.setTitle(getTranslation(key + ".title"));
        error.setMessage(getTranslation(key + ".message"));
        error.setUsername(getTranslation("login.required.username"));
        error.setPassword(getTranslation("login.required.password"));
        i18n.setErrorMessage(error);
        i18n.setAdditionalInformation(null);
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + getTranslation("login.title");
    }
}
