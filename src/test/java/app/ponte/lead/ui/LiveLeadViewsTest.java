package app.ponte.lead.ui;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.ponte.KaribuTest;
import app.ponte.TestUsers;
import app.ponte.lead.Intent;
import app.ponte.lead.LeadChanges;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.NewLead;
import app.ponte.lead.StatusMove;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Open views follow what colleagues do, without a reload. */
class LiveLeadViewsTest extends KaribuTest {

    @Autowired
    LeadService leads;

    private UserSummary me;
    private UserSummary colleague;

    @BeforeEach
    void twoMarketers() {
        me = testUsers.create("live-me", Role.MARKETING);
        colleague = testUsers.create("live-col", Role.MARKETING);
    }

    private LeadId leadOfMine(String name) {
        login(me.username(), Role.MARKETING);
        return leads.create(new NewLead(name, "Verdi Srl", null, null, "SEO", Intent.INFORMATIONAL, null, null));
    }

    /** Does what the colleague does, signed in as them, then comes back to my tab. */
    private void asColleague(Runnable work) {
        login(colleague.username(), Role.MARKETING);
        // the colleague works in a browser tab of their own: not this one
        UI mine = UI.getCurrent();
        UI.setCurrent(null);
        try {
            work.run();
        } finally {
            UI.setCurrent(mine);
            login(me.username(), Role.MARKETING);
        }
    }

