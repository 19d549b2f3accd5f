package app.ponte.security.ui;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.PonteProperties;
import app.ponte.base.ui.FormErrors;
import app.ponte.base.ui.Formats;
import app.ponte.base.ui.MainLayout;
import app.ponte.security.ApiTokenService;
import app.ponte.security.ApiTokenSummary;
import app.ponte.security.AppRoles;
import app.ponte.security.CreatedApiToken;
import app.ponte.security.NewApiToken;
import app.ponte.security.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** ADMIN: API tokens for {@code /api/**} — create (the secret is shown once), list, revoke. */
@Route(value = "admin/tokens", layout = MainLayout.class)
@Menu(order = 92, title = "nav.tokens", icon = "vaadin:key")
@RolesAllowed(AppRoles.ADMIN)
class ApiTokensView extends VerticalLayout implements HasDynamicTitle {

    private final ApiTokenService tokens;
    private final Clock clock;
    private final ZoneId zone;
    private final Grid<ApiTokenSummary> grid = new Grid<>();

    ApiTokensView(ApiTokenService tokens, Clock clock, PonteProperties properties) {
        this.tokens = tokens;
        this.clock = clock;
        this.zone = properties.zone();
        setId("tokens-view");
        setSizeFull();

        var create = new Button(getTranslation("tokens.new"), VaadinIcon.PLUS.create(), e -> openCreate());
        create.setId("tokens-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("tokens-grid");
        grid.addColumn(ApiTokenSummary::name).setHeader(getTranslation("tokens.name")).setAutoWidth(true);
        grid.addColumn(t -> getTranslation("role." + t.role().name())).setHeader(getTranslation("tokens.role"))
                .setAutoWidth(true);
        grid.addColumn(t -> t.prefix() + "…").setHeader(getTranslation("tokens.prefix")).setAutoWidth(true);
        grid.addColumn(t -> dateTime(t.createdAt())).setHeader(getTranslation("tokens.created"))
                .setAutoWidth(true);
        grid.addColumn(t -> t.expiresAt() == null ? getTranslation("tokens.never") : dateTime(t.expiresAt()))
                .setHeader(getTranslation("tokens.expires")).setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? getTranslation("tokens.never-used") : dateTime(t.lastUsedAt()))
                .setHeader(getTranslation("tokens.last-used")).setAutoWidth(true);
        grid.addColumn(t -> t.revokedAt() == null ? "" : dateTime(t.revokedAt()))
                .setHeader(getTranslation("tokens.revoked")).setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setKey("revoke").setAutoWidth(true);

        add(new H2(getTranslation("tokens.title")), new Paragraph(getTranslation("tokens.intro")), create, grid);
        expand(grid);
        refresh();
    }

    private String dateTime(Instant instant) {
        return Formats.dateTime(instant, zone, getLocale());
    }

    private Button revokeButton(ApiTokenSummary token) {
        var revoke = new Button(getTranslation("tokens.revoke"), e -> confirmRevoke(token));
        revoke.setId("tokens-revoke-" + token.id());
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        revoke.setEnabled(token.activeAt(clock.instant()));
        return revoke;
    }

    private void confirmRevoke(ApiTokenSummary token) {
        var confirm = new ConfirmDialog();
        confirm.setId("tokens-revoke-confirm");
        confirm.setHeader(getTranslation("tokens.revoke-confirm.title", token.name()));
        confirm.setText(getTranslation("tokens.revoke-confirm.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setConfirmText(getTranslation("tokens.revoke"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                tokens.revoke(token.id());
                FormErrors.success(getTranslation("tokens.revoked-done", token.name()));
            } catch (BusinessRuleException ex) {
                FormErrors.error(getTranslation(ex.messageKey(), ex.arguments()));
            }
            refresh();
        });
        confirm.open();
    }

    private void openCreate() {
        var dialog = new Dialog();
        dialog.setId("tokens-create-dialog");
        dialog.setHeaderTitle(getTranslation("tokens.new"));
        var name = new TextField(getTranslation("tokens.name"));
        name.setId("tokens-create-name");
        name.setMaxLength(80);
        var role = new Select<Role>();
        role.setId("tokens-create-role");
        role.setLabel(getTranslation("tokens.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        role.setValue(Role.MANAGER);
        var expires = new DatePicker(getTranslation("tokens.expires-on"));
        expires.setId("tokens-create-expires");
        expires.setHelperText(getTranslation("tokens.expires-on.help"));
        var errors = new FormErrors(dialog).field("name", name).field("role", role).field("expiresOn", expires);
        var form = new FormLayout(name, role, expires);
        dialog.add(form);
        var save = new Button(getTranslation("tokens.create"), e -> {
            errors.clear();
            try {
                CreatedApiToken created = tokens.create(new NewApiToken(name.getValue(), role.getValue(),
                        expires.getValue()));
                dialog.removeAll();
                dialog.getFooter().removeAll();
                showSecret(dialog, created);
                refresh();
            } catch (BusinessRuleException ex) {
                errors.show(ex);
            }
        });
        save.setId("tokens-create-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("common.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    /** The one and only time the secret is visible: once the dialog closes it is gone. */
    private void showSecret(Dialog dialog, CreatedApiToken created) {
        dialog.setHeaderTitle(getTranslation("tokens.created-title", created.summary().name()));
        var secret = new TextField(getTranslation("tokens.secret"));
        secret.setId("tokens-secret");
        secret.setValue(created.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        var hint = new Paragraph(getTranslation("tokens.copy-hint"));
        hint.setId("tokens-copy-hint");
        dialog.add(secret, hint);
        var done = new Button(getTranslation("tokens.done"), e -> dialog.close());
        done.setId("tokens-secret-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
    }

    void refresh() {
        grid.setItems(tokens.list());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + getTranslation("tokens.title");
    }
}
