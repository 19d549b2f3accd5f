package app.ponte.lead.ui;

import app.ponte.base.ui.StatusMessages;
import static com.github.mvysny.kaributesting.v10.ContextMenuKt._clickItemWithCaption;
import static com.github.mvysny.kaributesting.v10.HasValidationUtilsKt._expectInvalid;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import app.ponte.TestUsers;
import app.ponte.lead.BoardColumn;
import app.ponte.lead.BridgeStage;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadFilter;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.LeadSummary;
import app.ponte.lead.NewLead;
import app.ponte.lead.StatusMove;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.dnd.DragStartEvent;
import com.vaadin.flow.component.dnd.DropEvent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.QueryParameters;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The bridge board: where each lead stands, moving cards, and the rules refusing a move. */
class BridgeBoardViewTest extends KaribuTest {

    @Autowired
    LeadService leadService;

    private UserSummary signIn(String prefix, Role... roles) {
        UserSummary user = testUsers.create(prefix, roles);
        login(user.username(), roles);
        return user;
    }

    private LeadId createLead(String prefix, BigDecimal expectedValue) {
        return leadService.create(new NewLead(TestUsers.uniqueName(prefix), "Acme Srl", null, null, "WEBSITE", null,
                expectedValue, null));
    }

    private LeadDetails lead(LeadId id) {
        return leadService.get(id).orElseThrow();
    }

    private void moveByService(LeadId id, LeadStatus target) {
        leadService.move(id, StatusMove.to(target, lead(id).version()));
    }

    private BridgeBoardView openBoard() {
        UI.getCurrent().navigate("board");
        return _get(BridgeBoardView.class);
    }

    private Div column(BridgeStage stage, LeadStatus status) {
        return _get(Div.class, spec -> spec.withId("column-" + stage.name() + "-" + status.name()));
    }

    private List<BoardCard> cards(Div column, LeadId id) {
        return _find(column, BoardCard.class, spec -> spec.withId("card-" + id));
    }

    private BoardCard card(LeadId id) {
        return _get(BoardCard.class, spec -> spec.withId("card-" + id));
    }

    @Test
    void a_new_lead_appears_in_the_new_column_with_its_owner_and_a_link_to_its_page() {
        UserSummary marketer = signIn("board-mkt", Role.MARKETING);
        LeadId id = createLead("board-new", null);

        openBoard();

        Div newColumn = column(BridgeStage.AWARENESS, LeadStatus.NEW);
        assertThat(cards(newColumn, id)).hasSize(1);
        String text = card(id).getElement().getTextRecursively();
        assertThat(text).contains(lead(id).name(), "Acme Srl", marketer.fullName(), "today");
        assertThat(text).doesNotContain("★");
        assertThat(_get(Anchor.class, spec -> spec.withId("card-name-" + id)).getHref()).isEqualTo("leads/" + id);
        assertThat(moreLink("AWARENESS-NEW")).isEqualTo(new BoardColumn(BridgeStage.AWARENESS, LeadStatus.NEW).filter());
        assertThat(moreLink("CONSIDERATION-LOST"))
                .isEqualTo(new BoardColumn(BridgeStage.CONSIDERATION, LeadStatus.LOST).filter());
    }

    @Test
    void the_board_has_three_spans_each_with_its_statuses_and_a_lost_column() {
        signIn("board-lanes", Role.SALES);
        openBoard();
        for (String id : List.of("AWARENESS-NEW", "AWARENESS-LOST", "CONSIDERATION-MQL", "CONSIDERATION-SQL",
                "CONSIDERATION-LOST", "ACQUISITION-OPPORTUNITY", "ACQUISITION-WON", "ACQUISITION-LOST")) {
            assertThat(_find(Div.class, spec -> spec.withId("column-" + id))).as(id).hasSize(1);
        }
        assertThat(_find(Div.class, spec -> spec.withClasses("ponte-column"))).hasSize(8);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Ponte · Bridge board");
    }