    /** Lets pushes arrive (they are coalesced, so one may come a moment later). */
    private static void eventually(BooleanSupplier condition) {
        await().pollInSameThread().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).until(() -> {
            MockVaadin.clientRoundtrip(false);
            return condition.getAsBoolean();
        });
    }

    @Test
    void a_colleagues_rename_shows_on_my_open_lead_page() {
        LeadId id = leadOfMine(TestUsers.uniqueName("Live page"));
        UI.getCurrent().navigate("leads/" + id.value());
        LeadView view = _get(LeadView.class);
        String renamed = TestUsers.uniqueName("Renamed");

        asColleague(() -> {
            LeadDetails d = leads.get(id).orElseThrow();
            leads.update(id, new LeadChanges(renamed, d.company(), d.email(), d.phone(), d.channelCode(), d.intent(),
                    null, null, d.version()));
        });

        eventually(() -> view.name.getValue().equals(renamed));
        assertThat(_get(view, H2.class).getText()).isEqualTo(renamed);
    }

    @Test
    void a_colleagues_move_updates_my_page_in_place_keeping_what_did_not_change() {
        LeadId id = leadOfMine(TestUsers.uniqueName("In place"));
        UI.getCurrent().navigate("leads/" + id.value());
        LeadView view = _get(LeadView.class);
        H2 title = _get(view, H2.class);
        var timeline = _get(view, com.vaadin.flow.component.orderedlayout.VerticalLayout.class,
                spec -> spec.withId("lead-timeline"));
        assertThat(timeline.getComponentCount()).as("only 'created'").isEqualTo(1);
        var created = timeline.getComponentAt(0);
        var logCall = _get(view, Button.class, spec -> spec.withId("lead-action-log-call"));

        asColleague(() -> leads.move(id, new StatusMove(LeadStatus.MQL, null, null,
                leads.get(id).orElseThrow().version())));

        eventually(() -> timeline.getComponentCount() == 2);
        assertThat(_get(view, Span.class, spec -> spec.withId("lead-status")).getText())
                .isEqualTo(view.getTranslation("status.MQL"));
        assertThat(timeline.getComponentAt(1)).as("the entry already shown is kept, the move is added")
                .isSameAs(created);
        assertThat(_get(view, H2.class)).as("the header is updated, not rebuilt").isSameAs(title);
        assertThat(_get(view, Button.class, spec -> spec.withId("lead-action-log-call"))).isSameAs(logCall);
    }

    @Test
    void my_own_move_redraws_my_page_once_a_colleagues_move_redraws_it_too() {
        LeadId id = leadOfMine(TestUsers.uniqueName("Own move"));
        UI.getCurrent().navigate("leads/" + id.value());
        LeadView view = _get(LeadView.class);
        int before = view.redraws;

        // my own change, in this tab, as the page's own actions make it: the page redraws itself once
        leads.move(id, new StatusMove(LeadStatus.MQL, null, null, leads.get(id).orElseThrow().version()));
        view.reload();
        for (int i = 0; i < 10; i++) {
            MockVaadin.clientRoundtrip(false);
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        assertThat(view.redraws).as("no second drawing when my own signal comes back").isEqualTo(before + 1);

        asColleague(() -> leads.move(id, new StatusMove(LeadStatus.NEW, null, null,
                leads.get(id).orElseThrow().version())));
        eventually(() -> view.redraws == before + 2);
    }

    @Test
    void my_unsaved_edits_are_kept_when_a_colleague_saves() {
        LeadId id = leadOfMine(TestUsers.uniqueName("Keep mine"));
        UI.getCurrent().navigate("leads/" + id.value());
        LeadView view = _get(LeadView.class);
        _setValue(view.company, "My unsaved company");

        asColleague(() -> leads.move(id, new StatusMove(LeadStatus.MQL, null, null,
                leads.get(id).orElseThrow().version())));

        eventually(() -> !_find(view, Span.class, spec -> spec.withId("lead-changed-elsewhere")).isEmpty());
        assertThat(view.company.getValue()).isEqualTo("My unsaved company");
    }

    @Test
    void a_lead_moved_by_a_colleague_moves_on_my_board() {
        LeadId id = leadOfMine(TestUsers.uniqueName("Live card"));
        UI.getCurrent().navigate("board");
        BridgeBoardView board = _get(BridgeBoardView.class);
        assertThat(_find(board, BoardCard.class, spec -> spec.withId("card-" + id.value()))).hasSize(1);

        asColleague(() -> leads.move(id, new StatusMove(LeadStatus.MQL, null, null,
                leads.get(id).orElseThrow().version())));

        eventually(() -> _find(_get(com.vaadin.flow.component.html.Div.class,
                spec -> spec.withId("column-CONSIDERATION-MQL")), BoardCard.class,
                spec -> spec.withId("card-" + id.value())).size() == 1);
    }

    @Test
    void a_colleagues_move_redraws_only_the_columns_it_touched_and_highlights_the_card() {
        LeadId id = leadOfMine(TestUsers.uniqueName("Live partial"));
        UI.getCurrent().navigate("board");
        var won = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("cards-ACQUISITION-WON"));
        var wonBefore = won.getChildren().toList();
        var sql = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("cards-CONSIDERATION-SQL"));
        var sqlBefore = sql.getChildren().toList();

        asColleague(() -> leads.move(id, new StatusMove(LeadStatus.MQL, null, null,
                leads.get(id).orElseThrow().version())));

        eventually(() -> _find(_get(com.vaadin.flow.component.html.Div.class,
                spec -> spec.withId("column-CONSIDERATION-MQL")), BoardCard.class,
                spec -> spec.withId("card-" + id.value())).size() == 1);
        assertThat(_get(BoardCard.class, spec -> spec.withId("card-" + id.value())).getClassNames())
                .contains(BridgeBoardView.MOVED_CLASS);
        assertThat(won.getChildren().toList()).containsExactlyElementsOf(wonBefore);
        assertThat(sql.getChildren().toList()).containsExactlyElementsOf(sqlBefore);
    }

    /** A logged call changes the lead's activity only: it comes on its own topic, and the page still follows it. */
    @Test
    void a_colleagues_logged_calls_mark_my_open_lead_at_risk() {
        LeadId id = leadOfMine(TestUsers.uniqueName("Risky"));
        UI.getCurrent().navigate("leads/" + id.value());
        // hidden until the lead is at risk: looked up under the view, not among the visible components
        Span risk = (Span) descendants(_get(LeadView.class))
                .filter(c -> "lead-at-risk".equals(c.getId().orElse(null))).findFirst().orElseThrow();
        assertThat(risk.isVisible()).isFalse();

        // what the interaction feature tells the lead after two poor calls
        asColleague(() -> leads.interactionsChanged(id, java.time.Instant.now(), 1, true));

        eventually(risk::isVisible);
    }

    private static java.util.stream.Stream<com.vaadin.flow.component.Component> descendants(
            com.vaadin.flow.component.Component root) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(root),
                root.getChildren().flatMap(LiveLeadViewsTest::descendants));
    }

    @Test
    void a_detached_lead_page_no_longer_listens() {
        LeadId id = leadOfMine(TestUsers.uniqueName("Left page"));
        UI.getCurrent().navigate("leads/" + id.value());
        _get(LeadView.class);
        UI.getCurrent().navigate("leads");
        assertThat(_find(LeadView.class)).isEmpty();
        // the colleague's change reaches no page of mine, and nothing fails
        asColleague(() -> leads.move(id, new StatusMove(LeadStatus.MQL, null, null,
                leads.get(id).orElseThrow().version())));
        MockVaadin.clientRoundtrip(false);
        assertThat(_find(LeadView.class)).isEmpty();
    }
}
