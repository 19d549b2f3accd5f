package app.ponte.handoff.ui;

import app.ponte.base.ui.StatusMessages;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import app.ponte.TestUsers;
import app.ponte.base.ui.CsvDownload;
import app.ponte.handoff.HandoffEntry;
import app.ponte.handoff.HandoffId;
import app.ponte.handoff.InboxItem;
import app.ponte.handoff.HandoffService;
import app.ponte.handoff.HandoffState;
import app.ponte.handoff.NewHandoff;
import app.ponte.handoff.RejectReason;
import app.ponte.interaction.InteractionService;
import app.ponte.interaction.InteractionType;
import app.ponte.interaction.NewInteraction;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.NewLead;
import app.ponte.lead.StatusMove;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserSummary;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The hand-off dialog on the lead page, the sales inbox (claim, accept, reject) and the marketer's view. */
class HandoffViewsTest extends KaribuTest {

    @Autowired
    HandoffService handoffs;

    @Autowired
    LeadService leads;

    @Autowired
    InteractionService interactions;

    private UserSummary signedIn(String prefix, Role... roles) {
        UserSummary user = testUsers.create(prefix, roles);
        login(user.username(), roles);
        return user;
    }

    private void as(UserSummary user) {
        login(user.username(), user.roles().toArray(Role[]::new));
    }

    /** An MQL created by the signed-in marketer. */
    private LeadId mql(String name) {
        LeadId lead = leads.create(new NewLead(name, "Acme Srl", null, null, "WEBSITE", null, null, null));
        leads.move(lead, StatusMove.to(LeadStatus.MQL, leads.get(lead).orElseThrow().version()));
        return lead;
    }

    private HandoffEntry stored(HandoffId id) {
        return SystemCaller.call(() -> handoffs.get(id).orElseThrow());
    }

    private InboxView inbox() {
        UI.getCurrent().navigate("inbox");
        return _get(InboxView.class);
    }

    @Test
    void a_marketer_hands_an_mql_off_from_the_lead_page_and_the_lead_shows_it_waiting() {
        UserSummary seller = testUsers.create("hv-sales", Role.SALES);
        signedIn("hv-mkt", Role.MARKETING);
        LeadId lead = mql(TestUsers.uniqueName("Dialog"));
        UI.getCurrent().navigate("leads/" + lead.value());
        _click(_get(Button.class, spec -> spec.withId("lead-action-handoff")));
        HandoffDialog dialog = _get(HandoffDialog.class);
        assertThat(dialog.to.getValue().user()).isNull();
        assertThat(dialog.to.getListDataView().getItems().map(t -> t.user() == null ? "queue" : t.user().username()))
                .contains("queue", seller.username());
        _setValue(dialog.to, new HandoffDialog.Target(seller));
        _setValue(dialog.note, "Asked for a quote for 40 seats");
        _click(dialog.send);
        StatusMessages.expect("Handed off to sales");

        assertThat(handoffs.forLead(lead)).singleElement().satisfies(h -> {
            assertThat(h.to().id()).isEqualTo(seller.id());
            assertThat(h.note()).isEqualTo("Asked for a quote for 40 seats");
        });
        Div waiting = _get(Div.class, spec -> spec.withId("handoff-waiting"));
        assertThat(_get(waiting, Span.class).getText()).startsWith("Handed off to " + seller.fullName() + " on ");
        assertThat(_find(Div.class, spec -> spec.withClasses("ponte-timeline-entry")).stream()
                .filter(d -> "handoff".equals(d.getElement().getAttribute("data-kind")))).hasSize(1);

        // a second hand-off is refused in the dialog
        _click(_get(Button.class, spec -> spec.withId("lead-action-handoff")));
        HandoffDialog again = _get(HandoffDialog.class);
        _click(again.send);
        NotificationsKt.expectNotifications("This lead already has a handoff waiting for a decision");
        assertThat(handoffs.forLead(lead)).hasSize(1);
    }

