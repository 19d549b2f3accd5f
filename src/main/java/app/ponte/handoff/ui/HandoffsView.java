package app.ponte.handoff.ui;

import app.ponte.base.ui.CsvDownload;
import app.ponte.base.ui.Formats;
import app.ponte.base.ui.MainLayout;
import app.ponte.handoff.HandoffEntry;
import app.ponte.handoff.HandoffRate;
import app.ponte.handoff.HandoffService;
import app.ponte.handoff.HandoffState;
import app.ponte.live.LiveUpdates;
import app.ponte.security.AppRoles;
import app.ponte.security.CurrentUser;
import app.ponte.security.Role;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/**
 * The marketer's view of their handoffs: state, decision time and rejection reason, newest first,
 * and this month's acceptance rate. Managers may look at everyone's. It follows decisions live.
 */
@Route(value = HandoffsView.ROUTE, layout = MainLayout.class)
@Menu(order = 25, title = "nav.handoffs", icon = "vaadin:exchange")
@RolesAllowed({AppRoles.MARKETING, AppRoles.MANAGER})
class HandoffsView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "handoffs";

    private final HandoffService handoffs;
    final Grid<HandoffEntry> grid = new Grid<>();
    final Span rate = new Span();
    final Checkbox everyone = new Checkbox();
    private final Grid.Column<HandoffEntry> fromColumn;
    /** The switch's value for the export's download request, which runs outside the UI's lock. */
    private volatile boolean exportEveryone;

    HandoffsView(HandoffService handoffs, CurrentUser currentUser, LiveUpdates live, Clock clock) {
        this.handoffs = handoffs;
        setId("handoffs-view");
        setSizeFull();
        rate.setId("handoffs-rate");
        rate.addClassName("ponte-handoffs-rate");
        everyone.setId("handoffs-everyone");
        everyone.setLabel(getTranslation("handoffs.everyone"));
        everyone.setVisible(currentUser.has(Role.MANAGER));
        everyone.addValueChangeListener(e -> reload());

        grid.setId("handoffs-grid");
        grid.setPageSize(50);
        grid.addColumn(new ComponentRenderer<>(h -> new Anchor("leads/" + h.lead().value(), h.leadName())))
                .setHeader(getTranslation("handoffs.col.lead")).setKey("lead").setWidth("11rem").setFlexGrow(2);
        fromColumn = grid.addColumn(h -> h.from().fullName()).setHeader(getTranslation("handoffs.col.from")).setKey("from")
                .setWidth("10rem").setFlexGrow(1);
        grid.addColumn(h -> h.to() == null ? getTranslation("inbox.queue") : h.to().fullName())
                .setHeader(getTranslation("handoffs.col.to")).setKey("to").setWidth("10rem").setFlexGrow(1);
        grid.addColumn(new ComponentRenderer<>(this::stateChip)).setHeader(getTranslation("handoffs.col.state")).setKey("state")
                .setWidth("8rem").setFlexGrow(0);
        // widths in rem, not auto: the list loads lazily, so auto width would measure an empty page and cut the dates
        grid.addColumn(h -> Formats.dateTime(h.createdAt(), handoffs.zone(), getLocale()))
                .setHeader(getTranslation("handoffs.col.created")).setKey("created").setWidth("11.5rem").setFlexGrow(0);
        grid.addColumn(h -> Formats.dateTime(h.decidedAt(), handoffs.zone(), getLocale()))
                .setHeader(getTranslation("handoffs.col.decided")).setKey("decided").setWidth("11.5rem").setFlexGrow(0);
        grid.addColumn(h -> h.reason() == null ? "" : getTranslation("handoff.reason." + h.reason().name()))
                .setHeader(getTranslation("handoffs.col.reason")).setKey("reason").setWidth("10rem").setFlexGrow(1)
                .setTooltipGenerator(h -> h.reason() == null ? "" : getTranslation("handoff.reason." + h.reason().name()));
        // a note may be long: one line in the cell, all of it in the tooltip
        grid.addColumn(h -> h.decisionNote() == null ? "" : h.decisionNote())
                .setHeader(getTranslation("handoffs.col.decision-note")).setKey("note").setWidth("12rem").setFlexGrow(2)
                .setTooltipGenerator(h -> h.decisionNote() == null ? "" : h.decisionNote());
        grid.setItems(query -> handoffs.sent(everyone.getValue(), query.getOffset(), query.getLimit()).stream());

        var export = new CsvDownload("handoffs-export", getTranslation("handoffs.export"), "handoffs", clock,
                handoffs.zone(), out -> handoffs.exportSent(exportEveryone, out));
        var bar = new HorizontalLayout(everyone, export);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("handoffs.title")), rate, bar, grid);
        live.subscribe(this, HandoffService.TOPIC, null, ids -> reload());
        reload();
    }

    void reload() {
        exportEveryone = everyone.getValue();
        fromColumn.setVisible(everyone.getValue());
        HandoffRate r = handoffs.acceptanceThisMonth(everyone.getValue());
        rate.setText(r.percent() == null ? getTranslation("handoffs.rate-none")
                : getTranslation("handoffs.rate", r.percent(), r.accepted(), r.decided()));
        grid.getDataProvider().refreshAll();
    }

    private Span stateChip(HandoffEntry h) {
        var chip = new Span(getTranslation("handoff.state." + h.state().name()));
        chip.getElement().getThemeList().add(h.state() == HandoffState.ACCEPTED ? "badge success"
                : h.state() == HandoffState.REJECTED ? "badge error" : "badge");
        return chip;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + getTranslation("handoffs.title");
    }
}
