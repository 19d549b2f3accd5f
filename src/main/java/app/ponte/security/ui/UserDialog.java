package app.ponte.security.ui;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.ConcurrentEditException;
import app.ponte.base.i18n.Languages;
import app.ponte.base.ui.FormErrors;
import app.ponte.security.NewUser;
import app.ponte.security.Role;
import app.ponte.security.UserChanges;
import app.ponte.security.UserService;
import app.ponte.security.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;

/** Creates an account, or edits one: name, e-mail, roles, password, active. */
class UserDialog extends Dialog {

    private final UserService users;
    private final UserSummary existing;
    private final Runnable onChange;

    final TextField username = new TextField();
    final TextField fullName = new TextField();
    final EmailField email = new EmailField();
    final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    final PasswordField password = new PasswordField();
    final Select<Locale> language = new Select<>();
    private final FormErrors errors = new FormErrors(this);

    UserDialog(UserService users, UserSummary existing, Runnable onChange) {
        this.users = users;
        this.existing = existing;
        this.onChange = onChange;
        setId("user-dialog");
        setHeaderTitle(getTranslation(existing == null ? "users.new" : "users.edit"));
        setWidth("40rem");

        username.setId("user-username");
        username.setLabel(getTranslation("users.username"));
        username.setRequiredIndicatorVisible(true);
        username.setHelperText(getTranslation("users.username-help"));
        fullName.setId("user-full-name");
        fullName.setLabel(getTranslation("users.full-name"));
        fullName.setRequiredIndicatorVisible(true);
        fullName.setMaxLength(120);
        email.setId("user-email");
        email.setLabel(getTranslation("users.email"));
        roles.setId("user-roles");
        roles.setLabel(getTranslation("users.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        roles.setRequiredIndicatorVisible(true);
        password.setId("user-password");
        password.setLabel(getTranslation(existing == null ? "users.password" : "users.new-password"));
        password.setHelperText(getTranslation("users.password-help"));
        language.setId("user-language");
        language.setLabel(getTranslation("profile.language"));
        language.setItems(Languages.SUPPORTED);
        language.setItemLabelGenerator(l -> getTranslation("language." + l.getLanguage()));
        language.setValue(Languages.ENGLISH);

        errors.field("username", username).field("fullName", fullName).field("email", email)
                .field("roles", roles).field("password", password);

        var form = new FormLayout();
        if (existing == null) {
            password.setRequiredIndicatorVisible(true);
            form.add(username, fullName, email, language, roles, password);
        } else {
            username.setValue(existing.username());
            username.setReadOnly(true);
            fullName.setValue(existing.fullName());
            email.setValue(existing.email() == null ? "" : existing.email());
            roles.setValue(existing.roles());
            form.add(username, fullName, email, roles);
        }
        form.setColspan(roles, 2);
        add(form);

        var save = new Button(getTranslation("common.save"), e -> save());
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("user-cancel");
        getFooter().add(cancel, save);

        if (existing != null) {
            var setPassword = new Button(getTranslation("users.set-password"), e -> setPassword());
            setPassword.setId("user-set-password");
            var passwordRow = new HorizontalLayout(password, setPassword);
            passwordRow.setAlignItems(HorizontalLayout.Alignment.BASELINE);
            add(passwordRow);

            Button toggle;
            if (existing.active()) {
                toggle = new Button(getTranslation("users.deactivate"), e -> confirmDeactivate());
                toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
            } else {
                toggle = new Button(getTranslation("users.activate"), e -> activate());
            }
            toggle.setId("user-toggle-active");
            getFooter().addComponentAsFirst(toggle);
        }
    }

    void save() {
        errors.clear();
        try {
            if (existing == null) {
                users.create(new NewUser(username.getValue(), fullName.getValue(), email.getValue(),
                        roles.getValue(), password.getValue(), language.getValue()));
                FormErrors.success(getTranslation("users.created", username.getValue().trim()));
            } else {
                users.update(existing.id(), new UserChanges(fullName.getValue(), email.getValue(), roles.getValue(),
                        existing.version()));
                FormErrors.success(getTranslation("users.saved", existing.username()));
            }
            onChange.run();
            close();
        } catch (BusinessRuleException e) {
            errors.show(e);
        } catch (ConcurrentEditException e) {
            errors.show(e);
        }
    }

    private void setPassword() {
        errors.clear();
        try {
            users.setPassword(existing.id(), password.getValue());
            password.clear();
            FormErrors.success(getTranslation("users.password-set", existing.username()));
            onChange.run();
        } catch (BusinessRuleException e) {
            errors.show(e);
        }
    }

    private void confirmDeactivate() {
        var confirm = new ConfirmDialog();
        confirm.setId("user-deactivate-confirm");
        confirm.setHeader(getTranslation("users.deactivate-confirm.title", existing.username()));
        confirm.setText(getTranslation("users.deactivate-confirm.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setConfirmText(getTranslation("users.deactivate"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> deactivate());
        confirm.open();
    }

    void deactivate() {
        try {
            users.deactivate(existing.id());
            FormErrors.success(getTranslation("users.deactivated", existing.username()));
            onChange.run();
            close();
        } catch (BusinessRuleException e) {
            errors.show(e);
        }
    }

    private void activate() {
        users.activate(existing.id());
        FormErrors.success(getTranslation("users.activated", existing.username()));
        onChange.run();
        close();
    }
}
