package app.ponte.lead.ui;

import app.ponte.live.LiveUpdates;
import app.ponte.base.PonteProperties;
import app.ponte.base.ui.FormErrors;
import app.ponte.base.ui.MainLayout;
import app.ponte.lead.BoardColumn;
import app.ponte.lead.BridgeStage;
import app.ponte.lead.LeadAction;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadExtension;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.LeadSummary;
import app.ponte.security.AppRoles;
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
import java.util.Arrays;
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
 */
@Route(value = "board", layout = MainLayout.class)
@Menu(order = 20, title = "nav.board", icon = "vaadin:road-branches")
@RolesAllowed({AppRoles.MARKETING, AppRoles.SALES, AppRoles.MANAGER, AppRoles.ADMIN})
class BridgeBoardView extends VerticalLayout implements HasDynamicTitle {

    /** Cards per column: the most recent ones; the column's "more" link opens the full list. */
    static final int PER_COLUMN = 25;

    private final LeadService leadService;
    private final Clock clock;
    private final PonteProperties properties;
    private final Div board = new Div();
    /** Other features' actions, offered in every card's menu. */
    private final List<LeadAction> actions;

    BridgeBoardView(LeadService leadService, Clock clock, PonteProperties properties,
            ObjectProvider<LeadExtension> extensions, LiveUpdates live) {
        this.leadService = leadService;
        live.subscribe(this, LeadService.TOPIC, null, changed -> reload());
        this.actions = extensions.orderedStream().flatMap(e -> e.actions().stream()).toList();
        this.clock = clock;
        this.properties = properties;
        setId("bridge-board-view");
        setSizeFull();

        board.setId("bridge-board");
        board.addClassName("ponte-board");
        board.setWidthFull();

        var intro = new Paragraph(getTranslation("board.intro"));
        intro.addClassName("ponte-board-intro");
        add(new H2(getTranslation("nav.board")), intro, board);
        expand(board);
        reload();
    }

    /** Reads the board again: one query per column, the most recent cards of each. */
    void reload() {
        board.removeAll();
        Map<BoardColumn, List<LeadSummary>> columns = leadService.board(PER_COLUMN);
        for (BridgeStage stage : BridgeStage.values()) {
            var lane = new Section();
            lane.setId("lane-" + stage.name());
            lane.addClassNames("ponte-lane", "ponte-lane-" + stage.name().toLowerCase(Locale.ROOT));
            var title = new H3(getTranslation("stage." + stage.name()));
            title.addClassName("ponte-lane-title");
            var laneColumns = new Div();
            laneColumns.addClassName("ponte-lane-columns");
            columns.forEach((column, cards) -> {
                if (column.stage() == stage) {
                    laneColumns.add(column(column, cards));
                }
            });
            lane.add(title, laneColumns);
            board.add(lane);
        }
    }

    private Div column(BoardColumn column, List<LeadSummary> leads) {
        String key = column.stage().name() + "-" + column.status().name();
        var columnDiv = new Div();
        columnDiv.setId("column-" + key);
        columnDiv.addClassName("ponte-column");
        if (column.isLost()) {
            columnDiv.addClassName("ponte-column-lost");
        }

        var name = new Span(column.isLost() ? getTranslation("board.column.lost") : statusLabel(column.status()));
        var count = new Span(leads.size() >= PER_COLUMN ? leads.size() + "+" : Integer.toString(leads.size()));
        count.addClassName("ponte-column-count");
        var header = new Div(name, count);
        header.addClassName("ponte-column-header");

        var cards = new Div();
        cards.setId("cards-" + key);
        cards.addClassName("ponte-column-cards");
        if (leads.isEmpty()) {
            var empty = new Span(getTranslation("board.column.empty"));
            empty.addClassName("ponte-column-empty");
            cards.add(empty);
        }
        for (LeadSummary lead : leads) {
            cards.add(new BoardCard(lead, daysInStatus(lead), this::moveTargets, this::requestMove, actions,
                    this::reload));
        }

        var more = new Anchor(LeadLinks.href(column.filter()), getTranslation("board.column.more"));
        more.setId("more-" + key);
        more.addClassName("ponte-column-more");
        more.setTitle(getTranslation("board.column.more-title"));

        columnDiv.add(header, cards, more);

        DropTarget<Div> dropTarget = DropTarget.create(columnDiv);
        dropTarget.setDropEffect(DropEffect.MOVE);
        dropTarget.addDropListener(e -> e.getDragData()
                .filter(LeadSummary.class::isInstance)
                .map(LeadSummary.class::cast)
                // dropped back where it was (or a lost card on another span's lost column): nothing to do
                .filter(lead -> lead.status() != column.status())
                .ifPresent(lead -> requestMove(lead.id(), column.status())));
        return columnDiv;
    }

    private long daysInStatus(LeadSummary lead) {
        return lead.statusChangedAt() == null ? 0
                : Math.max(0, Duration.between(lead.statusChangedAt(), clock.instant()).toDays());
    }

    /** The statuses this user may move the lead to now, and the other ones (which may be tried). */
    BoardCard.MoveTargets moveTargets(LeadId id) {
        return leadService.get(id).map(lead -> {
            Set<LeadStatus> allowed = leadService.allowedMoves(lead);
            List<LeadStatus> others = Arrays.stream(LeadStatus.values())
                    .filter(s -> s != lead.status() && !allowed.contains(s)).toList();
            return new BoardCard.MoveTargets(List.copyOf(allowed), others);
        }).orElseGet(() -> new BoardCard.MoveTargets(List.of(), List.of()));
    }

    /**
     * Moves a lead as the menu or a drop asks. LOST needs a reason and OPPORTUNITY a value when the
     * lead has none: a dialog asks for them. A move the rules refuse is sent as it is, so the
     * service's refusal is what the user reads.
     */
    void requestMove(LeadId id, LeadStatus target) {
        Optional<LeadDetails> found = leadService.get(id);
        if (found.isEmpty()) {
            FormErrors.error(getTranslation("lead.error.not-found"));
            reload();
            return;
        }
        LeadMoves.request(this, leadService, found.get(), target, properties.currency(), this::reload);
    }

    private String statusLabel(LeadStatus status) {
        return getTranslation("status." + status.name());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + getTranslation("nav.board");
    }
}
