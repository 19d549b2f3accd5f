package app.ponte.lead.ui;

import app.ponte.base.ui.CsvDownload;
import app.ponte.base.ui.FilterToggle;
import app.ponte.base.ui.MainLayout;
import app.ponte.live.LiveUpdates;
import app.ponte.lead.BridgeStage;
import app.ponte.lead.Channel;
import app.ponte.lead.ChannelService;
import app.ponte.lead.LeadAction;
import app.ponte.lead.LeadExtension;
import app.ponte.lead.LeadFilter;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadSort;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.LeadSummary;
import app.ponte.security.AppRoles;
import app.ponte.security.CurrentUser;
import app.ponte.security.Role;
import app.ponte.security.UserId;
import app.ponte.security.UserService;
import app.ponte.security.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.contextmenu.GridContextMenu;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The lead list: every lead the team works on, filtered and sorted, read slice by slice as the
 * user scrolls (no count query). The filters live in the URL, so a link reproduces the view.
 */
@Route(value = LeadLinks.LEADS_ROUTE, layout = MainLayout.class)
@Menu(order = 10, title = "nav.leads", icon = "vaadin:records")
@RolesAllowed({AppRoles.MARKETING, AppRoles.SALES, AppRoles.MANAGER, AppRoles.ADMIN})
class LeadsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final LeadService leads;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final List<Channel> channels;
    private final Map<String, String> channelNames;
    private final List<UserSummary> owners;
    private final UserService users;

    private final Grid<LeadSummary> grid = new Grid<>();
    /** Other features' actions, offered in each row's context menu. */
    private final List<LeadAction> actions;
    final GridContextMenu<LeadSummary> rowMenu = new GridContextMenu<>();
    private final TextField search = new TextField();
    private final ComboBox<LeadStatus> status = new ComboBox<>();
    private final ComboBox<BridgeStage> stage = new ComboBox<>();
    private final ComboBox<String> channel = new ComboBox<>();
    private final ComboBox<UserSummary> owner = new ComboBox<>();
    private final Checkbox mine = new Checkbox();
    private final DatePicker createdFrom = new DatePicker();
    private final DatePicker createdTo = new DatePicker();
    final HorizontalLayout filters = new HorizontalLayout();
    /** On a phone the filters hide behind this button, which counts the filters in use. */
    final FilterToggle filtersToggle = new FilterToggle("leads-filters-toggle", filters);

    /** Read by the export's download request as well, hence volatile. */
    private volatile LeadFilter filter = LeadFilter.none();
    /** Set while the fields are filled from the URL, so that filling them fetches nothing by itself. */
    private boolean applyingParameters;
    /**
     * The statistics' narrowing from a drill-down link (reached, lost from, entered, stalled): no field
     * edits it, so it is shown as removable chips above the grid ({@link #narrowing}).
     */
    private LeadFilter drill = LeadFilter.none();
    /** "Showing: reached SQL ✕ · …": why a drill-down list is narrowed, each part removable. */
    final HorizontalLayout narrowing = new HorizontalLayout();
    /** "N leads", counted whenever something narrows the list. */
    final Span count = new Span();
    private Long counted;

    LeadsView(LeadService leads, ChannelService channels, UserService users, CurrentUser currentUser, Clock clock,
            ObjectProvider<LeadExtension> extensions, LiveUpdates live) {
        this.leads = leads;
        // rows change as the team works: re-read the visible slice (coalesced, at most a few times a second)
        live.subscribe(this, LeadService.TOPIC, null, changed -> refresh());
        live.subscribe(this, LeadService.ACTIVITY_TOPIC, null, changed -> refresh());
        this.actions = extensions.orderedStream().flatMap(e -> e.actions().stream()).toList();
        this.clock = clock;
        this.currentUser = currentUser;
        this.channels = channels.list(true);
        this.channelNames = this.channels.stream().sorted(Channel.byName(getLocale()))
                .collect(Collectors.toMap(Channel::code, c -> c.name(getLocale()), (a, b) -> a, LinkedHashMap::new));
        this.owners = leads.possibleOwners();
        this.users = users;
        setId("leads-view");
        setSizeFull();

        configureFilters();
        var toolbar = new HorizontalLayout(search);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWidthFull();
        toolbar.expand(search);
        // hidden is not enough: who may not create never gets the button (the service refuses anyway)
        if (currentUser.has(Role.MARKETING) || currentUser.has(Role.MANAGER)) {
            var create = new Button(getTranslation("leads.new"), VaadinIcon.PLUS.create(), e -> openCreateDialog());
            create.setId("leads-new");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(create);
        }
        // the filter as it is when the link is clicked: the file holds what the grid lists
        toolbar.add(new CsvDownload("leads-export", getTranslation("leads.export"), "leads", clock, clock.getZone(),
                out -> leads.export(filter, out)));
        filters.add(status, stage, channel, owner, createdFrom, createdTo, mine);
        filters.setId("leads-filters");
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        filters.setWidthFull();
        toolbar.addComponentAtIndex(1, filtersToggle);
        showFilterCount();

        configureGrid();
        narrowing.setId("leads-narrowing");
        narrowing.addClassName("ponte-narrowing");
        narrowing.setAlignItems(FlexComponent.Alignment.CENTER);
        narrowing.setWrap(true);
        narrowing.setSpacing(false);
        narrowing.setVisible(false);
        count.setId("leads-count");
        count.addClassName("ponte-list-count");
        count.setVisible(false);
        var status = new HorizontalLayout(count, narrowing);
        status.setAlignItems(FlexComponent.Alignment.CENTER);
        status.setWidthFull();
        status.addClassName("ponte-list-status");
        add(new H2(getTranslation("leads.title")), toolbar, filters, status, grid);
        expand(grid);
    }

    private void configureFilters() {
        search.setId("leads-search");
        search.setPlaceholder(getTranslation("leads.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> filtersChanged());

        status.setId("leads-status");
        status.setLabel(getTranslation("leads.status"));
        status.setPlaceholder(getTranslation("leads.any"));
        status.setItems(LeadStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("status." + s.name()));
        status.setClearButtonVisible(true);
        status.addValueChangeListener(e -> filtersChanged());

        stage.setId("leads-stage");
        stage.setLabel(getTranslation("leads.stage"));
        stage.setPlaceholder(getTranslation("leads.any"));
        stage.setItems(BridgeStage.values());
        stage.setItemLabelGenerator(s -> getTranslation("stage." + s.name()));
        stage.setClearButtonVisible(true);
        stage.addValueChangeListener(e -> filtersChanged());

        channel.setId("leads-channel");
        channel.setLabel(getTranslation("leads.channel"));
        channel.setPlaceholder(getTranslation("leads.any"));
        channel.setItems(channelNames.keySet());
        channel.setItemLabelGenerator(code -> channelNames.getOrDefault(code, code));
        channel.setClearButtonVisible(true);
        channel.addValueChangeListener(e -> filtersChanged());

        owner.setId("leads-owner");
        owner.setLabel(getTranslation("leads.owner"));
        owner.setPlaceholder(getTranslation("leads.any"));
        owner.setItems(owners);
        owner.setItemLabelGenerator(UserSummary::fullName);
        owner.setClearButtonVisible(true);
        owner.addValueChangeListener(e -> filtersChanged());

        mine.setId("leads-mine");
        mine.setLabel(getTranslation("leads.only-mine"));
        mine.addValueChangeListener(e -> filtersChanged());

        createdFrom.setId("leads-created-from");
        createdFrom.setLabel(getTranslation("leads.created-from"));
        createdFrom.setClearButtonVisible(true);
        createdFrom.addValueChangeListener(e -> {
            createdTo.setMin(e.getValue());
            filtersChanged();
        });
        createdTo.setId("leads-created-to");
        createdTo.setLabel(getTranslation("leads.created-to"));
        createdTo.setClearButtonVisible(true);
        createdTo.addValueChangeListener(e -> {
            createdFrom.setMax(e.getValue());
            filtersChanged();
        });
    }

    private void configureGrid() {
        grid.setId("leads-grid");
        // Widths in rem, not auto: auto width leaves out the sort arrows and cut the headers ("Sta…").
        // Together they fit the grid of a 1400 px window beside the menu (about 68rem), with the narrower
        // cell padding of ponte.css, so that Italian headers and stages ("Responsabile", "Ultimo contatto",
        // "Consapevolezza") show whole; long text ends in
        // "…" and shows whole in a tooltip. The name stays in sight when the grid scrolls sideways (a phone).
        // Name and status are templates drawn in the browser, not components: a component per cell was
        // most of the server's work in opening the list (two per row, fifty rows per page).
        // the at-risk badge first: a long name is cut at the column's edge, the badge must stay in sight
        grid.addColumn(LitRenderer.<LeadSummary>of("${item.atRisk ? html`<span class=\"ponte-at-risk\""
                        + " theme=\"badge error small\" title=\"${item.riskTitle}\">${item.risk}</span> ` : ''}"
                        + "<span>${item.name}</span>")
                        .withProperty("name", LeadSummary::name).withProperty("atRisk", LeadSummary::atRisk)
                        .withProperty("risk", l -> l.atRisk() ? getTranslation("lead.at-risk") : "")
                        .withProperty("riskTitle", l -> l.atRisk() ? getTranslation("lead.at-risk-title") : ""))
                .setHeader(getTranslation("leads.name"))
                .setKey(LeadSort.NAME.name()).setSortable(true).setWidth("8.25rem").setFlexGrow(1).setFrozen(true)
                .setResizable(true).setTooltipGenerator(LeadSummary::name);
        grid.addColumn(l -> Objects.toString(l.company(), "")).setHeader(getTranslation("leads.company"))
                .setKey(LeadSort.COMPANY.name()).setSortable(true).setWidth("6.75rem").setFlexGrow(1).setResizable(true)
                .setTooltipGenerator(l -> Objects.toString(l.company(), ""));
        grid.addColumn(LitRenderer.<LeadSummary>of("<span theme=\"${item.theme}\">${item.status}</span>")
                        .withProperty("status", l -> getTranslation("status." + l.status().name()))
                        .withProperty("theme", LeadsView::statusTheme))
                .setHeader(getTranslation("leads.status"))
                .setKey(LeadSort.STATUS.name()).setSortable(true).setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(l -> l.stage() == null ? "" : getTranslation("stage." + l.stage().name()))
                .setHeader(getTranslation("leads.stage")).setKey("stage").setWidth("8.5rem").setFlexGrow(0)
                .setTooltipGenerator(l -> l.stage() == null ? "" : getTranslation("stage." + l.stage().name()));
        grid.addColumn(l -> channelNames.getOrDefault(l.channelCode(), l.channelCode()))
                .setHeader(getTranslation("leads.channel"))
                .setKey(LeadSort.CHANNEL.name()).setSortable(true).setWidth("7.5rem").setFlexGrow(0)
                .setTooltipGenerator(l -> channelNames.getOrDefault(l.channelCode(), l.channelCode()));
        grid.addColumn(LeadSummary::ownerFullName).setHeader(getTranslation("leads.owner"))
                .setKey(LeadSort.OWNER.name()).setSortable(true).setWidth("9.25rem").setFlexGrow(0).setResizable(true)
                .setTooltipGenerator(LeadSummary::ownerFullName);
        grid.addColumn(this::daysInStatus).setHeader(shortHeader("leads.col.days", "leads.days-in-status"))
                .setKey(LeadSort.DAYS_IN_STATUS.name()).setSortable(true).setWidth("5.5rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(l -> date(l.lastInteractionAt()))
                .setHeader(shortHeader("leads.col.last-interaction", "leads.last-interaction"))
                .setKey(LeadSort.LAST_INTERACTION.name()).setSortable(true).setWidth("9rem").setFlexGrow(0);
        grid.addColumn(l -> amount(l.expectedValue())).setHeader(shortHeader("leads.col.value", "leads.expected-value"))
                .setKey(LeadSort.EXPECTED_VALUE.name()).setSortable(true).setWidth("6.5rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        // no count callback: the list may be long, and counting it on every filter change costs a full scan
        grid.setItems(query -> {
            LeadSort sort = LeadSort.CREATED_AT;
            boolean ascending = false;
            if (!query.getSortOrders().isEmpty()) {
                QuerySortOrder order = query.getSortOrders().getFirst();
                sort = Arrays.stream(LeadSort.values()).filter(s -> s.name().equals(order.getSorted()))
                        .findFirst().orElse(LeadSort.CREATED_AT);
                ascending = order.getDirection() == SortDirection.ASCENDING;
            }
            return leads.find(filter, sort, ascending, query.getOffset(), query.getLimit(), getLocale()).stream();
        });
        grid.addItemClickListener(e -> getUI().ifPresent(
                ui -> ui.navigate(LeadLinks.LEADS_ROUTE + "/" + e.getItem().id().value())));
        rowMenu.setId("leads-row-menu");
        rowMenu.setTarget(grid);
        Map<LeadAction, com.vaadin.flow.component.grid.contextmenu.GridMenuItem<LeadSummary>> items = new LinkedHashMap<>();
        for (LeadAction action : actions) {
            var item = rowMenu.addItem(getTranslation(action.labelKey()),
                    e -> e.getItem().ifPresent(lead -> action.handler().run(lead.id(), this::refresh)));
            item.setId("row-action-" + action.id());
            items.put(action, item);
        }
        // a row offers only the actions that apply to its lead's status (e.g. a handoff only for an MQL)
        rowMenu.setDynamicContentHandler(lead -> {
            if (lead == null) {
                return false;
            }
            items.forEach((action, item) -> item.setVisible(action.offeredFor(lead.status())));
            return items.values().stream().anyMatch(item -> item.isVisible());
        });
        rowMenu.setVisible(!actions.isEmpty());
    }

    /** A short column header whose full wording shows on hover (Italian words are long). */
    private Span shortHeader(String shortKey, String fullKey) {
        var header = new Span(getTranslation(shortKey));
        header.setTitle(getTranslation(fullKey));
        return header;
    }

    private static String statusTheme(LeadSummary lead) {
        return switch (lead.status()) {
            case WON -> "badge success";
            case LOST -> "badge error";
            case OPPORTUNITY -> "badge primary";
            case NEW, MQL, SQL -> "badge";
        };
    }

    /** Whole days since the last status change, by the application clock. */
    private long daysInStatus(LeadSummary lead) {
        return Math.max(0, Duration.between(lead.statusChangedAt(), clock.instant()).toDays());
    }

    /** A local date in the business time zone (the clock's zone), in the user's language. */
    private String date(Instant instant) {
        if (instant == null) {
            return "";
        }
        return LocalDate.ofInstant(instant, clock.getZone())
                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()));
    }

    private String amount(BigDecimal value) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(getLocale());
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        LeadFilter requested = LeadLinks.fromParameters(event.getLocation().getQueryParameters());
        applyingParameters = true;
        try {
            search.setValue(Objects.toString(requested.text(), ""));
            status.setValue(requested.status());
            stage.setValue(requested.stage());
            // an unknown channel or owner in a link is ignored, as LeadLinks ignores malformed values
            channel.setValue(channelNames.containsKey(requested.channelCode()) ? requested.channelCode() : null);
            owner.setValue(owners.stream().filter(u -> u.id().equals(requested.owner())).findFirst().orElse(null));
            mine.setValue(requested.onlyMine());
            createdFrom.setValue(requested.createdFrom());
            createdTo.setValue(requested.createdTo());
            drill = LeadFilter.none().withReached(requested.reached()).withLostFrom(requested.lostFrom())
                    .withEntered(requested.entered(), requested.enteredFrom(), requested.enteredTo(),
                            requested.enteredBy())
                    .withEnteredFrom(requested.enteredFromStatus())
                    .withStalled(requested.stalledDays(), requested.asOf())
                    .withCreatedBy(requested.createdBy()).withBelow(requested.below());
        } finally {
            applyingParameters = false;
        }
        filter = filterFromFields();
        showFilterCount();
        showNarrowing();
        grid.getDataProvider().refreshAll();
        showCount();
    }

    /** How many filters besides the search text are in use: shown on the phone's "Filters" button. */
    int activeFilterCount() {
        return (int) Stream.of(status.getValue(), stage.getValue(), channel.getValue(), owner.getValue(),
                createdFrom.getValue(), createdTo.getValue()).filter(Objects::nonNull).count()
                + (Boolean.TRUE.equals(mine.getValue()) ? 1 : 0);
    }

    private void showFilterCount() {
        filtersToggle.showCount(activeFilterCount());
    }

    private void filtersChanged() {
        if (applyingParameters) {
            return;
        }
        filter = filterFromFields();
        showFilterCount();
        showNarrowing();
        refresh();
        getUI().ifPresent(ui -> ui.getPage().getHistory()
                .replaceState(null, new Location(LeadLinks.LEADS_ROUTE, LeadLinks.toParameters(filter))));
    }

    private LeadFilter filterFromFields() {
        String text = search.getValue() == null || search.getValue().isBlank() ? null : search.getValue().strip();
        return new LeadFilter(text, status.getValue(), stage.getValue(), channel.getValue(),
                owner.getValue() == null ? null : owner.getValue().id(), mine.getValue(), createdFrom.getValue(),
                createdTo.getValue(), drill.reached(), drill.lostFrom(), drill.entered(), drill.enteredFrom(),
                drill.enteredTo(), drill.enteredBy(), drill.stalledDays(), drill.asOf(), drill.createdBy(), drill.below(),
                drill.enteredFromStatus());
    }

    /** The drill-down's parts as chips, each with its own ✕; hidden when the link carried none. */
    private void showNarrowing() {
        narrowing.removeAll();
        if (drill.reached() != null) {
            narrowing.add(chip("reached", getTranslation("leads.narrowing.reached", statusName(drill.reached())),
                    () -> drill = drill.withReached(null)));
        }
        if (drill.lostFrom() != null) {
            narrowing.add(chip("lost-from", getTranslation("leads.narrowing.lost-from", statusName(drill.lostFrom())),
                    () -> drill = drill.withLostFrom(null)));
        }
        if (drill.below() != null) {
            narrowing.add(chip("below", getTranslation("leads.narrowing.below", statusName(drill.below())),
                    () -> drill = drill.withBelow(null)));
        }
        if (drill.createdBy() != null) {
            narrowing.add(chip("created-by", getTranslation("leads.narrowing.created-by",
                    personName(drill.createdBy())), () -> drill = drill.withCreatedBy(null)));
        }
        if (drill.entered() != null) {
            String period = localDate(drill.enteredFrom()) + " – " + localDate(drill.enteredTo());
            String text = drill.enteredBy() == null
                    ? getTranslation("leads.narrowing.entered", statusName(drill.entered()), period)
                    : getTranslation("leads.narrowing.entered-by", statusName(drill.entered()), period,
                            personName(drill.enteredBy()));
            if (drill.enteredFromStatus() != null) {
                text = getTranslation("leads.narrowing.entered-from-status", text, statusName(drill.enteredFromStatus()));
            }
            narrowing.add(chip("entered", text, () -> drill = drill.withEntered(null, null, null, null)));
        }
        if (drill.stalledDays() != null) {
            String text = drill.asOf() == null
                    ? getTranslation("leads.narrowing.stalled", drill.stalledDays())
                    : getTranslation("leads.narrowing.stalled-as-of", drill.stalledDays(), date(drill.asOf()));
            narrowing.add(chip("stalled", text, () -> drill = drill.withStalled(null, null)));
        }
        boolean any = narrowing.getComponentCount() > 0;
        if (any) {
            var label = new Span(getTranslation("leads.narrowing.showing"));
            label.addClassName("ponte-narrowing-label");
            narrowing.addComponentAsFirst(label);
        }
        narrowing.setVisible(any);
    }

    private Span chip(String id, String text, Runnable remove) {
        var clear = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
            remove.run();
            filtersChanged();
        });
        clear.setId("leads-narrowing-clear-" + id);
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        clear.setAriaLabel(getTranslation("leads.narrowing.remove", text));
        clear.setTooltipText(getTranslation("leads.narrowing.remove", text));
        var label = new Span(text);
        label.setId("leads-narrowing-" + id);
        var chip = new Span(label, clear);
        chip.addClassName("ponte-chip");
        chip.getElement().getThemeList().add("badge contrast pill");
        return chip;
    }

    private String statusName(LeadStatus s) {
        return getTranslation("status." + s.name());
    }

    private String personName(UserId id) {
        return owners.stream().filter(u -> u.id().equals(id)).map(UserSummary::fullName).findFirst()
                .or(() -> users.usernameOf(id)).orElse("#" + id.value());
    }

    private String localDate(LocalDate date) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()));
    }

    /**
     * "N leads" whenever a filter narrows the list, counted by the database (one count statement);
     * the whole list is not counted, as its count would cost a scan of every lead.
     */
    private void showCount() {
        counted = filter.narrows() ? leads.count(filter) : null;
        Long entries = counted == null ? null : leads.countEntries(filter);
        if (entries != null && entries != counted.longValue()) {
            // a lead moved twice in the period: the figure linking here counts moves (metrics.md), and so
            // does the count, with the leads beside it (the list shows each lead once)
            count.setText(getTranslation("leads.count-entries", entries, statusName(filter.entered()), counted));
            count.setTitle(getTranslation("leads.count-entries-title"));
            count.addClassName("ponte-list-count-entries");
            count.getElement().setAttribute("data-count", Long.toString(entries));
            count.getElement().setAttribute("data-leads", Long.toString(counted));
        } else if (counted != null) {
            count.setText(getTranslation("leads.count", counted));
            count.getElement().removeAttribute("title");
            count.removeClassName("ponte-list-count-entries");
            count.getElement().setAttribute("data-count", Long.toString(counted));
            count.getElement().removeAttribute("data-leads");
        }
        count.setVisible(counted != null);
    }

    /** The number the list shows above the grid, or null when it shows none (tests read it). */
    Long shownCount() {
        return counted;
    }

    /** The filter the list shows now (tests read it). */
    LeadFilter filter() {
        return filter;
    }

    private void openCreateDialog() {
        List<Channel> active = channels.stream().filter(Channel::active).toList();
        new LeadDialog(leads, active, currentUser.has(Role.MANAGER) ? owners : null, this::refresh).open();
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
        showCount();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + getTranslation("leads.title");
    }
}
