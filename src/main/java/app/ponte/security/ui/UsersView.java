package app.ponte.security.ui;

import app.ponte.base.PonteProperties;
import app.ponte.base.ui.CsvDownload;
import app.ponte.base.ui.MainLayout;
import app.ponte.security.AppRoles;
import app.ponte.security.Role;
import app.ponte.security.UserFilter;
import app.ponte.security.UserService;
import app.ponte.security.UserSort;
import app.ponte.security.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Arrays;

/** ADMIN: the team's accounts — find, create, edit roles, set passwords, deactivate. */
@Route(value = "admin/users", layout = MainLayout.class)
@Menu(order = 90, title = "nav.users", icon = "vaadin:users")
@RolesAllowed(AppRoles.ADMIN)
class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final UserService users;
    private final Grid<UserSummary> grid = new Grid<>();
    private final TextField search = new TextField();
    private final ComboBox<Role> role = new ComboBox<>();
    private final Checkbox showInactive = new Checkbox();

    /** The list's filter, read by the export's download request as well, hence volatile. */
    private volatile UserFilter filter;

    UsersView(UserService users, Clock clock, PonteProperties properties) {
        this.users = users;
        setId("users-view");
        setSizeFull();

        search.setId("users-search");
        search.setPlaceholder(getTranslation("users.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());

        role.setId("users-role-filter");
        role.setPlaceholder(getTranslation("users.all-roles"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        role.setClearButtonVisible(true);
        role.addValueChangeListener(e -> refresh());

        showInactive.setId("users-show-inactive");
        showInactive.setLabel(getTranslation("users.show-inactive"));
        showInactive.setValue(true);
        showInactive.addValueChangeListener(e -> refresh());

        var create = new Button(getTranslation("users.new"), VaadinIcon.PLUS.create(), e -> openEditor(null));
        create.setId("users-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        filter = filterFromFields();
        var export = new CsvDownload("users-export", getTranslation("users.export"), "users", clock,
                properties.zone(), out -> users.export(filter, out));

        var toolbar = new HorizontalLayout(search, role, showInactive, create, export);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWidthFull();
        toolbar.expand(search);

        configureGrid();
        add(new H2(getTranslation("users.title")), toolbar, grid);
        expand(grid);
    }

    private void configureGrid() {
        grid.setId("users-grid");
        grid.addColumn(UserSummary::username).setHeader(getTranslation("users.username"))
                .setKey(UserSort.USERNAME.name()).setSortable(true).setAutoWidth(true);
        grid.addColumn(UserSummary::fullName).setHeader(getTranslation("users.full-name"))
                .setKey(UserSort.FULL_NAME.name()).setSortable(true).setAutoWidth(true);
        grid.addColumn(u -> u.email() == null ? "" : u.email()).setHeader(getTranslation("users.email"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::roleBadges).setHeader(getTranslation("users.roles")).setAutoWidth(true);
        grid.addComponentColumn(this::statusBadge).setHeader(getTranslation("users.status")).setAutoWidth(true);
        grid.setItems(query -> {
            UserSort sort = UserSort.USERNAME;
            boolean ascending = true;
            if (!query.getSortOrders().isEmpty()) {
                var order = query.getSortOrders().getFirst();
                sort = Arrays.stream(UserSort.values()).filter(s -> s.name().equals(order.getSorted()))
                        .findFirst().orElse(UserSort.USERNAME);
                ascending = order.getDirection() == SortDirection.ASCENDING;
            }
            return users.find(filter, sort, ascending, query.getOffset(), query.getLimit()).stream();
        });
        grid.addItemClickListener(e -> openEditor(e.getItem()));
    }

    private UserFilter filterFromFields() {
        return new UserFilter(search.getValue(), role.getValue(), showInactive.getValue());
    }

    private HorizontalLayout roleBadges(UserSummary user) {
        var badges = new HorizontalLayout();
        badges.setSpacing(false);
        badges.getStyle().set("gap", "var(--lumo-space-xs)");
        user.roles().stream().sorted().forEach(r -> {
            var badge = new Span(getTranslation("role." + r.name()));
            badge.getElement().getThemeList().add("badge pill");
            badges.add(badge);
        });
        return badges;
    }

    private Span statusBadge(UserSummary user) {
        String key = !user.active() ? "users.inactive" : user.canSignIn() ? "users.active" : "users.no-password";
        var badge = new Span(getTranslation(key));
        badge.getElement().getThemeList().add(user.active() ? "badge success" : "badge contrast");
        return badge;
    }

    private void openEditor(UserSummary user) {
        new UserDialog(users, user, this::refresh).open();
    }

    void refresh() {
        filter = filterFromFields();
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + getTranslation("users.title");
    }
}