    @Test
    void only_an_mql_lead_page_offers_the_hand_off_and_sales_never_sees_it() {
        UserSummary seller = testUsers.create("hv-sales-owner", Role.SALES);
        UserSummary marketer = signedIn("hv-mkt", Role.MARKETING);
        LeadId fresh = leads.create(new NewLead(TestUsers.uniqueName("Fresh"), null, null, null, "WEBSITE", null,
                null, null));
        LeadId qualified = mql(TestUsers.uniqueName("Qualified"));
        LeadId sql = mql(TestUsers.uniqueName("Accepted"));
        LeadId opportunity = mql(TestUsers.uniqueName("Offer"));
        signedIn("hv-mgr", Role.MANAGER);
        leads.acceptedByHandoff(sql, seller.id());
        leads.acceptedByHandoff(opportunity, seller.id());
        leads.move(opportunity, new StatusMove(LeadStatus.OPPORTUNITY, null, new java.math.BigDecimal("1000"),
                leads.get(opportunity).orElseThrow().version()));

        for (Role role : List.of(Role.MARKETING, Role.MANAGER)) {
            signedIn("hv-" + role.name().toLowerCase(java.util.Locale.ROOT), role);
            for (LeadId notMql : List.of(fresh, sql, opportunity)) {
                UI.getCurrent().navigate("leads/" + notMql.value());
                assertThat(_find(Button.class, spec -> spec.withId("lead-action-handoff")))
                        .as("%s on %s", role, leads.get(notMql).orElseThrow().status()).isEmpty();
            }
            UI.getCurrent().navigate("leads/" + qualified.value());
            assertThat(_find(Button.class, spec -> spec.withId("lead-action-handoff"))).as("%s on MQL", role).hasSize(1);
        }

        signedIn("hv-sales", Role.SALES);
        UI.getCurrent().navigate("leads/" + qualified.value());
        assertThat(_find(Button.class, spec -> spec.withId("lead-action-handoff"))).isEmpty();
        assertThat(marketer).isNotNull();
    }

    @Test
    void a_lead_that_stopped_being_an_mql_opens_no_dialog() {
        signedIn("hv-mkt", Role.MARKETING);
        LeadId lead = mql(TestUsers.uniqueName("Recycled"));
        UI.getCurrent().navigate("leads/" + lead.value());
        Button handOff = _get(Button.class, spec -> spec.withId("lead-action-handoff"));
        leads.move(lead, StatusMove.to(LeadStatus.NEW, leads.get(lead).orElseThrow().version())); // meanwhile

        _click(handOff);

        NotificationsKt.expectNotifications("Only an MQL can be handed off (this lead is New)");
        assertThat(_find(HandoffDialog.class)).isEmpty();
    }

    @Test
    void the_inbox_shows_my_handoff_with_the_lead_s_interactions_and_accepting_makes_it_an_sql() {
        UserSummary seller = testUsers.create("hv-sales", Role.SALES);
        UserSummary marketer = signedIn("hv-mkt", Role.MARKETING);
        String name = TestUsers.uniqueName("Inbox");
        LeadId lead = mql(name);
        interactions.log(new NewInteraction(lead, InteractionType.CALL, null, false, null, "Wants 40 seats", 4,
                null, null));
        HandoffId id = handoffs.handOff(new NewHandoff(lead, seller.id(), "Hot lead"));

        as(seller);
        InboxView view = inbox();
        assertThat(app.ponte.base.ui.Navigation.item("Sales inbox").badge()).contains("1");
        assertThat(_size(view.grid)).isEqualTo(view.items().size());
        int row = view.items().stream().map(i -> i.handoff().id()).toList().indexOf(id);
        assertThat(row).isNotNegative();
        assertThat(_getFormatted(view.grid, row, "lead")).isEqualTo(name);
        assertThat(_getFormatted(view.grid, row, "from")).isEqualTo(marketer.fullName());
        view.select(id);
        assertThat(_get(Paragraph.class, spec -> spec.withId("inbox-note")).getText())
                .isEqualTo("Note from " + marketer.fullName() + ": Hot lead");
        assertThat(_get(Div.class, spec -> spec.withId("inbox-interactions")).getElement().getTextRecursively())
                .contains("Call", "★ 4", "Wants 40 seats");
        assertThat(_find(Button.class, spec -> spec.withId("inbox-claim"))).isEmpty();
        _click(_get(Button.class, spec -> spec.withId("inbox-accept")));
        StatusMessages.expect("Accepted: " + name + " is now an SQL owned by " + seller.fullName());

        assertThat(stored(id).state()).isEqualTo(HandoffState.ACCEPTED);
        assertThat(leads.get(lead).orElseThrow().status()).isEqualTo(LeadStatus.SQL);
        assertThat(view.items()).extracting(i -> i.handoff().id()).doesNotContain(id);
    }

