package app.ponte.interaction.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ponte.KaribuTest;
import app.ponte.TestUsers;
import app.ponte.base.ui.AccessDeniedView;
import app.ponte.base.ui.CsvDownload;
import app.ponte.interaction.InteractionFilter;
import app.ponte.interaction.InteractionRow;
import app.ponte.interaction.InteractionService;
import app.ponte.interaction.InteractionSort;
import app.ponte.interaction.InteractionType;
import app.ponte.interaction.NewInteraction;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.NewLead;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.QueryParameters;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The managers' list of every interaction: filters, export, and who may see it. */
class InteractionsViewTest extends KaribuTest {

    @Autowired
    InteractionService interactions;

    @Autowired
    LeadService leads;

    private LeadId lead(String name) {
        return leads.create(new NewLead(name, "Acme", null, null, "WEBSITE", null, null, null));
    }

    private void log(LeadId lead, InteractionType type, Integer score, String summary) {
        interactions.log(new NewInteraction(lead, type, null, false, null, summary, score, null, null));
    }

    @SuppressWarnings("unchecked")
    private static Grid<InteractionRow> grid() {
        return _get(Grid.class, spec -> spec.withId("interactions-grid"));
    }

    private static List<String> summaries() {
        Grid<InteractionRow> grid = grid();
        return IntStream.range(0, _size(grid)).mapToObj(i -> _get(grid, i).summary()).toList();
    }

    @SuppressWarnings("unchecked")
    private static <T> ComboBox<T> comboBox(String id) {
        return _get(ComboBox.class, spec -> spec.withId(id));
    }

    @Test
    void the_managers_grid_filters_by_user_and_type() {
        String tag = TestUsers.uniqueName("grid");
        UserSummary anna = testUsers.create("ix-anna", Role.MARKETING);
        login(anna.username(), Role.MARKETING);
        LeadId lead = lead("Lead " + tag);
        log(lead, InteractionType.CALL, 4, "Anna call " + tag);
        log(lead, InteractionType.EMAIL, null, "Anna email " + tag);
        UserSummary bruno = testUsers.create("ix-bruno", Role.MARKETING);
        login(bruno.username(), Role.MARKETING);
        log(lead, InteractionType.CALL, 3, "Bruno call " + tag);
        login(testUsers.create("ix-mgr", Role.MANAGER).username(), Role.MANAGER);

        UI.getCurrent().navigate("interactions");
        ComboBox<UserSummary> user = comboBox("interactions-user");
        _setValue(user, user.getListDataView().getItems().filter(u -> u.id().equals(anna.id())).findFirst()
                .orElseThrow());
        assertThat(summaries()).containsExactlyInAnyOrder("Anna call " + tag, "Anna email " + tag);

        _setValue(comboBox("interactions-type"), InteractionType.CALL);
        assertThat(summaries()).containsExactly("Anna call " + tag);
        assertThat(_get(InteractionsView.class).filter())
                .isEqualTo(new InteractionFilter(anna.id(), InteractionType.CALL, null, null, null, null));
    }

    @Test
    void the_export_writes_the_filtered_rows_as_csv() {
        String tag = TestUsers.uniqueName("csv");
        UserSummary anna = testUsers.create("ix-csv", Role.MARKETING);
        login(anna.username(), Role.MARKETING);
        LeadId lead = lead("Lead, " + tag);
        log(lead, InteractionType.CALL, 4, "=HYPERLINK(\"x\")");
        login(testUsers.create("ix-mgr", Role.MANAGER).username(), Role.MANAGER);
        UI.getCurrent().navigate("interactions", QueryParameters.simple(Map.of("user", Long.toString(anna.id().value()))));

        var out = new ByteArrayOutputStream();
        _get(CsvDownload.class, spec -> spec.withId("interactions-export")).writeTo(out);

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).isEqualTo(
                "occurred_at,username,lead,lead_name,type,outcome_score,lead_status,summary,next_step,next_step_due");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains("," + anna.username() + "," + lead.value() + ",\"Lead, " + tag + "\",CALL,4,NEW,"
                + "\"'=HYPERLINK(\"\"x\"\")\",,");
    }

    @Test
    void a_salesperson_cannot_open_the_interactions_view() {
        login(testUsers.create("ix-sales", Role.SALES).username(), Role.SALES);
        UI.getCurrent().navigate("interactions");
        assertThat(_find(AccessDeniedView.class)).hasSize(1);
        assertThat(_find(InteractionsView.class)).isEmpty();
    }

    @Test
    void the_service_refuses_find_and_export_for_non_managers() {
        login(testUsers.create("ix-sales", Role.SALES, Role.MARKETING).username(), Role.SALES, Role.MARKETING);
        assertThatThrownBy(() -> interactions.find(InteractionFilter.none(), InteractionSort.OCCURRED_AT, false, 0, 10))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> interactions.export(InteractionFilter.none(), new ByteArrayOutputStream()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_filters_button_counts_the_filters_of_a_link() {
        login(testUsers.create("ix-filters", Role.MANAGER).username(), Role.MANAGER);
        UI.getCurrent().navigate("interactions", QueryParameters.simple(Map.of("type", "CALL", "score", "4")));
        InteractionsView view = _get(InteractionsView.class);
        assertThat(view.filtersToggle.count()).isEqualTo("2");
        _setValue(_get(ComboBox.class, spec -> spec.withId("interactions-score")), null);
        assertThat(view.filtersToggle.count()).isEqualTo("1");
        assertThat(view.filters.hasClassName("ponte-filters")).isTrue();
    }
}
