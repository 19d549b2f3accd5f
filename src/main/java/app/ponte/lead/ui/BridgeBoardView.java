package app.ponte.lead.ui;

import app.ponte.base.PonteProperties;
import app.ponte.base.ui.FormErrors;
import app.ponte.base.ui.Formats;
import app.ponte.base.ui.MainLayout;
import app.ponte.lead.BoardColumn;
import app.ponte.lead.BoardColumnContent;
import app.ponte.lead.BoardColumnTotal;
import app.ponte.lead.BridgeStage;
import app.ponte.lead.LeadAction;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadExtension;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.LeadSummary;
import app.ponte.live.LiveEvent;
import app.ponte.live.LiveUpdates;
import app.ponte.security.AppRoles;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dnd.DropEffect;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The bridge board: the three spans side by side, each with its statuses and a column of the
 * leads lost on it — where the bridge broke. Cards move by drag and drop or by their menu; every
 * move goes through {@link LeadService#move}, which decides.
 *
 * <p>The lanes and columns are built once; a move, or a live signal that a lead changed, re-reads
 * and redraws only the columns it touched (the lead's old and new one), so a move on a board of
 * 200 cards sends the browser two columns, not the whole board.
 */
@Route(value = "board", layout = MainLayout.class)
@Menu(order = 20, title = "nav.board", icon = "vaadin:road-branches")
@RolesAllowed({AppRoles.MARKETING, AppRoles.SALES, AppRoles.MANAGER, AppRoles.ADMIN})
class BridgeBoardView extends VerticalLayout implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

    /** Cards per column: the most recent ones; the column's "more" link opens the full list. */
    static final int PER_COLUMN = 25;
    /** How long a card that just moved stays highlighted. */
    static final int HIGHLIGHT_MILLIS = 2000;
    static final String MOVED_CLASS = "ponte-card-moved";

    private final LeadService leadService;
    private final Clock clock;
    private final PonteProperties properties;
    private final Div board = new Div();
    /** Other features' actions, offered in every card's menu where they apply. */
    private final List<LeadAction> actions;
    private final Map<BoardColumn, ColumnView> columns = new LinkedHashMap<>();
    /** The cards on the board now, by lead: what each shows, hence which column it stands in. */
    private final Map<LeadId, LeadSummary> shown = new HashMap<>();

    BridgeBoardView(LeadService leadService, Clock clock, PonteProperties properties,
            ObjectProvider<LeadExtension> extensions, LiveUpdates live) {
        this.leadService = leadService;
        live.subscribe(this, LeadService.TOPIC, null, this::changedElsewhere);
        live.subscribe(this, LeadService.ACTIVITY_TOPIC, null, this::changedElsewhere);
        this.actions = extensions.orderedStream().flatMap(e -> e.actions().stream()).toList();
        this.clock = clock;
        this.properties = properties;
        setId("bridge-board-view");
        addClassName("ponte-board-view");
        setSizeFull();

        board.setId("bridge-board");
        board.addClassName("ponte-board");
        board.setWidthFull();
        for (BridgeStage stage : BridgeStage.values()) {
            var lane = new Section();
            lane.setId("lane-" + stage.name());
            lane.addClassNames("ponte-lane", "ponte-lane-" + stage.name().toLowerCase(Locale.ROOT));
            var title = new H3(getTranslation("stage." + stage.name()));
            title.addClassName("ponte-lane-title");
            var laneColumns = new Div();
            laneColumns.addClassName("ponte-lane-columns");
            for (BoardColumn column : BoardColumn.all()) {
                if (column.stage() == stage) {
                    var view = new ColumnView(column);
                    columns.put(column, view);
                    laneColumns.add(view);
                }
            }
            lane.add(title, laneColumns);
            board.add(lane);
        }

        var intro = new Paragraph(getTranslation("board.intro"));
        intro.addClassName("ponte-board-intro");
        add(new H2(getTranslation("nav.board")), intro, board);
        expand(board);
    }

    /** Each entry reads the board, also "Board" in the menu while on the board (the view is reused, decision 037). */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        reload();
    }

    /** Reads the whole board again: the cards of every column (one statement) and their totals (one). */
    void reload() {
        show(leadService.boardColumns(columns.keySet(), PER_COLUMN).values());
    }

    /** Re-reads and redraws only these columns. */
    private void refresh(Collection<BoardColumn> changed) {
        recounted = Set.copyOf(changed);
        show(leadService.boardColumns(changed, PER_COLUMN).values());
    }

    /** The columns the latest change re-read and recounted (tests read it). */
    Set<BoardColumn> recounted = Set.of();

    private void show(Collection<BoardColumnContent> contents) {
        for (BoardColumnContent content : contents) {
            ColumnView view = columns.get(content.column());
            view.cardsShown().forEach(shown::remove);
            view.show(content);
            content.cards().forEach(card -> shown.put(card.id(), card));
        }
    }

    /** Live signals: other people's changes (and the echo of one's own) redraw only what they touched. */
    private void changedElsewhere(Set<Long> ids) {
        if (ids.stream().anyMatch(id -> id == LiveEvent.EVERYTHING)) {
            reload();
            return;
        }
        ids.forEach(id -> leadChanged(new LeadId(id)));
    }

    /**
     * A lead changed (here or elsewhere): redraw its card in place when it stays in its column, or
     * the columns it left and entered when it moved, and highlight it there for a moment. A change
     * the board already shows (the echo of one's own move) costs one small read and nothing else.
     */
    void leadChanged(LeadId id) {
        LeadSummary before = shown.get(id);
        Optional<LeadSummary> now = leadService.get(id).map(BridgeBoardView::summaryOf);
        BoardColumn to = now.map(BridgeBoardView::columnOf).filter(columns::containsKey).orElse(null);
        if (before == null && now.isEmpty()) {
            // gone, and its column unknown (it was not among the shown cards): count every column again
            recounted = Set.copyOf(columns.keySet());
            leadService.boardTotals(columns.keySet()).forEach((column, total) -> columns.get(column).showTotal(total));
            return;
        }
        // a lead the board does not show: the column it stood in before its latest move, from its history
        BoardColumn from = before == null ? columnBeforeLatestMove(id) : columnOf(before);
        if (before != null && now.isPresent() && from.equals(to)) {
            if (!before.equals(now.get())) {
                columns.get(to).replace(now.get());
                shown.put(id, now.get());
            }
            return;
        }
        Set<BoardColumn> changed = new LinkedHashSet<>();
        if (from != null) {
            changed.add(from);
        }
        if (to != null) {
            changed.add(to);
        }
        if (changed.isEmpty()) {
            return;
        }
        refresh(changed);
        if (to != null) {
            columns.get(to).highlight(id);
        }
    }

    /**
     * The column a lead stood in before its latest status change (null: it never moved). Whatever the
     * change just signalled was — that move, or an edit long after it — re-reading this column and the
     * lead's current one keeps every total right: no other column can have gained or lost the lead.
     * A lead that left LOST stood in the lost column of the span it had fallen from.
     */
    private BoardColumn columnBeforeLatestMove(LeadId id) {
        List<app.ponte.lead.StatusChangeEntry> history = leadService.history(id);
        if (history.isEmpty()) {
            return null;
        }
        LeadStatus left = history.getLast().from();
        LeadStatus lostFrom = left == LeadStatus.LOST && history.size() > 1 ? history.get(history.size() - 2).from()
                : null;
        BridgeStage stage = LeadStatus.stageOf(left, lostFrom);
        BoardColumn column = stage == null ? null : new BoardColumn(stage, left);
        return column != null && columns.containsKey(column) ? column : null;
    }

    private static BoardColumn columnOf(LeadSummary lead) {
        BridgeStage stage = lead.stage();
        return stage == null ? null : new BoardColumn(stage, lead.status());
    }

    /** What a card shows of a lead, as the board's query would read it. */
    static LeadSummary summaryOf(LeadDetails d) {
        return new LeadSummary(d.id(), d.name(), d.company(), d.email(), d.status(), d.lostFrom(), d.channelCode(),
                d.owner().username(), d.owner().fullName(), d.statusChangedAt(), d.lastInteractionAt(),
                d.lastOutcomeScore(), d.expectedValue(), d.atRisk());
    }

    private long daysInStatus(LeadSummary lead) {
        return lead.statusChangedAt() == null ? 0
                : Math.max(0, Duration.between(lead.statusChangedAt(), clock.instant()).toDays());
    }

    /** The statuses this user may move the lead to now, and the other features' actions that apply to it. */
    BoardCard.MoveTargets moveTargets(LeadId id) {
        return leadService.get(id).map(lead -> new BoardCard.MoveTargets(
                        List.copyOf(leadService.allowedMoves(lead)),
                        actions.stream().filter(a -> a.offeredFor(lead.status())).toList()))
                .orElseGet(() -> new BoardCard.MoveTargets(List.of(), List.of()));
    }

    /**
     * Moves a lead as the menu or a drop asks. LOST needs a reason and OPPORTUNITY a value when the
     * lead has none: a dialog asks for them. A move the rules refuse (a drop on any column) is sent as
     * it is, so the service's refusal, about this lead's move, is what the user reads.
     */
    void requestMove(LeadId id, LeadStatus target) {
        Optional<LeadDetails> found = leadService.get(id);
        if (found.isEmpty()) {
            FormErrors.error(getTranslation("lead.error.not-found"));
            reload();
            return;
        }
        LeadMoves.request(this, leadService, found.get(), target, properties.currency(), () -> leadChanged(id));
    }

    /**
     * A card dropped on a column: the dragged card is the drag source Vaadin reports for this drop
     * (its id is read from the card itself, not from data captured when the board was drawn), and
     * the target status is the column's own.
     */
    void dropped(BoardColumn column, Optional<?> dragged) {
        dragged.filter(BoardCard.class::isInstance).map(BoardCard.class::cast)
                .map(BoardCard::lead)
                // dropped back where it was (or a lost card on another span's lost column): nothing to do
                .filter(lead -> lead.status() != column.status())
                .ifPresent(lead -> requestMove(lead.id(), column.status()));
    }

    private String statusLabel(LeadStatus status) {
        return getTranslation("status." + status.name());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + getTranslation("nav.board");
    }

    /** One column: its header (name, how many leads, their value), its cards, and its drop target. */
    private final class ColumnView extends Div {

        private final BoardColumn column;
        private final Span count = new Span();
        private final Span value = new Span();
        private final Div cards = new Div();

        ColumnView(BoardColumn column) {
            this.column = column;
            String key = column.stage().name() + "-" + column.status().name();
            setId("column-" + key);
            addClassName("ponte-column");
            getElement().setAttribute("data-status", column.status().name());
            if (column.isLost()) {
                addClassName("ponte-column-lost");
            }
            var name = new Span(column.isLost() ? getTranslation("board.column.lost") : statusLabel(column.status()));
            name.addClassName("ponte-column-name");
            count.setId("count-" + key);
            count.addClassName("ponte-column-count");
            value.setId("value-" + key);
            value.addClassName("ponte-column-value");
            value.setVisible(false);
            var header = new Div(name, count, value);
            header.addClassName("ponte-column-header");

            cards.setId("cards-" + key);
            cards.addClassName("ponte-column-cards");

            var more = new Anchor(LeadLinks.href(column.filter()), getTranslation("board.column.more"));
            more.setId("more-" + key);
            more.addClassName("ponte-column-more");
            more.setTitle(getTranslation("board.column.more-title"));
            add(header, cards, more);

            DropTarget<ColumnView> dropTarget = DropTarget.create(this);
            dropTarget.setDropEffect(DropEffect.MOVE);
            dropTarget.addDropListener(e -> dropped(column, e.getDragSourceComponent()));
        }

        List<LeadId> cardsShown() {
            return cards.getChildren().filter(BoardCard.class::isInstance).map(c -> ((BoardCard) c).lead().id())
                    .toList();
        }

        /**
         * Shows the column's cards, keeping every card that shows the same as before: a move adds one
         * card to a column and takes one from another, so the browser receives those, not 50 cards
         * built again (a card is some fifteen elements and a menu; docs/benchmarks.md, "move back").
         */
        void show(BoardColumnContent content) {
            Map<LeadId, BoardCard> before = new HashMap<>();
            cards.getChildren().filter(BoardCard.class::isInstance).map(BoardCard.class::cast)
                    .forEach(card -> before.put(card.lead().id(), card));
            List<Component> wanted = new ArrayList<>();
            for (LeadSummary lead : content.cards()) {
                BoardCard kept = before.get(lead.id());
                long days = daysInStatus(lead);
                wanted.add(kept != null && kept.shows(lead, days) ? kept : card(lead));
            }
            if (wanted.isEmpty()) {
                var empty = new Span(getTranslation("board.column.empty"));
                empty.addClassName("ponte-column-empty");
                wanted.add(empty);
            }
            Set<Component> keep = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            keep.addAll(wanted);
            cards.getChildren().filter(child -> !keep.contains(child)).toList().forEach(cards::remove);
            for (int i = 0; i < wanted.size(); i++) {
                Component card = wanted.get(i);
                if (i >= cards.getComponentCount() || cards.getComponentAt(i) != card) {
                    cards.addComponentAtIndex(i, card);
                }
            }
            showTotal(new BoardColumnTotal(content.total(), content.expectedValue()));
        }

        void showTotal(BoardColumnTotal total) {
            count.setText(Long.toString(total.leads()));
            count.setTitle(getTranslation("board.column.count-title", total.leads(),
                    Math.min(total.leads(), PER_COLUMN)));
            // the value of the pipeline from SQL on (lost columns and the marketing ones carry none)
            boolean valued = !column.isLost() && column.status().rank() >= LeadStatus.SQL.rank();
            value.setVisible(valued);
            if (valued) {
                value.setText(Formats.money(total.expectedValue() == null ? java.math.BigDecimal.ZERO
                        : total.expectedValue(), properties.currency(), getLocale()));
                value.setTitle(getTranslation("board.column.value-title"));
            }
        }

        void replace(LeadSummary lead) {
            cards.getChildren().filter(c -> c instanceof BoardCard card && card.lead().id().equals(lead.id()))
                    .findFirst().ifPresent(old -> cards.replace(old, card(lead)));
        }

        void highlight(LeadId id) {
            cards.getChildren().filter(c -> c instanceof BoardCard card && card.lead().id().equals(id))
                    .findFirst().ifPresent(card -> {
                        card.addClassName(MOVED_CLASS);
                        // the browser takes the highlight off again; the server needs no timer
                        card.getElement().executeJs("setTimeout(() => this.classList.remove($0), $1)", MOVED_CLASS,
                                HIGHLIGHT_MILLIS);
                    });
        }

        private BoardCard card(LeadSummary lead) {
            return new BoardCard(lead, daysInStatus(lead), BridgeBoardView.this::moveTargets,
                    BridgeBoardView.this::requestMove, () -> leadChanged(lead.id()));
        }
    }
}
