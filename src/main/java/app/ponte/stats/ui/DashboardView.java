package app.ponte.stats.ui;

import app.ponte.base.PonteProperties;
import app.ponte.base.ui.MainLayout;
import app.ponte.handoff.HandoffService;
import app.ponte.interaction.InteractionService;
import app.ponte.lead.Channel;
import app.ponte.lead.ChannelService;
import app.ponte.lead.LeadService;
import app.ponte.live.LiveUpdates;
import app.ponte.live.Topic;
import app.ponte.purchase.PurchaseService;
import app.ponte.security.AppRoles;
import app.ponte.security.CurrentUser;
import app.ponte.security.UserService;
import app.ponte.stats.StatsService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The team dashboard (dashboards.md, decision 026): the period and channel in the URL, then one
 * section per question, each loading in the background from {@link StatsService} as the signed-in
 * user (who sees money only as MANAGER or ADMIN: the service leaves it out, the page leaves out its
 * columns). Live: a change to leads, their activity, handoffs, interactions, purchases or spend reloads
 * only the sections that topic feeds (and those repeating their figures), at most once per
 * {@link #REFRESH_WINDOW} per tab.
 */
@Route(value = DashboardView.ROUTE, layout = MainLayout.class)
@Menu(order = 2, title = "nav.dashboard", icon = "vaadin:dashboard")
@RolesAllowed({AppRoles.MANAGER, AppRoles.ADMIN, AppRoles.MARKETING, AppRoles.SALES})
class DashboardView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "dashboard";
    /** "Now" figures look this many days back for stalled leads (metrics.md's default). */
    static final int STALLED_DAYS = 14;
    /** The shortest time between two live refreshes of one tab (issue 22). */
    static final Duration REFRESH_WINDOW = Duration.ofSeconds(5);

    private final Clock clock;
    private final PeriodBar bar;
    private final StatsPage page = new StatsPage();
    private final DashboardSections sections;
    private final Set<String> knownChannels;
    /** Sections each live topic feeds. */
    private final Map<Topic, List<StatsSection<?>>> fedBy = new LinkedHashMap<>();
    /** Sections a live signal made stale, waiting for the next refresh. */
    private final Set<StatsSection<?>> stale = new LinkedHashSet<>();
    private long lastRefreshNanos = System.nanoTime();
    private boolean refreshScheduled;
    /** Read by the sections' background loads, hence volatile. */
    private volatile StatsFilter filter;
    /** The "now" of the figures on screen (the root's data-as-of); read by the background loads. */
    private volatile Instant asOf;

    DashboardView(StatsService stats, SectionLoader loader, ChannelService channels, UserService users,
            CurrentUser currentUser, PonteProperties properties, Clock clock, LiveUpdates live) {
        this.clock = clock;
        setId("dashboard-view");
        addClassName("ponte-dashboard");

        Map<String, String> channelNames = new LinkedHashMap<>();
        channels.list(true).stream().sorted(Channel.byName(getLocale()))
                .forEach(c -> channelNames.put(c.code(), c.name(getLocale())));
        knownChannels = channelNames.keySet();
        bar = new PeriodBar(today(), channelNames);
        bar.addFilterChangeListener(this::filterChanged);

        var title = new H2(getTranslation("dashboard.title"));
        var note = new Paragraph(getTranslation("dashboard.channel-note"));
        note.setId("dashboard-channel-note");
        note.addClassName("ponte-dashboard-note");

        sections = new DashboardSections(this, stats, loader, users, currentUser, properties.currency(),
                channelNames, () -> filter, () -> asOf);
        page.setId("dashboard");
        sections.loadOrder().forEach(page::track);
        page.onReady(sections::keepRepeatedOnly);
        page.add(title, bar, note);
        page.add(sections.layout());
        add(page);

        fedBy.put(LeadService.TOPIC, sections.fedByLeads());
        fedBy.put(HandoffService.TOPIC, sections.fedByHandoffs());
        fedBy.put(InteractionService.TOPIC, sections.fedByInteractions());
        fedBy.put(LeadService.ACTIVITY_TOPIC, sections.fedByLeadActivity());
        fedBy.put(PurchaseService.PURCHASE_TOPIC, sections.fedByPurchases());
        fedBy.put(PurchaseService.SPEND_TOPIC, sections.fedBySpend());
        fedBy.forEach((topic, fed) -> live.subscribe(this, topic, null, ids -> changed(fed)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dashboard.title");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        StatsFilter wanted = StatsFilter.fromQuery(event.getLocation().getQueryParameters(), today(), knownChannels);
        bar.setFilter(wanted);
        show(wanted);
    }

    StatsFilter filter() {
        return filter;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The "now" of the overdue and stalled figures: always now, whatever the period. They describe
     * the state of things (a handoff pending now, a lead idle now), and the API counts a lead's latest
     * activity whenever it happened, so an "as of" in the past would not show the past either.
     */
    private Instant currentAsOf() {
        return clock.instant();
    }

    private void filterChanged(StatsFilter newFilter) {
        show(newFilter);
        // replaceState: a filter change is the same view, and Back should leave the dashboard
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location(ROUTE, newFilter.toQuery())));
    }

    private void show(StatsFilter newFilter) {
        filter = newFilter;
        page.setFilter(newFilter);
        asOf = currentAsOf();
        page.setAsOf(asOf, STALLED_DAYS);
        stale.clear();
        lastRefreshNanos = System.nanoTime();
        sections.forgetSharedReads();
        page.reloadAll();
    }

    /** A live signal (in the UI): refresh the sections it feeds now, or once the window since the last refresh ends. */
    private void changed(List<StatsSection<?>> fed) {
        if (filter == null) {
            return;
        }
        stale.addAll(fed);
        if (refreshScheduled) {
            return;
        }
        long wait = lastRefreshNanos + REFRESH_WINDOW.toNanos() - System.nanoTime();
        if (wait <= 0) {
            refreshStale();
            return;
        }
        refreshScheduled = true;
        UI ui = UI.getCurrent();
        CompletableFuture.runAsync(() -> {
            try {
                ui.access(this::refreshStale);
            } catch (com.vaadin.flow.component.UIDetachedException e) {
                // the tab has gone: nothing to refresh
            }
        }, CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS));
    }

    private void refreshStale() {
        refreshScheduled = false;
        if (stale.isEmpty()) {
            return;
        }
        lastRefreshNanos = System.nanoTime();
        Instant newAsOf = currentAsOf();
        if (!newAsOf.equals(asOf)) {
            // the root names one "now" for every figure: the sections that use it read again with it
            stale.addAll(sections.asOfDependent());
        }
        asOf = newAsOf;
        page.setAsOf(asOf, STALLED_DAYS);
        page.reload(sections.withSharers(stale));
        stale.clear();
    }
}
