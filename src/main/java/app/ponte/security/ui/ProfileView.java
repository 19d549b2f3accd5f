package app.ponte.security.ui;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.i18n.Languages;
import app.ponte.base.ui.FormErrors;
import app.ponte.base.ui.MainLayout;
import app.ponte.security.UserService;
import app.ponte.security.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import java.util.stream.Collectors;

/** Every user: their own account, password and language. */
@Route(value = "profile", layout = MainLayout.class)
@PermitAll
class ProfileView extends VerticalLayout implements HasDynamicTitle {

    private final UserService users;
    final PasswordField currentPassword = new PasswordField();
    final PasswordField newPassword = new PasswordField();
    final PasswordField confirmPassword = new PasswordField();
    final Select<Locale> language = new Select<>();
    private final FormErrors errors = new FormErrors(this);

    ProfileView(UserService users) {
        this.users = users;
        setId("profile-view");
        setMaxWidth("48rem");
        UserSummary me = users.me();

        add(new H2(getTranslation("profile.title")));
        add(new Paragraph(getTranslation("profile.who", me.fullName(), me.username(),
                me.roles().stream().sorted().map(r -> getTranslation("role." + r.name()))
                        .collect(Collectors.joining(", ")))));

        language.setId("profile-language");
        language.setLabel(getTranslation("profile.language"));
        language.setItems(Languages.SUPPORTED);
        language.setItemLabelGenerator(l -> getTranslation("language." + l.getLanguage()));
        language.setValue(me.language());
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                changeLanguage(e.getValue());
            }
        });
        add(new H3(getTranslation("profile.language")), language);

        currentPassword.setId("profile-current-password");
        currentPassword.setLabel(getTranslation("profile.current-password"));
        newPassword.setId("profile-new-password");
        newPassword.setLabel(getTranslation("profile.new-password"));
        newPassword.setHelperText(getTranslation("users.password-help"));
        confirmPassword.setId("profile-confirm-password");
        confirmPassword.setLabel(getTranslation("profile.confirm-password"));
        errors.field("currentPassword", currentPassword).field("newPassword", newPassword)
                .field("confirmPassword", confirmPassword).field("language", language);
        var change = new Button(getTranslation("profile.change-password"), e -> changePassword());
        change.setId("profile-change-password");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new FormLayout(currentPassword, newPassword, confirmPassword);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(new H3(getTranslation("profile.password")), form, change);
    }

    void changePassword() {
        errors.clear();
        if (!newPassword.getValue().equals(confirmPassword.getValue())) {
            confirmPassword.setErrorMessage(getTranslation("profile.error.confirm"));
            confirmPassword.setInvalid(true);
            return;
        }
        try {
            users.changeOwnPassword(currentPassword.getValue(), newPassword.getValue());
            currentPassword.clear();
            newPassword.clear();
            confirmPassword.clear();
            FormErrors.success(getTranslation("profile.password-changed"));
        } catch (BusinessRuleException e) {
            errors.show(e);
        }
    }

    void changeLanguage(Locale chosen) {
        try {
            Locale saved = users.changeOwnLanguage(chosen);
            getUI().ifPresent(ui -> {
                UserLocaleInitializer.remember(ui.getSession(), saved);
                ui.setLocale(saved);
                ui.getPage().reload();
            });
        } catch (BusinessRuleException e) {
            errors.show(e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + getTranslation("profile.title");
    }
}
