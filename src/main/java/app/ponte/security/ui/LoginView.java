package app.ponte.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The sign-in page. The form posts to Spring Security; a failure comes back as {@code ?error}
 * (any wrong, unknown or inactive account: one message that does not say which) or
 * {@code ?throttled} (too many failures for the account or from this address).
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private LoginI18n texts;

    public LoginView() {
        setId("login-view");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        addClassName("ponte-login");

        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        show(i18n(null));

        var title = new H1(getTranslation("app.name"));
        var tagline = new Paragraph(getTranslation("app.tagline"));
        var header = new Div(title, tagline);
        header.addClassName("ponte-login-header");
        add(header, form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("throttled")) {
            show(i18n("login.throttled"));
            form.setError(true);
        } else if (parameters.containsKey("error")) {
            show(i18n("login.failed"));
            form.setError(true);
        }
    }

    private void show(LoginI18n i18n) {
        texts = i18n;
        form.setI18n(i18n);
    }

    /** The texts the form shows now. */
    LoginI18n texts() {
        return texts;
    }

    private LoginI18n i18n(String errorKey) {
        LoginI18n i18n = LoginI18n.createDefault();
        var texts = new LoginI18n.Form();
        texts.setTitle(getTranslation("login.title"));
        texts.setUsername(getTranslation("login.username"));
        texts.setPassword(getTranslation("login.password"));
        texts.setSubmit(getTranslation("login.submit"));
        texts.setForgotPassword(getTranslation("login.forgot"));
        i18n.setForm(texts);
        if (errorKey != null) {
            var error = new LoginI18n.ErrorMessage();
            error.setTitle(getTranslation(errorKey + ".title"));
            error.setMessage(getTranslation(errorKey + ".message"));
            i18n.setErrorMessage(error);
        }
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + getTranslation("login.title");
    }
}