    @Test
    void a_marketer_moves_a_new_lead_to_mql_from_the_card_menu() {
        signIn("board-menu", Role.MARKETING);
        LeadId id = createLead("board-menu", null);
        openBoard();

        BoardCard card = card(id);
        card.moveMenu.fill(); // what opening the menu does
        // only the moves the lifecycle allows, then other features' actions (e.g. "Log call")
        // that apply: no handoff for a New lead
        assertThat(card.moveMenu.getItems().stream().map(MenuItem::getText))
                .startsWith("MQL", "Lost")
                .doesNotContain("Other statuses", "SQL", "Opportunity", "Won", "Hand off to sales");

        _clickItemWithCaption(card.moveMenu, "MQL");

        StatusMessages.expect(lead(id).name() + " moved to MQL");
        assertThat(lead(id).status()).isEqualTo(LeadStatus.MQL);
        assertThat(cards(column(BridgeStage.CONSIDERATION, LeadStatus.MQL), id)).hasSize(1);
        assertThat(cards(column(BridgeStage.AWARENESS, LeadStatus.NEW), id)).isEmpty();

        BoardCard moved = card(id);
        moved.moveMenu.fill();
        assertThat(moved.moveMenu.getItems().stream().map(MenuItem::getText))
                .startsWith("New", "Lost")
                .contains("Hand off to sales")
                .doesNotContain("SQL");
    }

    @Test
    void an_sql_card_offers_no_hand_off() {
        UserSummary salesperson = testUsers.create("board-sql-rep", Role.SALES);
        signIn("board-sql-mgr", Role.MANAGER);
        LeadId id = createLead("board-sql-card", null);
        moveByService(id, LeadStatus.MQL);
        leadService.acceptedByHandoff(id, salesperson.id());
        openBoard();

        BoardCard card = card(id);
        card.moveMenu.fill();

        assertThat(card.moveMenu.getItems().stream().map(MenuItem::getText))
                .startsWith("Opportunity", "Lost")
                .doesNotContain("Hand off to sales", "MQL", "Won");
    }

    @Test
    void a_move_redraws_only_the_two_columns_involved_and_highlights_the_card() {
        signIn("board-partial", Role.MARKETING);
        LeadId id = createLead("board-partial", null);
        BridgeBoardView view = openBoard();
        Div untouched = _get(Div.class, spec -> spec.withId("cards-ACQUISITION-WON"));
        List<com.vaadin.flow.component.Component> before = untouched.getChildren().toList();
        Div lostOnAwareness = _get(Div.class, spec -> spec.withId("cards-AWARENESS-LOST"));
        List<com.vaadin.flow.component.Component> lostBefore = lostOnAwareness.getChildren().toList();

        view.requestMove(id, LeadStatus.MQL);

        assertThat(cards(column(BridgeStage.CONSIDERATION, LeadStatus.MQL), id)).hasSize(1);
        assertThat(card(id).getClassNames()).contains(BridgeBoardView.MOVED_CLASS);
        // the other columns keep their very components: nothing else was sent to the browser again
        assertThat(untouched.getChildren().toList()).containsExactlyElementsOf(before);
        assertThat(lostOnAwareness.getChildren().toList()).containsExactlyElementsOf(lostBefore);
    }

    @Test
    void a_move_keeps_the_other_cards_of_the_two_columns_and_builds_only_the_moved_one() {
        signIn("board-keep", Role.MARKETING);
        LeadId stays = createLead("board-keep-stays", null);
        LeadId moves = createLead("board-keep-moves", null);
        LeadId waits = createLead("board-keep-waits", null);
        moveByService(stays, LeadStatus.MQL);
        openBoard();
        Div newCards = _get(Div.class, spec -> spec.withId("cards-AWARENESS-NEW"));
        Div mqlCards = _get(Div.class, spec -> spec.withId("cards-CONSIDERATION-MQL"));
        BoardCard staysCard = card(stays);
        List<com.vaadin.flow.component.Component> newBefore = newCards.getChildren()
                .filter(c -> c != card(moves)).toList();

        _get(BridgeBoardView.class).requestMove(moves, LeadStatus.MQL);

        // the column left keeps its other cards as they were, in order (a card that fell into view is new)
        assertThat(newCards.getChildren().toList()).startsWith(newBefore.subList(0,
                Math.min(newBefore.size(), BridgeBoardView.PER_COLUMN - 1)).toArray(com.vaadin.flow.component.Component[]::new));
        // the column entered shows the moved lead, and keeps the very card it had (leads moved at the
        // test clock's same instant may stand in either order, so no position is asserted)
        assertThat(mqlCards.getChildren().toList()).contains(card(moves), staysCard);
        assertThat(card(stays)).isSameAs(staysCard);
        assertThat(newCards.getChildren().toList()).contains(card(waits));
    }

