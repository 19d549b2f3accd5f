package app.ponte.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import app.ponte.lead.LeadStatus;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Views are built as their own classes, not wrapped in a method-security proxy (decision 037): finding
 * the advisors of a proxied view was a third of the server's work on every navigation, and the views
 * guard nothing themselves (the services do, and the router checks {@code @RolesAllowed}).
 */
class ViewInstancesTest extends KaribuTest {

    @Test
    void every_view_is_an_instance_of_its_own_class_not_a_proxy() {
        UserSummary all = testUsers.create("views-all", Role.MANAGER, Role.MARKETING, Role.SALES, Role.ADMIN);
        login(all.username(), Role.MANAGER, Role.MARKETING, Role.SALES, Role.ADMIN);
        List<RouteData> plain = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .filter(route -> !route.getTemplate().contains(":") && !route.getTemplate().equals("login"))
                .toList();
        assertThat(plain).hasSizeGreaterThan(10);
        for (RouteData route : plain) {
            UI.getCurrent().navigate(route.getTemplate());
            Component view = UI.getCurrent().getCurrentView();
            assertThat(view.getClass()).as(route.getTemplate()).isEqualTo(route.getNavigationTarget());
        }
    }

    @Test
    void a_navigation_to_the_shown_route_with_other_parameters_keeps_the_view_and_applies_them() {
        UserSummary seller = testUsers.create("views-reuse", Role.SALES);
        login(seller.username(), Role.SALES);
        UI.getCurrent().navigate("leads");
        Component first = UI.getCurrent().getCurrentView();
        UI.getCurrent().navigate("leads", QueryParameters.fromString("status=WON"));
        assertThat(UI.getCurrent().getCurrentView()).isSameAs(first);
        @SuppressWarnings("unchecked")
        ComboBox<LeadStatus> status = _get(ComboBox.class, spec -> spec.withId("leads-status"));
        assertThat(status.getValue()).isEqualTo(LeadStatus.WON);
    }
}
