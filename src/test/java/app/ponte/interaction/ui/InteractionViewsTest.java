package app.ponte.interaction.ui;

import app.ponte.base.ui.StatusMessages;
import static com.github.mvysny.kaributesting.v10.HasValidationUtilsKt._expectInvalid;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import app.ponte.TestClock;
import app.ponte.TestUsers;
import app.ponte.interaction.InteractionEntry;
import app.ponte.interaction.InteractionId;
import app.ponte.interaction.InteractionService;
import app.ponte.interaction.InteractionType;
import app.ponte.interaction.NewInteraction;
import app.ponte.lead.LeadFilter;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadSort;
import app.ponte.lead.LeadSummary;
import app.ponte.lead.NewLead;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.contextmenu.ContextMenuBase;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.contextmenu.GridContextMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.ObjectMapper;

/** Logging and correcting interactions from the lead page, the board and the list. */
class InteractionViewsTest extends KaribuTest {

    @Autowired
    InteractionService interactions;

    @Autowired
    LeadService leads;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private UserSummary signedIn(String prefix, Role... roles) {
        UserSummary user = testUsers.create(prefix, roles);
        login(user.username(), roles);
        return user;
    }

    private LeadId lead(String name) {
        return leads.create(new NewLead(name, "Acme", null, null, "WEBSITE", null, null, null));
    }

    private InteractionId call(LeadId lead, int score) {
        return interactions.log(new NewInteraction(lead, InteractionType.CALL, null, false, null, "Talked", score,
                null, null));
    }

    private void openLead(LeadId id) {
        UI.getCurrent().navigate("leads/" + id.value());
    }

    private LogInteractionDialog dialog() {
        return _get(LogInteractionDialog.class);
    }

    private Div entry(InteractionId id) {
        return _get(Div.class, spec -> spec.withId("interaction-" + id.value()));
    }