    @Test
    void a_queue_item_is_claimed_then_rejected_with_a_reason_and_a_note() {
        UserSummary marketer = signedIn("hv-mkt", Role.MARKETING);
        String name = TestUsers.uniqueName("Queue");
        LeadId lead = mql(name);
        HandoffId id = handoffs.handOff(NewHandoff.toQueue(lead, "anyone?"));

        UserSummary seller = signedIn("hv-sales", Role.SALES);
        InboxView view = inbox();
        view.select(id);
        assertThat(_find(Button.class, spec -> spec.withId("inbox-accept"))).isEmpty();
        _click(_get(Button.class, spec -> spec.withId("inbox-claim")));
        StatusMessages.expect("Claimed: it is yours now");
        assertThat(stored(id).to().id()).isEqualTo(seller.id());

        _click(_get(Button.class, spec -> spec.withId("inbox-reject")));
        RejectDialog dialog = _get(RejectDialog.class);
        _click(dialog.confirm);
        assertThat(dialog.reason.isInvalid()).isTrue();
        assertThat(dialog.reason.getErrorMessage()).isEqualTo("Choose the reason for the rejection");
        _setValue(dialog.reason, RejectReason.NOT_READY);
        _click(dialog.confirm);
        assertThat(dialog.note.isInvalid()).isTrue();
        assertThat(stored(id).state()).isEqualTo(HandoffState.PENDING);
        _setValue(dialog.note, "Budget only next year");
        _click(dialog.confirm);
        StatusMessages.expect("Rejected: " + name + " went back to marketing");

        HandoffEntry rejected = stored(id);
        assertThat(rejected.state()).isEqualTo(HandoffState.REJECTED);
        assertThat(rejected.reason()).isEqualTo(RejectReason.NOT_READY);
        assertThat(leads.get(lead).orElseThrow().owner().id()).isEqualTo(marketer.id());

        // the marketer sees the reason prominently on the lead
        as(marketer);
        UI.getCurrent().navigate("leads/" + lead.value());
        Div box = _get(Div.class, spec -> spec.withId("handoff-rejected"));
        assertThat(_get(box, Span.class, spec -> spec.withClasses("ponte-handoff-reason")).getText())
                .isEqualTo("Handoff rejected by " + seller.fullName() + ": Not ready to buy");
        assertThat(_get(Span.class, spec -> spec.withId("handoff-rejected-note")).getText())
                .isEqualTo("Budget only next year");
    }

