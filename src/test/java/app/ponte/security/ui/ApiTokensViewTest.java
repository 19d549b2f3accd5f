package app.ponte.security.ui;

import app.ponte.base.ui.StatusMessages;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import app.ponte.TestUsers;
import app.ponte.security.ApiTokenService;
import app.ponte.security.ApiTokenSummary;
import app.ponte.security.Role;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** ADMIN's API tokens page: the secret is shown once at creation; revoking asks first. */
@Tag("persistence")
class ApiTokensViewTest extends KaribuTest {

    @Autowired
    ApiTokenService tokens;

    private void openAsAdmin() {
        login(testUsers.create("tok-ui", Role.ADMIN).username(), Role.ADMIN);
        UI.getCurrent().navigate("admin/tokens");
    }

    @SuppressWarnings("unchecked")
    private Grid<ApiTokenSummary> grid() {
        return _get(Grid.class, spec -> spec.withId("tokens-grid"));
    }

    private int index(String name) {
        var grid = grid();
        return IntStream.range(0, GridKt._size(grid)).filter(i -> GridKt._get(grid, i).name().equals(name))
                .findFirst().orElseThrow();
    }

    private ApiTokenSummary row(String name) {
        return GridKt._get(grid(), index(name));
    }

    private Button revokeButton(String name) {
        return (Button) GridKt._getCellComponent(grid(), index(name), "revoke");
    }

    @SuppressWarnings("unchecked")
    private String create(String name, Role role) {
        _click(_get(Button.class, spec -> spec.withId("tokens-new")));
        _setValue(_get(TextField.class, spec -> spec.withId("tokens-create-name")), name);
        _setValue(_get(Select.class, spec -> spec.withId("tokens-create-role")), role);
        _click(_get(Button.class, spec -> spec.withId("tokens-create-save")));
        return _get(TextField.class, spec -> spec.withId("tokens-secret")).getValue();
    }

    @Test
    void creating_a_token_shows_its_secret_once() {
        openAsAdmin();
        String name = TestUsers.uniqueName("ui-token");
        String secret = create(name, Role.MANAGER);

        assertThat(secret).matches("ponte_[A-Za-z0-9_-]{40}");
        assertThat(_get(TextField.class, spec -> spec.withId("tokens-secret")).isReadOnly()).isTrue();
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("tokens-copy-hint"))
                .getText()).startsWith("Copy the secret now");
        ApiTokenSummary listed = row(name);
        assertThat(listed.role()).isEqualTo(Role.MANAGER);
        assertThat(listed.prefix()).isEqualTo(secret.substring(0, 8));

        _click(_get(Button.class, spec -> spec.withId("tokens-secret-done")));
        assertThat(_find(Dialog.class)).isEmpty();
        // nowhere on the page any more, and the token works
        assertThat(_find(TextField.class, spec -> spec.withId("tokens-secret"))).isEmpty();
        assertThat(tokens.authenticate(secret)).map(ApiTokenSummary::name).contains(name);
    }

    @Test
    void an_empty_name_is_shown_at_the_field() {
        openAsAdmin();
        _click(_get(Button.class, spec -> spec.withId("tokens-new")));
        _click(_get(Button.class, spec -> spec.withId("tokens-create-save")));
        TextField name = _get(TextField.class, spec -> spec.withId("tokens-create-name"));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Enter a name.");
        assertThat(_find(TextField.class, spec -> spec.withId("tokens-secret"))).isEmpty();
    }

    @Test
    void revoking_asks_first_then_the_token_stops_working() {
        openAsAdmin();
        String name = TestUsers.uniqueName("ui-revoke");
        String secret = create(name, Role.SALES);
        _click(_get(Button.class, spec -> spec.withId("tokens-secret-done")));
        _click(revokeButton(name));
        var confirm = _get(ConfirmDialog.class, spec -> spec.withId("tokens-revoke-confirm"));
        assertThat(confirm.isOpened()).isTrue();
        confirm.close();
        ComponentUtil.fireEvent(confirm, new ConfirmDialog.ConfirmEvent(confirm, true));

        StatusMessages.expect("Token " + name + " revoked.");
        assertThat(row(name).revokedAt()).isNotNull();
        assertThat(revokeButton(name).isEnabled()).isFalse();
        assertThat(tokens.authenticate(secret)).isEmpty();
    }
}