    private static Object field(Object owner, String name) {
        try {
            var field = owner.getClass().getDeclaredField(name);
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void logging_a_call_from_the_lead_page_shows_it_in_the_timeline_with_its_score() {
        signedIn("iu-mkt", Role.MARKETING);
        LeadId lead = lead(TestUsers.uniqueName("Call"));
        openLead(lead);
        _click(_get(Button.class, spec -> spec.withId("lead-action-log-call")));
        LogInteractionDialog dialog = dialog();
        assertThat(dialog.type.getValue()).isEqualTo(InteractionType.CALL);
        assertThat(dialog.who.isVisible()).isFalse();
        _setValue(dialog.summary, "Interested in the premium plan");
        _setValue(dialog.score, 4);
        _click(dialog.save);
        // off the page in the same response: no round trip after the browser's closing animation
        assertThat(dialog.isOpened()).isFalse();
        assertThat(dialog.getParent()).isEmpty();
        StatusMessages.expect("Interaction logged");

        List<InteractionEntry> stored = interactions.forLead(lead);
        assertThat(stored).hasSize(1);
        Div entry = entry(stored.getFirst().id());
        assertThat(entry.getElement().getAttribute("data-kind")).isEqualTo("interaction");
        Span chip = _get(entry, Span.class, spec -> spec.withClasses("ponte-score ponte-score-4"));
        assertThat(chip.getText()).isEqualTo("★ 4 · positive, progress");
        assertThat(_get(Span.class, spec -> spec.withId("interaction-average")).getText())
                .isEqualTo("average 4.0 over 1 scored");
    }

    @Test
    void a_call_without_a_score_is_refused_on_the_score_field_and_nothing_is_stored() {
        signedIn("iu-mkt", Role.MARKETING);
        LeadId lead = lead(TestUsers.uniqueName("NoScore"));
        openLead(lead);
        _click(_get(Button.class, spec -> spec.withId("lead-action-log-call")));
        LogInteractionDialog dialog = dialog();
        _click(dialog.save);
        _expectInvalid(dialog.score, "Calls, video calls and meetings need an outcome score from 1 to 5.");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(interactions.forLead(lead)).isEmpty();
    }

    @Test
    void a_call_is_logged_from_a_board_card_s_menu() throws Exception {
        signedIn("iu-mkt", Role.MARKETING);
        LeadId lead = lead(TestUsers.uniqueName("Board"));
        UI.getCurrent().navigate("board");
        Div card = _get(Div.class, spec -> spec.withId("card-" + lead));
        // the card's menu is an overlay outside the component tree; the card (package-private) holds it
        ContextMenu menu = (ContextMenu) field(card, "moveMenu");
        Method open = ContextMenuBase.class.getDeclaredMethod("onBeforeOpenMenu",
                tools.jackson.databind.node.ObjectNode.class);
        open.setAccessible(true);
        open.invoke(menu, new ObjectMapper().createObjectNode());
        ContextMenuKt._clickItemWithCaption(menu, "Log call");
        LogInteractionDialog dialog = dialog();
        _setValue(dialog.score, 2);
        _click(dialog.save);
        assertThat(interactions.forLead(lead)).extracting(InteractionEntry::outcomeScore).containsExactly(2);
    }

    @SuppressWarnings("unchecked")
    @Test
    void a_call_is_logged_from_a_row_of_the_lead_list() {
        signedIn("iu-mkt", Role.MARKETING);
        String name = TestUsers.uniqueName("Row");
        LeadId lead = lead(name);
        UI.getCurrent().navigate("leads");
        LeadSummary row = leads.find(new LeadFilter(name, null, null, null, null, false, null, null),
                LeadSort.CREATED_AT, false, 0, 10).getFirst();
        // the row menu is an overlay outside the component tree; the list view (package-private) holds it
        var view = _get(com.vaadin.flow.component.Component.class, spec -> spec.withId("leads-view"));
        GridContextMenu<LeadSummary> menu = (GridContextMenu<LeadSummary>) field(view, "rowMenu");
        ContextMenuKt._clickItemWithCaption(menu, "Log call", row);
        LogInteractionDialog dialog = dialog();
        _setValue(dialog.score, 5);
        _click(dialog.save);
        assertThat(interactions.forLead(lead)).extracting(InteractionEntry::outcomeScore).containsExactly(5);
    }

    @Test
    void editing_within_24_hours_shows_the_change_and_the_audit_trail() {
        signedIn("iu-sales", Role.SALES, Role.MARKETING);
        LeadId lead = lead(TestUsers.uniqueName("Edit"));
        InteractionId id = call(lead, 3);
        openLead(lead);
        _click(_get(Button.class, spec -> spec.withId("interaction-edit-" + id.value())));
        LogInteractionDialog dialog = dialog();
        assertThat(dialog.score.getValue()).isEqualTo(3);
        _setValue(dialog.score, 5);
        _click(dialog.save);
        StatusMessages.expect("Interaction saved");

        Div entry = entry(id);
        assertThat(_get(entry, Span.class, spec -> spec.withClasses("ponte-score")).getText())
                .isEqualTo("★ 5 · commitment obtained");
        Details audit = _get(entry, Details.class, spec -> spec.withId("interaction-audit-" + id.value()));
        assertThat(audit.getSummaryText()).isEqualTo("1 change");
        assertThat(_find(audit, Span.class).stream().map(Span::getText)).contains("outcome score: 3 → 5");
    }

    @Test
    void only_the_author_within_24_hours_or_a_manager_gets_the_edit_button() {
        UserSummary author = signedIn("iu-author", Role.SALES, Role.MARKETING);
        LeadId lead = lead(TestUsers.uniqueName("Rights"));
        InteractionId id = call(lead, 3);
        String editId = "interaction-edit-" + id.value();

        signedIn("iu-colleague", Role.SALES);
        openLead(lead);
        _assertNone(Button.class, spec -> spec.withId(editId));

        clock.advance(Duration.ofHours(25));
        login(author.username(), Role.SALES, Role.MARKETING);
        openLead(lead);
        _assertNone(Button.class, spec -> spec.withId(editId));

        signedIn("iu-mgr", Role.MANAGER);
        openLead(lead);
        _get(Button.class, spec -> spec.withId(editId));
    }

    @Test
    void two_scores_of_two_or_less_show_the_at_risk_badge_on_the_lead_page_and_the_card() {
        signedIn("iu-mkt", Role.MARKETING);
        LeadId lead = lead(TestUsers.uniqueName("Risk"));
        call(lead, 2);
        openLead(lead);
        _assertNone(Span.class, spec -> spec.withId("lead-at-risk"));
        call(lead, 1);
        openLead(lead);
        _get(Span.class, spec -> spec.withId("lead-at-risk"));

        UI.getCurrent().navigate("board");
        Div card = _get(Div.class, spec -> spec.withId("card-" + lead));
        assertThat(card.getClassNames()).contains("ponte-card-at-risk");
    }
}