    /** Every text of the lead page's timeline, in order. */
    private static java.util.List<String> timelineTexts() {
        var timeline = _get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class,
                spec -> spec.withId("lead-timeline"));
        return _find(timeline, Span.class).stream().map(Span::getText).toList();
    }

    @Test
    void the_lead_timeline_shows_a_rejection_s_reason_translated_never_its_code() {
        UserSummary seller = testUsers.create("hv-sales", Role.SALES);
        UserSummary marketer = signedIn("hv-mkt", Role.MARKETING);
        LeadId lead = mql(TestUsers.uniqueName("Timeline"));
        HandoffId id = handoffs.handOff(new NewHandoff(lead, seller.id(), "Chiede una demo"));
        as(seller);
        handoffs.reject(id, RejectReason.NO_CONTACT, "Tre chiamate, nessuna risposta", stored(id).version());

        as(marketer);
        UI.getCurrent().setLocale(java.util.Locale.ITALIAN);
        UI.getCurrent().navigate("leads/" + lead.value());
        java.util.List<String> texts = timelineTexts();
        // the move back to NEW carries the reason the handoff service stored on the lead
        assertThat(texts).contains("Nessun contatto: Tre chiamate, nessuna risposta");
        assertThat(texts).noneMatch(text -> text.matches("(?s).*\\b[A-Z]+_[A-Z_]+\\b.*"));
        assertThat(texts).noneMatch(text -> text.contains("NO_CONTACT"));

        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate("leads");
        UI.getCurrent().navigate("leads/" + lead.value());
        assertThat(timelineTexts()).contains("No contact: Tre chiamate, nessuna risposta")
                .noneMatch(text -> text.contains("NO_CONTACT"));
    }

    @Test
    void the_marketer_s_view_lists_state_decision_and_reason_with_this_month_s_rate() {
        UserSummary seller = testUsers.create("hv-sales", Role.SALES);
        UserSummary marketer = signedIn("hv-mkt", Role.MARKETING);
        String acceptedName = TestUsers.uniqueName("Acc");
        String rejectedName = TestUsers.uniqueName("Rej");
        HandoffId a = handoffs.handOff(new NewHandoff(mql(acceptedName), seller.id(), null));
        HandoffId r = handoffs.handOff(new NewHandoff(mql(rejectedName), seller.id(), null));
        HandoffId p = handoffs.handOff(new NewHandoff(mql(TestUsers.uniqueName("Pend")), seller.id(), null));
        as(seller);
        handoffs.accept(a, stored(a).version());
        handoffs.reject(r, RejectReason.NO_BUDGET, "Frozen", stored(r).version());

        as(marketer);
        UI.getCurrent().navigate("handoffs");
        HandoffsView view = _get(HandoffsView.class);
        assertThat(view.rate.getText()).isEqualTo("Acceptance this month: 50% (1 accepted of 2 decided)");
        assertThat(view.everyone.isVisible()).isFalse();
        assertThat(_size(view.grid)).isEqualTo(3);
        // newest first: pending, rejected, accepted; columns: lead, from (hidden), to, state, created, decided, reason, note
        assertThat(_getFormatted(view.grid, 1, "reason")).isEqualTo("No budget");
        assertThat(_getFormatted(view.grid, 1, "note")).isEqualTo("Frozen");
        assertThat(_getFormatted(view.grid, 0, "decided")).isEmpty();
        assertThat(_getFormatted(view.grid, 2, "decided")).isNotEmpty();
        assertThat(p).isNotNull();
    }

    @Test
    void the_export_link_follows_the_everyone_switch_of_a_manager() {
        UserSummary seller = testUsers.create("hv-xs", Role.SALES);
        UserSummary marketer = signedIn("hv-xm", Role.MARKETING);
        String name = TestUsers.uniqueName("Exported");
        handoffs.handOff(new NewHandoff(mql(name), seller.id(), null));
        signedIn("hv-xmgr", Role.MANAGER);
        UI.getCurrent().navigate("handoffs");
        HandoffsView view = _get(HandoffsView.class);
        CsvDownload export = _get(CsvDownload.class, spec -> spec.withId("handoffs-export"));

        var mine = new java.io.ByteArrayOutputStream();
        export.writeTo(mine);
        assertThat(mine.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(String.join(",",
                HandoffService.EXPORT_HEADER) + "\r\n");
        _setValue(view.everyone, true);
        var everyone = new java.io.ByteArrayOutputStream();
        export.writeTo(everyone);
        assertThat(everyone.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("," + name + ",Acme Srl," + marketer.username() + "," + seller.username() + ",false,PENDING,");
    }

    @Test
    void on_a_phone_the_inbox_shows_one_column_with_the_lead_the_people_and_the_time_left() {
        UserSummary seller = testUsers.create("hv-phone", Role.SALES);
        UserSummary marketer = signedIn("hv-phone-mkt", Role.MARKETING);
        String name = TestUsers.uniqueName("Phone");
        HandoffId id = handoffs.handOff(new NewHandoff(mql(name), seller.id(), null));

        as(seller);
        InboxView view = inbox();
        assertThat(view.grid.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("lead", "from", "to", "created", "sla");

        view.setNarrow(true);
        assertThat(view.grid.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("compact");
        InboxItem item = view.items().stream().filter(i -> i.handoff().id().equals(id)).findFirst().orElseThrow();
        assertThat(item.handoff().leadName()).isEqualTo(name);
        assertThat(view.who(item)).isEqualTo(marketer.fullName() + " → " + seller.fullName());
        assertThat(view.chipText(item)).contains("left");

        view.setNarrow(false);
        assertThat(view.grid.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("lead", "from", "to", "created", "sla");
    }
}
