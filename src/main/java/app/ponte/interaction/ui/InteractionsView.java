package app.ponte.interaction.ui;

import app.ponte.base.PonteProperties;
import app.ponte.base.ui.CsvDownload;
import app.ponte.base.ui.FilterToggle;
import app.ponte.base.ui.Formats;
import app.ponte.base.ui.MainLayout;
import app.ponte.interaction.InteractionFilter;
import app.ponte.interaction.InteractionRow;
import app.ponte.interaction.InteractionService;
import app.ponte.interaction.InteractionSort;
import app.ponte.interaction.InteractionType;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.security.AppRoles;
import app.ponte.security.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Every interaction of the team for managers: who talked to whom, how it went and what comes
 * next, filtered (the filters live in the URL) and read slice by slice, exportable to CSV with the
 * same filters.
 */
@Route(value = InteractionsView.ROUTE, layout = MainLayout.class)
@Menu(order = 30, title = "nav.interactions", icon = "vaadin:phone")
@RolesAllowed(AppRoles.MANAGER)
class InteractionsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String ROUTE = "interactions";

    private final InteractionService interactions;
    private final PonteProperties properties;
    private final List<UserSummary> people;

    private final Grid<InteractionRow> grid = new Grid<>();
    private final ComboBox<UserSummary> user = new ComboBox<>();
    private final ComboBox<InteractionType> type = new ComboBox<>();
    private final ComboBox<Integer> score = new ComboBox<>();
    private final ComboBox<LeadStatus> status = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    final HorizontalLayout filters = new HorizontalLayout();
    /** On a phone the filters hide behind this button, which counts the filters in use. */
    final FilterToggle filtersToggle = new FilterToggle("interactions-filters-toggle", filters);

    /** Read by the export's download request as well, hence volatile. */
    private volatile InteractionFilter filter = InteractionFilter.none();
    private boolean applyingParameters;
    /** Held interactions only: set by a statistics link (decision 027), shown as a removable chip. */
    private boolean heldOnly;
    final Span heldChip = new Span();
    /** "N interactions", counted whenever a filter narrows the list. */
    final Span count = new Span();
    private Long counted;

    InteractionsView(InteractionService interactions, LeadService leads, PonteProperties properties, Clock clock) {
        this.interactions = interactions;
        this.properties = properties;
        this.people = leads.possibleOwners();
        setId("interactions-view");
        setSizeFull();
        configureFilters();

        var export = new CsvDownload("interactions-export", getTranslation("interactions.export"), "interactions",
                clock, properties.zone(), out -> interactions.export(filter, out));
        filters.add(user, type, score, status, from, to);
        filters.setId("interactions-filters");
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        filters.setWidthFull();
        var toolbar = new HorizontalLayout(filtersToggle, export);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);

        configureGrid();
        count.setId("interactions-count");
        count.addClassName("ponte-list-count");
        count.setVisible(false);
        var clearHeld = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
            heldOnly = false;
            filtersChanged();
        });
        clearHeld.setId("interactions-held-clear");
        clearHeld.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        clearHeld.setAriaLabel(getTranslation("leads.narrowing.remove", getTranslation("interactions.held-only")));
        heldChip.add(new Span(getTranslation("interactions.held-only")), clearHeld);
        heldChip.setId("interactions-held");
        heldChip.addClassName("ponte-chip");
        heldChip.getElement().getThemeList().add("badge contrast pill");
        heldChip.setVisible(false);
        var status = new HorizontalLayout(count, heldChip);
        status.setAlignItems(FlexComponent.Alignment.CENTER);
        status.addClassName("ponte-list-status");
        add(new H2(getTranslation("interactions.title")), toolbar, filters, status, grid);
        expand(grid);
    }

    private void configureFilters() {
        user.setId("interactions-user");
        user.setLabel(getTranslation("interactions.user"));
        user.setPlaceholder(getTranslation("interactions.any"));
        user.setItems(people);
        user.setItemLabelGenerator(UserSummary::fullName);
        type.setId("interactions-type");
        type.setLabel(getTranslation("interactions.type"));
        type.setPlaceholder(getTranslation("interactions.any"));
        type.setItems(InteractionType.values());
        type.setItemLabelGenerator(t -> getTranslation("interaction.type." + t.name()));
        score.setId("interactions-score");
        score.setLabel(getTranslation("interactions.score"));
        score.setPlaceholder(getTranslation("interactions.any"));
        score.setItems(1, 2, 3, 4, 5);
        score.setItemLabelGenerator(s -> getTranslation("interaction.score.option", s, getTranslation("interaction.score." + s)));
        status.setId("interactions-status");
        status.setLabel(getTranslation("interactions.status"));
        status.setPlaceholder(getTranslation("interactions.any"));
        status.setItems(LeadStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("status." + s.name()));
        from.setId("interactions-from");
        from.setLabel(getTranslation("interactions.from"));
        to.setId("interactions-to");
        to.setLabel(getTranslation("interactions.to"));
        Stream.of(user, type, score, status).forEach(c -> c.setClearButtonVisible(true));
        Stream.of(from, to).forEach(d -> d.setClearButtonVisible(true));
        user.addValueChangeListener(e -> filtersChanged());
        type.addValueChangeListener(e -> filtersChanged());
        score.addValueChangeListener(e -> filtersChanged());
        status.addValueChangeListener(e -> filtersChanged());
        from.addValueChangeListener(e -> {
            to.setMin(e.getValue());
            filtersChanged();
        });
        to.addValueChangeListener(e -> {
            from.setMax(e.getValue());
            filtersChanged();
        });
    }

    private void configureGrid() {
        grid.setId("interactions-grid");
        grid.addColumn(r -> Formats.dateTime(r.occurredAt(), properties.zone(), getLocale()))
                .setHeader(getTranslation("interactions.when")).setKey(InteractionSort.OCCURRED_AT.name())
                .setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.user().fullName()).setHeader(getTranslation("interactions.user"))
                .setKey(InteractionSort.USER.name()).setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> new Anchor("leads/" + r.lead().value(), r.leadName()))
                .setHeader(getTranslation("interactions.lead")).setKey(InteractionSort.LEAD.name())
                .setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> getTranslation("interaction.type." + r.type().name()))
                .setHeader(getTranslation("interactions.type")).setKey(InteractionSort.TYPE.name())
                .setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.outcomeScore() == null ? "" : r.outcomeScore().toString())
                .setHeader(getTranslation("interactions.score")).setKey(InteractionSort.SCORE.name())
                // a set width: an automatic one leaves out the sort arrows and cut the header ("E…" for "Esito")
                .setSortable(true).setWidth("5.5rem").setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(r -> getTranslation("status." + r.statusAtTheTime().name()))
                .setHeader(shortHeader("interactions.col.status", "interactions.status"))
                .setKey(InteractionSort.STATUS_AT_THE_TIME.name())
                .setSortable(true).setWidth("8.5rem").setFlexGrow(0);
        // long text: one line in the cell, the whole of it in the tooltip
        grid.addColumn(r -> Objects.toString(r.summary(), "")).setHeader(getTranslation("interactions.summary"))
                .setKey("summary").setWidth("12rem").setFlexGrow(2)
                .setTooltipGenerator(r -> Objects.toString(r.summary(), ""));
        grid.addColumn(this::nextStep).setHeader(getTranslation("interactions.next-step")).setKey("nextStep")
                .setWidth("10rem").setFlexGrow(1).setTooltipGenerator(this::nextStep);
        // no count callback: the list grows without end, and counting it on every filter change costs a scan
        grid.setItems(query -> {
            InteractionSort sort = InteractionSort.OCCURRED_AT;
            boolean ascending = false;
            if (!query.getSortOrders().isEmpty()) {
                QuerySortOrder order = query.getSortOrders().getFirst();
                sort = Arrays.stream(InteractionSort.values()).filter(s -> s.name().equals(order.getSorted()))
                        .findFirst().orElse(InteractionSort.OCCURRED_AT);
                ascending = order.getDirection() == SortDirection.ASCENDING;
            }
            return interactions.find(filter, sort, ascending, query.getOffset(), query.getLimit()).stream();
        });
    }

    /** A short column header whose full wording shows on hover (Italian words are long). */
    private Span shortHeader(String shortKey, String fullKey) {
        var header = new Span(getTranslation(shortKey));
        header.setTitle(getTranslation(fullKey));
        return header;
    }

    private String nextStep(InteractionRow row) {
        if (row.nextStep() == null) {
            return "";
        }
        if (row.nextStepDue() == null) {
            return row.nextStep();
        }
        return getTranslation("interactions.next-step-due", row.nextStep(), Formats.date(
                row.nextStepDue().atStartOfDay(properties.zone()).toInstant(), properties.zone(), getLocale()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        applyingParameters = true;
        try {
            Long userId = parse(parameters, "user", Long::valueOf);
            user.setValue(people.stream().filter(u -> userId != null && u.id().value() == userId).findFirst()
                    .orElse(null));
            type.setValue(parse(parameters, "type", InteractionType::valueOf));
            Integer s = parse(parameters, "score", Integer::valueOf);
            score.setValue(s != null && s >= 1 && s <= 5 ? s : null);
            status.setValue(parse(parameters, "status", LeadStatus::valueOf));
            from.setValue(parse(parameters, "from", LocalDate::parse));
            to.setValue(parse(parameters, "to", LocalDate::parse));
            heldOnly = "true".equalsIgnoreCase(parse(parameters, "held", Function.identity()));
        } finally {
            applyingParameters = false;
        }
        filter = filterFromFields();
        grid.getDataProvider().refreshAll();
        showCount();
    }

    /**
     * "N interactions" whenever a filter narrows the list, counted by the database; the whole list is
     * not counted (it grows without end).
     */
    private void showCount() {
        heldChip.setVisible(filter.heldOnly());
        counted = filter.narrows() ? interactions.count(filter) : null;
        if (counted != null) {
            count.setText(getTranslation("interactions.count", counted));
            count.getElement().setAttribute("data-count", Long.toString(counted));
        }
        count.setVisible(counted != null);
    }

    /** The number the list shows above the grid, or null when it shows none (tests read it). */
    Long shownCount() {
        return counted;
    }

    /** A malformed value in a link is ignored, not an error. */
    private static <T> T parse(Map<String, List<String>> parameters, String name, Function<String, T> parser) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty() || values.getFirst().isBlank()) {
            return null;
        }
        try {
            return parser.apply(values.getFirst());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void filtersChanged() {
        if (applyingParameters) {
            return;
        }
        filter = filterFromFields();
        grid.getDataProvider().refreshAll();
        showCount();
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location(ROUTE, toParameters(filter))));
    }

    private InteractionFilter filterFromFields() {
        filtersToggle.showCount((int) Stream.of(user.getValue(), type.getValue(), score.getValue(), status.getValue(),
                from.getValue(), to.getValue()).filter(Objects::nonNull).count());
        return new InteractionFilter(user.getValue() == null ? null : user.getValue().id(), type.getValue(),
                score.getValue(), status.getValue(), from.getValue(), to.getValue(), heldOnly);
    }

    private static QueryParameters toParameters(InteractionFilter f) {
        Map<String, String> values = new LinkedHashMap<>();
        if (f.user() != null) {
            values.put("user", Long.toString(f.user().value()));
        }
        if (f.type() != null) {
            values.put("type", f.type().name());
        }
        if (f.score() != null) {
            values.put("score", f.score().toString());
        }
        if (f.statusAtTheTime() != null) {
            values.put("status", f.statusAtTheTime().name());
        }
        if (f.from() != null) {
            values.put("from", f.from().toString());
        }
        if (f.to() != null) {
            values.put("to", f.to().toString());
        }
        if (f.heldOnly()) {
            values.put("held", "true");
        }
        return QueryParameters.simple(values);
    }

    /** The filter the list shows now (tests read it). */
    InteractionFilter filter() {
        return filter;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + getTranslation("interactions.title");
    }
}
