package app.ponte.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import app.ponte.security.Role;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The side navigation shows what each role may open, and nothing else opens by URL either. */
class NavigationTest extends KaribuTest {

    private List<String> navigation() {
        return Navigation.labels();
    }

    @Test
    void an_anonymous_visitor_is_sent_to_the_sign_in_page() {
        UI.getCurrent().navigate("");
        assertThat(NavigatorKt.getCurrentPath()).isEqualTo("login");
    }

    @Test
    void an_admin_sees_user_administration() {
        login(testUsers.create("nav-admin", Role.ADMIN).username(), Role.ADMIN);
        UI.getCurrent().navigate("");
        assertThat(navigation()).containsExactly("Home", "Dashboard", "Leads", "Bridge board", "Audit report", "Marketing spend",
                "One-on-ones", "Users", "Channels", "Import", "API tokens", "Statistics upkeep");
    }

    @Test
    void a_salesperson_sees_no_user_administration() {
        login(testUsers.create("nav-sales", Role.SALES).username(), Role.SALES);
        UI.getCurrent().navigate("");
        assertThat(navigation()).containsExactly("Home", "Dashboard", "Sales inbox", "My agenda", "My numbers", "Leads",
                "Bridge board", "One-on-ones");
        assertThat(_get(H2.class, spec -> spec.withId("home-welcome")).getText()).startsWith("Welcome, ");
    }

    @Test
    void an_italian_user_is_greeted_without_a_masculine_word() {
        login(testUsers.create("nav-it", Role.MARKETING).username(), Role.MARKETING);
        UI.getCurrent().setLocale(java.util.Locale.ITALIAN);
        UI.getCurrent().navigate("");
        String greeting = _get(H2.class, spec -> spec.withId("home-welcome")).getText();
        assertThat(greeting).startsWith("Ciao, ").doesNotContain("Benvenut");
    }

    @Test
    void marketing_and_managers_see_no_user_administration() {
        login(testUsers.create("nav-mgr", Role.MANAGER, Role.MARKETING).username(), Role.MANAGER, Role.MARKETING);
        UI.getCurrent().navigate("");
        assertThat(navigation()).doesNotContain("Users")
                .containsExactly("Home", "Dashboard", "Sales inbox", "My agenda", "My numbers", "Leads", "Bridge board", "My handoffs",
                        "Interactions", "Audit report", "Marketing spend", "Surveys", "One-on-ones");
    }

    @Test
    void a_forbidden_view_opened_by_url_is_refused() {
        login(testUsers.create("nav-denied", Role.SALES).username(), Role.SALES);
        UI.getCurrent().navigate("admin/users");
        assertThat(_find(AccessDeniedView.class)).hasSize(1);
        assertThat(_get(H2.class, spec -> spec.withText("Access denied"))).isNotNull();
        assertThat(_find(com.vaadin.flow.component.grid.Grid.class)).isEmpty();
    }
}
