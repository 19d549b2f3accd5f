package app.ponte.handoff.ui;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.ui.FormErrors;
import app.ponte.base.ui.CsvDownload;
import app.ponte.base.ui.Formats;
import app.ponte.base.ui.MainLayout;
import app.ponte.base.ui.NarrowScreen;
import app.ponte.handoff.HandoffEntry;
import app.ponte.handoff.HandoffId;
import app.ponte.handoff.HandoffService;
import app.ponte.handoff.InboxItem;
import app.ponte.interaction.InteractionEntry;
import app.ponte.interaction.InteractionService;
import app.ponte.live.LiveUpdates;
import app.ponte.security.AppRoles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The sales inbox: my pending handoffs and the queue's, oldest first, with the time left to the
 * SLA and overdue ones marked. Selecting one shows the lead, the marketer's note and its recent
 * interactions, and offers claim, accept or reject. It follows every change live.
 */
@Route(value = InboxView.ROUTE, layout = MainLayout.class)
@Menu(order = 4, title = "nav.inbox", icon = "vaadin:inbox")
@RolesAllowed({AppRoles.SALES, AppRoles.MANAGER})
class InboxView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "inbox";
    static final int RECENT = 3;

    private final HandoffService handoffs;
    private final InteractionService interactions;
    final Grid<InboxItem> grid = new Grid<>();
    final Div details = new Div();
    private final Paragraph empty = new Paragraph();
    private List<InboxItem> items = List.of();

    InboxView(HandoffService handoffs, InteractionService interactions, LiveUpdates live, Clock clock) {
        this.handoffs = handoffs;
        this.interactions = interactions;
        setId("inbox-view");
        setSizeFull();

        grid.setId("inbox-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(i -> i.handoff().leadName()).setHeader(getTranslation("inbox.col.lead")).setKey("lead")
                .setWidth("11rem").setFlexGrow(2);
        grid.addColumn(i -> i.handoff().from().fullName()).setHeader(getTranslation("inbox.col.from")).setKey("from")
                .setWidth("10rem").setFlexGrow(1);
        grid.addColumn(i -> i.handoff().to() == null ? getTranslation("inbox.queue") : i.handoff().to().fullName())
                .setHeader(getTranslation("inbox.col.to")).setKey("to").setWidth("10rem").setFlexGrow(1);
        grid.addColumn(i -> Formats.dateTime(i.handoff().createdAt(), handoffs.zone(), getLocale()))
                .setHeader(getTranslation("inbox.col.waiting")).setKey("created").setWidth("12.5rem").setFlexGrow(0);
        // Templates drawn in the browser, not a component per row: a component per cell cost most of
        // the time to open the inbox (every row's chip and phone cell built and sent as elements).
        grid.addColumn(LitRenderer.<InboxItem>of(SLA_CHIP)
                        .withProperty("chip", this::chipText).withProperty("chipTheme", InboxView::chipTheme)
                        .withProperty("due", this::dueText))
                .setHeader(getTranslation("inbox.col.sla")).setKey("sla").setWidth("12.5rem").setFlexGrow(0);
        // a phone shows one column: who, from whom, and the time left, all in one cell
        grid.addColumn(LitRenderer.<InboxItem>of("<div class=\"ponte-compact-cell\">"
                        + "<span class=\"ponte-compact-title\">${item.name}</span>" + SLA_CHIP
                        + "<span class=\"ponte-compact-line\">${item.who}</span></div>")
                        .withProperty("name", i -> i.handoff().leadName()).withProperty("who", this::who)
                        .withProperty("chip", this::chipText).withProperty("chipTheme", InboxView::chipTheme)
                        .withProperty("due", this::dueText))
                .setHeader(getTranslation("inbox.col.lead")).setKey("compact").setFlexGrow(1).setVisible(false);
        NarrowScreen.follow(this, this::setNarrow);
        grid.setPartNameGenerator(i -> i.overdue() ? "overdue" : null);
        grid.addSelectionListener(e -> showDetails(e.getFirstSelectedItem().map(InboxItem::handoff).orElse(null)));

        empty.setId("inbox-empty");
        empty.setText(getTranslation("inbox.empty"));
        details.setId("inbox-details");
        details.addClassName("ponte-inbox-details");
        var export = new CsvDownload("inbox-export", getTranslation("inbox.export"), "inbox", clock,
                handoffs.zone(), handoffs::exportInbox);
        add(new H2(getTranslation("inbox.title")), export, empty, grid, details);
        live.subscribe(this, HandoffService.TOPIC, null, ids -> reload());
        reload();
    }

    /** Reads the inbox again, keeping the selected handoff selected while it is still there. */
    void reload() {
        HandoffId selected = grid.asSingleSelect().getOptionalValue().map(i -> i.handoff().id()).orElse(null);
        items = handoffs.inbox();
        grid.setItems(items);
        empty.setVisible(items.isEmpty());
        grid.setVisible(!items.isEmpty());
        InboxItem again = items.stream().filter(i -> i.handoff().id().equals(selected)).findFirst().orElse(null);
        if (again != null) {
            grid.select(again);
        } else {
            showDetails(null);
        }
    }

    List<InboxItem> items() {
        return items;
    }

    void select(HandoffId id) {
        items.stream().filter(i -> i.handoff().id().equals(id)).findFirst().ifPresent(grid::select);
    }

    /** Shows the phone's single column (true) or the full table (false). */
    void setNarrow(boolean narrow) {
        grid.getColumns().forEach(c -> c.setVisible(narrow == "compact".equals(c.getKey())));
    }

    private static final String SLA_CHIP = "<span theme=\"${item.chipTheme}\" title=\"${item.due}\">${item.chip}</span>";

    /** The phone cell's line under the lead's name: from whom to whom. */
    String who(InboxItem item) {
        String to = item.handoff().to() == null ? getTranslation("inbox.queue") : item.handoff().to().fullName();
        return item.handoff().from().fullName() + " → " + to;
    }

    /** The SLA chip's text: the time left, or how long overdue. */
    String chipText(InboxItem item) {
        Duration left = item.timeLeft();
        return item.overdue() ? getTranslation("inbox.sla.overdue", Formats.duration(left.negated()))
                : getTranslation("inbox.sla.left", Formats.duration(left));
    }

    private static String chipTheme(InboxItem item) {
        return item.overdue() ? "badge error" : "badge";
    }

    private String dueText(InboxItem item) {
        return getTranslation("inbox.due", Formats.dateTime(item.dueAt(), handoffs.zone(), getLocale()));
    }

    private void showDetails(HandoffEntry handoff) {
        details.removeAll();
        if (handoff == null) {
            details.add(new Paragraph(getTranslation("inbox.select")));
            return;
        }
        var title = new H3(handoff.leadName() + (handoff.company() == null ? "" : " · " + handoff.company()));
        var open = new Anchor("leads/" + handoff.lead().value(), getTranslation("inbox.open-lead"));
        open.setId("inbox-open-lead");
        var note = new Paragraph(handoff.note() == null ? getTranslation("inbox.no-note")
                : getTranslation("inbox.note", handoff.from().fullName()) + ": " + handoff.note());
        note.setId("inbox-note");
        details.add(title, open, note);

        details.add(new H3(getTranslation("inbox.recent")));
        List<InteractionEntry> recent = interactions.forLead(handoff.lead()).stream().limit(RECENT).toList();
        var list = new Div();
        list.setId("inbox-interactions");
        if (recent.isEmpty()) {
            list.add(new Paragraph(getTranslation("inbox.no-interactions")));
        }
        for (InteractionEntry i : recent) {
            var line = new Div(new Span(getTranslation("interaction.type." + i.type().name()) + " · "
                    + Formats.date(i.occurredAt(), handoffs.zone(), getLocale())
                    + (i.outcomeScore() == null ? "" : " · ★ " + i.outcomeScore())
                    + (i.summary() == null ? "" : " · " + i.summary())));
            line.addClassName("ponte-inbox-interaction");
            list.add(line);
        }
        details.add(list);

        var buttons = new HorizontalLayout();
        if (handoffs.mayClaim(handoff)) {
            var claim = new Button(getTranslation("inbox.claim"), e -> claim(handoff));
            claim.setId("inbox-claim");
            claim.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            buttons.add(claim);
        }
        if (handoffs.mayDecide(handoff)) {
            var accept = new Button(getTranslation("inbox.accept"), e -> accept(handoff));
            accept.setId("inbox-accept");
            accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            var reject = new Button(getTranslation("inbox.reject"),
                    e -> new RejectDialog(handoffs, handoff, this::reload).open());
            reject.setId("inbox-reject");
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
            buttons.add(accept, reject);
        }
        details.add(buttons);
    }

    void claim(HandoffEntry handoff) {
        try {
            handoffs.claim(handoff.id());
            FormErrors.success(getTranslation("inbox.claimed"));
        } catch (BusinessRuleException e) {
            FormErrors.error(getTranslation(e.messageKey(), e.arguments()));
        }
        reload();
    }

    void accept(HandoffEntry handoff) {
        try {
            HandoffEntry accepted = handoffs.accept(handoff.id(), handoff.version());
            String owner = accepted.to() != null ? accepted.to().fullName()
                    : accepted.decidedBy() == null ? "" : accepted.decidedBy().fullName();
            FormErrors.success(getTranslation("inbox.accepted", handoff.leadName(), owner));
        } catch (BusinessRuleException e) {
            FormErrors.error(getTranslation(e.messageKey(), e.arguments()));
        }
        reload();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + getTranslation("inbox.title");
    }
}