    @Test
    void a_column_counts_all_its_leads_and_from_sql_on_sums_their_expected_value() {
        UserSummary salesperson = testUsers.create("board-count-rep", Role.SALES);
        signIn("board-count", Role.MANAGER);
        BoardColumn newColumn = new BoardColumn(BridgeStage.AWARENESS, LeadStatus.NEW);
        BoardColumn sqlColumn = new BoardColumn(BridgeStage.CONSIDERATION, LeadStatus.SQL);
        openBoard();
        long newBefore = Long.parseLong(countText("AWARENESS-NEW"));
        BigDecimal sqlBefore = java.util.Objects.requireNonNullElse(
                leadService.boardTotals(List.of(sqlColumn)).get(sqlColumn).expectedValue(), BigDecimal.ZERO);
        for (int i = 0; i < BridgeBoardView.PER_COLUMN + 2; i++) {
            createLead("board-count", null);
        }
        LeadId valued = createLead("board-count-sql", new BigDecimal("1234.50"));
        moveByService(valued, LeadStatus.MQL);
        leadService.acceptedByHandoff(valued, salesperson.id());

        openBoard();

        // every lead of the column, not the 25 cards it shows
        assertThat(Long.parseLong(countText("AWARENESS-NEW"))).isEqualTo(newBefore + BridgeBoardView.PER_COLUMN + 2);
        assertThat(_find(_get(Div.class, spec -> spec.withId("cards-AWARENESS-NEW")), BoardCard.class))
                .hasSize(BridgeBoardView.PER_COLUMN);
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("value-CONSIDERATION-SQL"))
                .getText()).isEqualTo(app.ponte.base.ui.Formats.money(sqlBefore.add(new BigDecimal("1234.50")),
                        java.util.Currency.getInstance("EUR"), java.util.Locale.ENGLISH));
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("value-CONSIDERATION-SQL"))
                .getText()).startsWith("€");
        // no value where there is no pipeline yet, nor on the lost columns (Karibu finds visible components only)
        assertThat(_find(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("value-AWARENESS-NEW")))
                .isEmpty();
        assertThat(_find(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("value-CONSIDERATION-LOST")))
                .isEmpty();
        assertThat(newColumn.status()).isEqualTo(LeadStatus.NEW);
    }

    @Test
    void a_live_change_to_a_lead_the_board_does_not_show_recounts_only_the_columns_it_can_touch() {
        signIn("board-live", Role.MANAGER);
        BoardColumn newColumn = new BoardColumn(BridgeStage.AWARENESS, LeadStatus.NEW);
        BoardColumn mqlColumn = new BoardColumn(BridgeStage.CONSIDERATION, LeadStatus.MQL);
        BoardColumn lostColumn = new BoardColumn(BridgeStage.CONSIDERATION, LeadStatus.LOST);
        LeadId hidden = createLead("board-live", null);
        moveByService(hidden, LeadStatus.MQL);
        // newer MQLs push it out of the column's most recent cards
        for (int i = 0; i < BridgeBoardView.PER_COLUMN; i++) {
            moveByService(createLead("board-live-more", null), LeadStatus.MQL);
        }
        BridgeBoardView view = openBoard();
        assertThat(cards(column(BridgeStage.CONSIDERATION, LeadStatus.MQL), hidden)).isEmpty();

        // an edit elsewhere (the echo says only "this lead changed"): its column and the one it came from
        view.leadChanged(hidden);
        assertThat(view.recounted).containsExactlyInAnyOrder(newColumn, mqlColumn);

        // lost elsewhere: the MQL column loses it, the span's lost column gains it; nothing else is read
        long mqlBefore = Long.parseLong(countText("CONSIDERATION-MQL"));
        long lostBefore = Long.parseLong(countText("CONSIDERATION-LOST"));
        leadService.move(hidden, new StatusMove(LeadStatus.LOST, "gone quiet", null, lead(hidden).version()));
        view.leadChanged(hidden);
        assertThat(view.recounted).containsExactlyInAnyOrder(mqlColumn, lostColumn);
        assertThat(Long.parseLong(countText("CONSIDERATION-MQL"))).isEqualTo(mqlBefore - 1);
        assertThat(Long.parseLong(countText("CONSIDERATION-LOST"))).isEqualTo(lostBefore + 1);
        assertThat(cards(column(BridgeStage.CONSIDERATION, LeadStatus.LOST), hidden)).hasSize(1);
    }

    private static String countText(String column) {
        return _get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("count-" + column)).getText();
    }

    @Test
    void losing_a_lead_asks_for_the_reason_and_shows_it_in_the_lost_column() {
        signIn("board-lose", Role.MARKETING);
        LeadId id = createLead("board-lose", null);
        moveByService(id, LeadStatus.MQL);
        BridgeBoardView view = openBoard();

        view.requestMove(id, LeadStatus.LOST);
        MoveDialog dialog = _get(MoveDialog.class);
        _click(_get(Button.class, spec -> spec.withId("move-confirm")));

        _expectInvalid(dialog.reason, "Say why the lead was lost.");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(lead(id).status()).isEqualTo(LeadStatus.MQL);

        _setValue(dialog.reason, "No budget before next year");
        _click(_get(Button.class, spec -> spec.withId("move-confirm")));

        assertThat(_find(MoveDialog.class)).isEmpty();
        StatusMessages.expect(lead(id).name() + " moved to Lost");
        LeadDetails lost = lead(id);
        assertThat(lost.status()).isEqualTo(LeadStatus.LOST);
        assertThat(lost.lostFrom()).isEqualTo(LeadStatus.MQL);
        assertThat(lost.lostReason()).isEqualTo("No budget before next year");
        Div lostHere = column(BridgeStage.CONSIDERATION, LeadStatus.LOST);
        assertThat(cards(lostHere, id)).hasSize(1);
        assertThat(card(id).getElement().getTextRecursively()).contains("Lost from MQL");
        assertThat(cards(column(BridgeStage.AWARENESS, LeadStatus.LOST), id)).isEmpty();
        assertThat(cards(column(BridgeStage.CONSIDERATION, LeadStatus.MQL), id)).isEmpty();
    }

    @Test
    void a_marketer_cannot_make_a_lead_sql_by_hand() {
        signIn("board-sql", Role.MARKETING);
        LeadId id = createLead("board-sql", null);
        moveByService(id, LeadStatus.MQL);
        BridgeBoardView view = openBoard();

        view.requestMove(id, LeadStatus.SQL);

        NotificationsKt.expectNotifications(lead(id).name()
                + " cannot move from MQL to SQL. A lead becomes SQL only when sales accepts its handoff.");
        assertThat(lead(id).status()).isEqualTo(LeadStatus.MQL);
        assertThat(cards(column(BridgeStage.CONSIDERATION, LeadStatus.MQL), id)).hasSize(1);
    }

    @Test
    void a_salesperson_cannot_move_or_lose_a_new_lead_and_is_not_asked_for_a_reason() {
        signIn("board-mkt2", Role.MARKETING);
        LeadId id = createLead("board-sales", null);
        signIn("board-sales", Role.SALES);
        BridgeBoardView view = openBoard();

        BoardCard card = card(id);
        card.moveMenu.fill();
        assertThat(card.moveMenu.getItems().getFirst().getText()).isEqualTo("You cannot move this lead");
        assertThat(card.moveMenu.getItems().getFirst().isEnabled()).isFalse();

        view.requestMove(id, LeadStatus.MQL);
        NotificationsKt.expectNotifications(lead(id).name()
                + " cannot move from New to MQL. Only marketing or a manager can move a lead while it is New or MQL.");
        NotificationsKt.clearNotifications();

        view.requestMove(id, LeadStatus.LOST);
        assertThat(_find(MoveDialog.class)).isEmpty();
        NotificationsKt.expectNotifications(lead(id).name()
                + " cannot move from New to Lost. Only marketing or a manager can move a lead while it is New or MQL.");
        assertThat(lead(id).status()).isEqualTo(LeadStatus.NEW);
    }

    @Test
    void opening_an_opportunity_asks_for_the_expected_value() {
        UserSummary salesperson = testUsers.create("board-rep", Role.SALES);
        signIn("board-mgr", Role.MANAGER);
        LeadId id = createLead("board-opp", null);
        moveByService(id, LeadStatus.MQL);
        leadService.acceptedByHandoff(id, salesperson.id());
        BridgeBoardView view = openBoard();
        assertThat(cards(column(BridgeStage.CONSIDERATION, LeadStatus.SQL), id)).hasSize(1);

        view.requestMove(id, LeadStatus.OPPORTUNITY);
        MoveDialog dialog = _get(MoveDialog.class);
        _click(_get(Button.class, spec -> spec.withId("move-confirm")));
        _expectInvalid(dialog.expectedValue, "An opportunity needs an expected value.");
        assertThat(lead(id).status()).isEqualTo(LeadStatus.SQL);

        _setValue(dialog.expectedValue, new BigDecimal("12500.50"));
        _click(_get(Button.class, spec -> spec.withId("move-confirm")));

        assertThat(_find(MoveDialog.class)).isEmpty();
        LeadDetails opportunity = lead(id);
        assertThat(opportunity.status()).isEqualTo(LeadStatus.OPPORTUNITY);
        assertThat(opportunity.expectedValue()).isEqualByComparingTo("12500.50");
        assertThat(cards(column(BridgeStage.ACQUISITION, LeadStatus.OPPORTUNITY), id)).hasSize(1);
    }

    @Test
    void a_lead_that_has_an_expected_value_becomes_an_opportunity_without_a_dialog() {
        UserSummary salesperson = testUsers.create("board-rep2", Role.SALES);
        signIn("board-mgr2", Role.MANAGER);
        LeadId id = createLead("board-valued", new BigDecimal("900"));
        moveByService(id, LeadStatus.MQL);
        leadService.acceptedByHandoff(id, salesperson.id());
        BridgeBoardView view = openBoard();

        view.requestMove(id, LeadStatus.OPPORTUNITY);

        assertThat(_find(MoveDialog.class)).isEmpty();
        assertThat(lead(id).status()).isEqualTo(LeadStatus.OPPORTUNITY);
        assertThat(lead(id).expectedValue()).isEqualByComparingTo("900");
    }

    @Test
    void dropping_a_card_on_a_column_moves_the_lead_there() {
        signIn("board-drag", Role.MARKETING);
        LeadId id = createLead("board-drag", null);
        openBoard();

        drag(card(id), column(BridgeStage.CONSIDERATION, LeadStatus.MQL));
        assertThat(lead(id).status()).isEqualTo(LeadStatus.MQL);
        assertThat(cards(column(BridgeStage.CONSIDERATION, LeadStatus.MQL), id)).hasSize(1);

        drag(card(id), column(BridgeStage.AWARENESS, LeadStatus.LOST));
        assertThat(_get(MoveDialog.class).isOpened()).isTrue();
        assertThat(lead(id).status()).isEqualTo(LeadStatus.MQL);
    }

    @Test
    void a_refused_drop_names_the_dragged_lead_and_the_column_it_was_dropped_on() {
        UserSummary salesperson = testUsers.create("board-drop-rep", Role.SALES);
        signIn("board-drop-mgr", Role.MANAGER);
        LeadId sql = createLead("board-drop-sql", new BigDecimal("500"));
        moveByService(sql, LeadStatus.MQL);
        leadService.acceptedByHandoff(sql, salesperson.id());
        LeadId won = createLead("board-drop-won", new BigDecimal("700"));
        moveByService(won, LeadStatus.MQL);
        leadService.acceptedByHandoff(won, salesperson.id());
        moveByService(won, LeadStatus.OPPORTUNITY);
        moveByService(won, LeadStatus.WON);
        openBoard();
        // a card of another column was dragged earlier: the drop must not be read as that one
        ComponentUtil.fireEvent(card(won), new DragStartEvent<>(card(won), true));
        ComponentUtil.fireEvent(card(won), new com.vaadin.flow.component.dnd.DragEndEvent<>(card(won), true, "none"));

        drag(card(sql), column(BridgeStage.ACQUISITION, LeadStatus.WON));

        NotificationsKt.expectNotifications(lead(sql).name() + " cannot move from SQL to Won."
                + " A lead moves forward one status at a time: SQL cannot go to Won.");
        assertThat(lead(sql).status()).isEqualTo(LeadStatus.SQL);
        NotificationsKt.clearNotifications();

        drag(card(sql), column(BridgeStage.CONSIDERATION, LeadStatus.MQL));
        NotificationsKt.expectNotifications(lead(sql).name() + " cannot move from SQL to MQL."
                + " A lead moves forward one status at a time: SQL cannot go to MQL.");
        NotificationsKt.clearNotifications();

        drag(card(sql), column(BridgeStage.ACQUISITION, LeadStatus.OPPORTUNITY));
        StatusMessages.expect(lead(sql).name() + " moved to Opportunity");
        assertThat(lead(sql).status()).isEqualTo(LeadStatus.OPPORTUNITY);
        assertThat(cards(column(BridgeStage.ACQUISITION, LeadStatus.OPPORTUNITY), sql)).hasSize(1);
        assertThat(lead(won).status()).isEqualTo(LeadStatus.WON);
    }

    @Test
    void dropping_a_card_back_on_its_own_column_changes_nothing() {
        signIn("board-same", Role.MARKETING);
        LeadId id = createLead("board-same", null);
        openBoard();
        long version = lead(id).version();

        drag(card(id), column(BridgeStage.AWARENESS, LeadStatus.NEW));

        NotificationsKt.expectNoNotifications();
        StatusMessages.expectNone();
        assertThat(lead(id).version()).isEqualTo(version);
    }

    @Test
    void a_lead_changed_while_the_dialog_was_open_is_not_overwritten() {
        UserSummary marketer = signIn("board-stale", Role.MARKETING);
        LeadId id = createLead("board-stale", null);
        BridgeBoardView view = openBoard();
        view.requestMove(id, LeadStatus.LOST);
        MoveDialog dialog = _get(MoveDialog.class);

        moveByService(id, LeadStatus.MQL); // someone else, meanwhile
        _setValue(dialog.reason, "Went with a competitor");
        _click(_get(Button.class, spec -> spec.withId("move-confirm")));

        assertThat(NotificationsKt.getNotifications()).hasSize(1);
        assertThat(NotificationsKt.getNotifications().getFirst().getElement().getProperty("text"))
                .startsWith("Changed by " + marketer.username() + " at ");
        assertThat(lead(id).status()).isEqualTo(LeadStatus.MQL);
        assertThat(cards(column(BridgeStage.CONSIDERATION, LeadStatus.MQL), id)).hasSize(1);
    }

    @Test
    void a_card_shows_days_in_status_the_last_score_and_where_a_lost_lead_fell() {
        signIn("board-card", Role.MANAGER);
        var summary = new LeadSummary(new LeadId(-1), "Lia Neri", "Neri Spa", null, LeadStatus.LOST, LeadStatus.SQL,
                "WEBSITE", "lneri", "Lia Owner", Instant.now().minus(Duration.ofDays(3)), null, 4, null, false);
        var card = new BoardCard(summary, 3, lead -> new BoardCard.MoveTargets(List.of(), List.of()), (lead, s) -> { });

        String text = card.getElement().getTextRecursively();
        assertThat(text).contains("Lia Neri", "Neri Spa", "Lia Owner", "3 days", "★ 4", "Lost from SQL");
        assertThat(card.getClassNames()).contains("ponte-card", "ponte-card-lost");
        assertThat(card.getId()).hasValue("card--1");
    }

    /** The filter the column's "more" link opens the lead list with. */
    private static LeadFilter moreLink(String column) {
        String href = _get(Anchor.class, spec -> spec.withId("more-" + column)).getHref();
        assertThat(href).startsWith(LeadLinks.LEADS_ROUTE + "?");
        return LeadLinks.fromParameters(QueryParameters.fromString(href.substring(href.indexOf('?') + 1)));
    }

    private static void drag(BoardCard card, Div column) {
        ComponentUtil.fireEvent(card, new DragStartEvent<>(card, true));
        ComponentUtil.fireEvent(column, new DropEvent<>(column, true, "move"));
    }
}
