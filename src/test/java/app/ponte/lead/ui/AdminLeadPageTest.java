package app.ponte.lead.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import app.ponte.TestUsers;
import app.ponte.interaction.InteractionService;
import app.ponte.interaction.InteractionType;
import app.ponte.interaction.NewInteraction;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.LeadSummary;
import app.ponte.lead.NewLead;
import app.ponte.lead.StatusMove;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Decision 006: an admin reads leads — the list, and the lead page it leads to — but changes nothing there. */
class AdminLeadPageTest extends KaribuTest {

    @Autowired
    LeadService leads;

    @Autowired
    InteractionService interactions;

    private String name;

    /** A qualified lead with a scored call, made by a marketer. */
    private LeadId leadWithACall() {
        name = TestUsers.uniqueName("Admin sees");
        String marketer = testUsers.create("alp-mkt", Role.MARKETING).username();
        return SystemCaller.callAs(marketer, List.of(Role.MARKETING), () -> {
            LeadId id = leads.create(new NewLead(name, "Verdi Srl", null, null, "WEBSITE", null, null, null));
            leads.move(id, StatusMove.to(LeadStatus.MQL, leads.get(id).orElseThrow().version()));
            interactions.log(new NewInteraction(id, InteractionType.CALL, null, false, null, "Asked for a demo", 4,
                    null, null));
            return id;
        });
    }

    private void assertReadOnlyLeadPage() {
        assertThat(_find(Component.class, spec -> spec.withId("error"))).isEmpty();
        assertThat(_find(Component.class, spec -> spec.withId("access-denied"))).isEmpty();
        LeadView view = _get(LeadView.class);
        assertThat(_get(H2.class, spec -> spec.withId("lead-title")).getText()).isEqualTo(name);
        assertThat(view.name.isReadOnly()).isTrue();
        assertThat(view.save.isVisible()).isFalse();
        assertThat(_find(Button.class, spec -> spec.withId("lead-move-SQL"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("lead-move-LOST"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("lead-action-log-call"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("lead-action-handoff"))).isEmpty();
        // the interactions are read: the outcome summary and the call in the timeline
        assertThat(_find(Component.class, spec -> spec.withId("interaction-average"))).hasSize(1);
    }

    @Test
    void an_admin_opens_a_lead_page_by_its_address_and_reads_it() {
        LeadId id = leadWithACall();
        login(testUsers.create("alp-admin", Role.ADMIN).username(), Role.ADMIN);
        UI.getCurrent().navigate("leads/" + id.value());
        assertReadOnlyLeadPage();
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_admin_opens_a_lead_by_clicking_its_row_in_the_list() {
        leadWithACall();
        login(testUsers.create("alp-admin", Role.ADMIN).username(), Role.ADMIN);
        UI.getCurrent().navigate("leads", com.vaadin.flow.router.QueryParameters.of("q", name));
        Grid<LeadSummary> grid = _get(Grid.class, spec -> spec.withId("leads-grid"));
        assertThat(_size(grid)).isEqualTo(1);
        assertThat(_get(grid, 0).name()).isEqualTo(name);
        _clickItem(grid, 0);
        assertReadOnlyLeadPage();
    }
}
