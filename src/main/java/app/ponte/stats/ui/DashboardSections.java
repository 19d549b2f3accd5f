package app.ponte.stats.ui;

import app.ponte.base.ui.Formats;
import app.ponte.base.ui.Frozen;
import app.ponte.base.ui.chart.Chart;
import app.ponte.base.ui.chart.ChartData;
import app.ponte.handoff.RejectReason;
import app.ponte.interaction.InteractionType;
import app.ponte.security.CurrentUser;
import app.ponte.security.Role;
import app.ponte.security.UserService;
import app.ponte.security.UserSummary;
import app.ponte.stats.ChannelEconomics;
import app.ponte.stats.ChannelFigures;
import app.ponte.stats.Funnel;
import app.ponte.stats.FunnelStep;
import app.ponte.stats.HandoffFigures;
import app.ponte.stats.MarketerFigures;
import app.ponte.stats.Marketers;
import app.ponte.stats.Period;
import app.ponte.stats.RepFigures;
import app.ponte.stats.RepeatPurchases;
import app.ponte.stats.Reps;
import app.ponte.stats.StageDuration;
import app.ponte.stats.StageDurations;
import app.ponte.stats.Stalled;
import app.ponte.stats.StalledLead;
import app.ponte.stats.StatsService;
import app.ponte.stats.TimeToCustomer;
import app.ponte.stats.Volume;
import app.ponte.stats.VolumeBucket;
import app.ponte.stats.VolumeBucketKind;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The dashboard's sections (decision 026): what each reads from {@link StatsService} and how it
 * shows it. Every figure carries the {@code data-metric} path of dashboards.md; every count of
 * leads or interactions links to the list of exactly those records ({@link DrillDown}).
 */
final class DashboardSections {

    /** The statuses of the funnel and of time in status, in order. */
    private static final List<String> FUNNEL_STATUSES = List.of("NEW", "MQL", "SQL", "OPPORTUNITY", "WON");
    private static final List<String> OPEN_STATUSES = List.of("NEW", "MQL", "SQL", "OPPORTUNITY");
    /** Up to this many days a volume is cut in weeks, beyond it in months (a quarter has at most 92). */
    static final int WEEKS_UP_TO_DAYS = 92;
    /** How many of the longest-stalled leads the section lists. */
    static final int STALLED_SHOWN = 20;

    private final Component view;
    private final StatsService stats;
    private final SectionLoader loader;
    private final UserService users;
    private final Locale locale;
    /** Read once: the service's own methods each run in a transaction, too dear for every table row. */
    private final java.time.ZoneId zone;
    private final Currency currency;
    private final Map<String, String> channelNames;
    private final Supplier<StatsFilter> filter;
    private final Supplier<Instant> asOf;
    private final boolean money;
    /** The interactions list is a manager's screen: only they get links to it. */
    private final boolean interactionLinks;

    private final StatsSection<Tiles> tiles;
    private final StatsSection<Funnel> funnel;
    private final StatsSection<Funnel> bridge;
    private final StatsSection<StageDurations> timeInStatus;
    private final StatsSection<Volume> volume;
    private final StatsSection<People<Reps>> reps;
    private final StatsSection<People<Marketers>> marketers;
    private final StatsSection<HandoffFigures> handoffs;
    private final StatsSection<ChannelEconomics> channels;
    private final StatsSection<RepeatPurchases> buyers;
    private final StatsSection<Stalled> stalled;
    /**
     * The figures several sections show, read once for all of them (decision 031): the funnel (funnel,
     * bridge, tiles), the handoffs and the stalled leads (their sections and the tiles). Set once the
     * sections exist (each names its sections); the sections' background loads read them later.
     */
    private SharedRead<Funnel> funnelRead;
    private SharedRead<HandoffFigures> handoffsRead;
    private SharedRead<Stalled> stalledRead;
    /** The channels table's sort: a column key and its direction. */
    private String channelSort = "channel";
    private boolean channelAscending = true;

    /** The tiles' figures: this period's and the previous one's (same length, just before). */
    record Tiles(Funnel funnel, Funnel previousFunnel, TimeToCustomer time, TimeToCustomer previousTime,
            HandoffFigures handoffs, HandoffFigures previousHandoffs, Stalled stalled, Stalled previousStalled) {
    }

    /** Per-person figures with the people's accounts (links need ids, the API names usernames). */
    record People<T>(T figures, Map<String, UserSummary> accounts) {
    }

    DashboardSections(Component view, StatsService stats, SectionLoader loader, UserService users,
            CurrentUser currentUser, Currency currency, Map<String, String> channelNames,
            Supplier<StatsFilter> filter, Supplier<Instant> asOf) {
        this.view = view;
        this.stats = stats;
        this.loader = loader;
        this.users = users;
        this.zone = stats.zone();
        this.locale = com.vaadin.flow.component.UI.getCurrent() == null ? Locale.ENGLISH
                : com.vaadin.flow.component.UI.getCurrent().getLocale();
        this.currency = currency;
        this.channelNames = channelNames;
        this.filter = filter;
        this.asOf = asOf;
        // the service leaves money out for the others; the page leaves out its columns
        this.money = stats.seesMoney();
        this.interactionLinks = currentUser.has(Role.MANAGER);

        tiles = section("tiles", "dashboard.tiles", this::readTiles, this::tiles);
        funnel = section("funnel", "dashboard.funnel", () -> funnelRead.get(), this::funnel);
        bridge = section("bridge", "dashboard.bridge", () -> funnelRead.get(), this::bridge);
        timeInStatus = section("time-in-status", "dashboard.time-in-status",
                () -> stats.stageDurations(period(), channel()), this::timeInStatus);
        volume = section("volume", "dashboard.volume", () -> stats.volume(period(), bucket(period())), this::volume);
        reps = section("reps", "dashboard.reps", () -> {
            Reps figures = stats.reps(period());
            return new People<>(figures, accounts(figures.reps().stream().map(RepFigures::username).toList()));
        }, this::reps);
        marketers = section("marketers", "dashboard.marketers", () -> {
            Marketers figures = stats.marketers(period());
            return new People<>(figures,
                    accounts(figures.marketers().stream().map(MarketerFigures::username).toList()));
        }, this::marketers);
        handoffs = section("handoffs", "dashboard.handoffs", () -> handoffsRead.get(), this::handoffs);
        channels = section("channels", "dashboard.channels", () -> stats.channels(period()), this::channels);
        buyers = section("buyers", "dashboard.buyers", () -> stats.repeatPurchases(period()), this::buyers);
        stalled = section("stalled", "dashboard.stalled", () -> stalledRead.get(), this::stalled);
        funnelRead = new SharedRead<>(() -> stats.funnel(period(), channel()), List.of(funnel, bridge), List.of(tiles));
        handoffsRead = new SharedRead<>(() -> stats.handoffs(period(), asOf.get()), List.of(handoffs),
                List.of(tiles));
        // the tiles repeat the stalled counts, not the list of leads
        stalledRead = new SharedRead<>(() -> stats.stalled(asOf.get(), DashboardView.STALLED_DAYS),
                List.of(stalled), List.of(tiles), s -> new Stalled(s.days(), s.byStatus(), List.of()));
    }

    private List<SharedRead<?>> sharedReads() {
        return List.of(funnelRead, handoffsRead, stalledRead);
    }

    /** Every section has shown its figures: the shared reads keep only what the repeating sections take. */
    void keepRepeatedOnly() {
        sharedReads().forEach(SharedRead::keepRepeatedOnly);
    }

    /** Before every section reloads (a new filter): every shared read is read again. */
    void forgetSharedReads() {
        sharedReads().forEach(SharedRead::invalidate);
    }

    /**
     * The sections to reload for these stale ones: a stale section's shared figures are read again,
     * once, and every section that shows or repeats them reloads with them, so the page never shows
     * one figure with two values. Sections that only repeat figures (the tiles) take them as read.
     */
    List<StatsSection<?>> withSharers(java.util.Collection<StatsSection<?>> stale) {
        var reload = new java.util.LinkedHashSet<StatsSection<?>>(stale);
        for (SharedRead<?> read : sharedReads()) {
            if (read.staleWith(stale)) {
                read.invalidate();
                reload.addAll(read.usedBy());
            }
        }
        return all().stream().filter(reload::contains).toList();
    }

    /**
     * The sections in the order their loads start: the slowest first (per-section times at a million
     * leads, docs/benchmarks.md), so that the loader's few threads are not taken by quick sections while
     * a slow one waits in the queue and the page fills when the slowest is done. {@link #all()} is the
     * page's order.
     */
    List<StatsSection<?>> loadOrder() {
        List<StatsSection<?>> slowest = List.of(tiles, reps, buyers, handoffs, marketers, channels);
        return java.util.stream.Stream.concat(slowest.stream(), all().stream().filter(s -> !slowest.contains(s)))
                .toList();
    }

    List<StatsSection<?>> all() {
        return List.of(tiles, funnel, bridge, timeInStatus, volume, reps, marketers, handoffs, buyers, channels,
                stalled);
    }

    /**
     * A change to a lead (created, moved, won, lost) moves every figure built from leads and their
     * history; the tiles' own figures too (time to customer, the previous period's).
     */
    List<StatsSection<?>> fedByLeads() {
        return List.of(tiles, funnel, bridge, timeInStatus, volume, reps, marketers, handoffs, channels, stalled);
    }

    /**
     * A handoff sent or decided moves the handoff figures, the reps' and the marketers' (the tiles
     * follow the handoffs' figures through {@link #withSharers}). A handoff that moves its lead also
     * sends the lead signal.
     */
    List<StatsSection<?>> fedByHandoffs() {
        return List.of(reps, marketers, handoffs);
    }

    /** An interaction logged, corrected or done moves the reps' interactions by type and average outcome. */
    List<StatsSection<?>> fedByInteractions() {
        return List.of(reps);
    }

    /** A lead's latest activity moved (a held interaction): who is stalled (and, through it, the tile). */
    List<StatsSection<?>> fedByLeadActivity() {
        return List.of(stalled);
    }

    /** A purchase recorded or deleted: the buyers, and the channels' revenue, LTV and LTV:CAC. */
    List<StatsSection<?>> fedByPurchases() {
        return List.of(buyers, channels);
    }

    /** A month's spend set: the channels' spend, CPL, CAC and LTV:CAC. */
    List<StatsSection<?>> fedBySpend() {
        return List.of(channels);
    }

    /** The sections whose figures depend on the page's "now" (overdue handoffs, stalled leads). */
    List<StatsSection<?>> asOfDependent() {
        return List.of(tiles, handoffs, stalled);
    }

    Div layout() {
        var layout = new Div();
        layout.addClassName("ponte-dashboard-sections");
        all().forEach(layout::add);
        tiles.addClassName("ponte-dashboard-wide");
        reps.addClassName("ponte-dashboard-wide");
        marketers.addClassName("ponte-dashboard-wide");
        channels.addClassName("ponte-dashboard-wide");
        stalled.addClassName("ponte-dashboard-wide");
        return layout;
    }

    private <T> StatsSection<T> section(String key, String title, Supplier<T> figures, Function<T, Component> show) {
        return new StatsSection<>(key, view.getTranslation(title), loader, figures, show);
    }

    private Period period() {
        return filter.get().period();
    }

    private String channel() {
        return filter.get().channel();
    }

    static VolumeBucketKind bucket(Period period) {
        long days = period.to().toEpochDay() - period.from().toEpochDay() + 1;
        return days <= WEEKS_UP_TO_DAYS ? VolumeBucketKind.WEEK : VolumeBucketKind.MONTH;
    }

    private Map<String, UserSummary> accounts(List<String> usernames) {
        Map<String, UserSummary> accounts = new HashMap<>();
        users.activeByUsernames(usernames).forEach(u -> accounts.put(u.username(), u));
        usernames.stream().filter(u -> !accounts.containsKey(u))
                .forEach(u -> users.findByUsername(u).ifPresent(found -> accounts.put(u, found)));
        return accounts;
    }

    // ---------------------------------------------------------------------------------- tiles

    private Tiles readTiles() {
        Period period = period();
        Period previous = PeriodPreset.previous(period);
        Instant now = asOf.get();
        long days = period.to().toEpochDay() - period.from().toEpochDay() + 1;
        Instant previousNow = now.minus(Duration.ofDays(days));
        // the previous period's figures and time to customer are the tiles' alone, read without what no
        // tile shows (each channel's median time, the previous stalled leads' list); they go first, while
        // the funnel's, handoffs' and stalled leads' own sections read this period's (SharedRead), so the
        // tiles wait for the longer of the two instead of their sum
        Funnel previousFunnel = stats.funnel(previous, channel());
        TimeToCustomer time = stats.timeToCustomerOverall(period);
        TimeToCustomer previousTime = stats.timeToCustomerOverall(previous);
        HandoffFigures previousHandoffs = stats.handoffs(previous, previousNow);
        Stalled previousStalled = stats.stalledCounts(previousNow, DashboardView.STALLED_DAYS);
        return new Tiles(funnelRead.get(), previousFunnel, time, previousTime, handoffsRead.get(), previousHandoffs,
                stalledRead.get(), previousStalled);
    }

    private Component tiles(Tiles t) {
        long stalledNow = total(t.stalled().byStatus());
        // stalled leads are a "now" figure: a period with nothing of its own is empty even when some are
        if (t.funnel().cohort() == 0 && t.handoffs().sent() == 0 && t.time().overall().count() == 0) {
            return empty("tiles", "dashboard.empty.leads");
        }
        StatsFilter f = filter.get();
        var box = new Element("div").addClass("ponte-tiles");
        box.appendChild(tile("leads", "dashboard.tile.leads", Figure.Kind.COUNT, "funnel.cohort", t.funnel().cohort(),
                t.previousFunnel().cohort(), DrillDown.cohort(f)));
        for (String status : List.of("MQL", "SQL", "WON")) {
            box.appendChild(tile(status.toLowerCase(Locale.ROOT), "dashboard.tile." + status, Figure.Kind.COUNT,
                    "funnel.steps." + status + ".reached", step(t.funnel(), status).reached(),
                    step(t.previousFunnel(), status).reached(), DrillDown.reached(f, status)));
        }
        box.appendChild(tile("lead-to-customer", "dashboard.tile.lead-to-customer", Figure.Kind.RATIO,
                "funnel.leadToCustomer", t.funnel().leadToCustomer(), t.previousFunnel().leadToCustomer(), null));
        box.appendChild(tile("time-to-customer", "dashboard.tile.time-to-customer", Figure.Kind.DAYS,
                "time-to-customer.overall.medianDays", t.time().overall().medianDays(),
                t.previousTime().overall().medianDays(), null));
        box.appendChild(tile("acceptance", "dashboard.tile.acceptance", Figure.Kind.RATIO, "handoffs.acceptanceRate",
                t.handoffs().acceptanceRate(), t.previousHandoffs().acceptanceRate(), null));
        box.appendChild(tile("overdue", "dashboard.tile.overdue", Figure.Kind.COUNT, "handoffs.overduePending",
                t.handoffs().overduePending(), t.previousHandoffs().overduePending(), null));
        // the API has no total of stalled leads, only byStatus: the tile shows their sum (no data-metric)
        box.appendChild(tile("stalled", "dashboard.tile.stalled", Figure.Kind.COUNT, null, stalledNow,
                total(t.previousStalled().byStatus()),
                DrillDown.stalled(DashboardView.STALLED_DAYS, asOf.get(), null)));
        return Frozen.of(box);
    }

    private Element tile(String id, String label, Figure.Kind kind, String metric, Object value, Object previous,
            String href) {
        var tile = new Element("div").attr("id", "tile-" + id).addClass("ponte-tile");
        tile.appendElement("span").addClass("ponte-tile-label").text(view.getTranslation(label));
        Element figure;
        if (metric != null) {
            figure = Figure.Html.of(metric, kind, value, locale, currency, href);
        } else {
            figure = Figure.Html.sumOf("stalled.byStatus", kind, value, locale, currency, href);
        }
        tile.appendChild(figure.addClass("ponte-tile-value"));
        // the previous figure is for comparison only: no data-metric, so it is never read as this period's
        var comparison = tile.appendElement("div");
        comparison.appendElement("span").attr("data-previous-value", Figure.json(previous))
                .addClass("ponte-tile-previous")
                .text(view.getTranslation("dashboard.tile.previous", Figure.text(kind, previous, locale, currency)));
        comparison.appendElement("span").addClass("ponte-tile-change").text(change(kind, value, previous));
        return tile;
    }

    /** The change from the previous period: relative for counts, in points for rates, in days for durations. */
    private String change(Figure.Kind kind, Object value, Object previous) {
        if (value == null || previous == null) {
            return "";
        }
        double now = ((Number) value).doubleValue();
        double before = ((Number) previous).doubleValue();
        return switch (kind) {
            case COUNT -> before == 0 ? "" : signed(Figure.text(Figure.Kind.RATIO, (now - before) / before, locale, null),
                    now - before);
            case RATIO -> view.getTranslation("dashboard.change.points",
                    signed(Figure.text(Figure.Kind.DECIMAL, (now - before) * 100, locale, null), now - before));
            default -> signed(Figure.text(kind, now - before, locale, currency), now - before);
        };
    }

    private static String signed(String text, double difference) {
        return difference > 0 && !text.startsWith("+") ? "+" + text : text;
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static FunnelStep step(Funnel funnel, String status) {
        return funnel.steps().stream().filter(s -> s.status().equals(status)).findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------------------------- funnel

    private Component funnel(Funnel f) {
        if (f.cohort() == 0) {
            return empty("funnel", "dashboard.empty.leads");
        }
        StatsFilter current = filter.get();
        var chart = new Chart(view.getTranslation("dashboard.funnel.chart"));
        chart.setId("dashboard-funnel-chart");
        chart.setData(new ChartData.Slices(ChartData.Slices.Kind.FUNNEL, f.steps().stream()
                .map(s -> new ChartData.Slice(status(s.status()), s.reached())).toList()));
        var table = new Table("dashboard-funnel-table", List.of(view.getTranslation("dashboard.col.status"),
                view.getTranslation("dashboard.col.reached"), view.getTranslation("dashboard.col.conversion"),
                view.getTranslation("dashboard.col.lost")));
        for (FunnelStep s : f.steps()) {
            String prefix = "funnel.steps." + s.status();
            String reachedLink = s.status().equals("NEW") ? DrillDown.cohort(current) : DrillDown.reached(current, s.status());
            Element lost = f.lost().containsKey(s.status())
                    ? Figure.Html.count("funnel.lost." + s.status(), f.lost().get(s.status()), locale,
                            DrillDown.lostFrom(current, s.status()))
                    : new Element("span");
            table.row(text(status(s.status())),
                    Figure.Html.count(prefix + ".reached", s.reached(), locale, reachedLink),
                    Figure.Html.ratio(prefix + ".conversion", s.conversion(), locale), lost);
        }
        var rate = new Element("p").appendText(view.getTranslation("dashboard.funnel.lead-to-customer") + " ")
                .appendChild(Figure.Html.ratio("funnel.leadToCustomer", f.leadToCustomer(), locale));
        return new Div(chart, table.scroller(), Frozen.of(rate));
    }

    // ---------------------------------------------------------------------------------- bridge

    /**
     * The three spans of the bridge (domain.md: NEW is awareness, MQL and SQL consideration, OPPORTUNITY
     * and WON acquisition): how many cohort leads reached each span, how many did not go on (fell off,
     * lost or still there), and of those how many are lost from each status.
     */
    private Component bridge(Funnel f) {
        if (f.cohort() == 0) {
            return empty("bridge", "dashboard.empty.leads");
        }
        StatsFilter current = filter.get();
        long awareness = f.cohort();
        long consideration = step(f, "MQL").reached();
        long acquisition = step(f, "OPPORTUNITY").reached();
        long won = step(f, "WON").reached();
        String a = view.getTranslation("stage.awareness");
        String c = view.getTranslation("stage.consideration");
        String q = view.getTranslation("stage.acquisition");
        String w = view.getTranslation("status.WON");
        String offA = view.getTranslation("dashboard.bridge.fell-off", a);
        String offC = view.getTranslation("dashboard.bridge.fell-off", c);
        String offQ = view.getTranslation("dashboard.bridge.fell-off", q);
        var chart = new Chart(view.getTranslation("dashboard.bridge.chart"));
        chart.setId("dashboard-bridge-chart");
        chart.setData(new ChartData.Flow(List.of(a, c, q, w, offA, offC, offQ), List.of(
                new ChartData.Link(a, c, consideration), new ChartData.Link(a, offA, awareness - consideration),
                new ChartData.Link(c, q, acquisition), new ChartData.Link(c, offC, consideration - acquisition),
                new ChartData.Link(q, w, won), new ChartData.Link(q, offQ, acquisition - won))));
        var table = new Table("dashboard-bridge-table", List.of(view.getTranslation("dashboard.col.span"),
                view.getTranslation("dashboard.col.reached"), view.getTranslation("dashboard.col.fell-off"),
                view.getTranslation("dashboard.col.lost")));
        table.row(text(a), Figure.Html.count("funnel.steps.NEW.reached", awareness, locale, DrillDown.cohort(current)),
                derived(awareness - consideration, DrillDown.wentNoFurther(current, null, "MQL")),
                lost(f, current, List.of("NEW")));
        table.row(text(c), Figure.Html.count("funnel.steps.MQL.reached", consideration, locale,
                DrillDown.reached(current, "MQL")),
                derived(consideration - acquisition, DrillDown.wentNoFurther(current, "MQL", "OPPORTUNITY")),
                lost(f, current, List.of("MQL", "SQL")));
        table.row(text(q), Figure.Html.count("funnel.steps.OPPORTUNITY.reached", acquisition, locale,
                DrillDown.reached(current, "OPPORTUNITY")),
                derived(acquisition - won, DrillDown.wentNoFurther(current, "OPPORTUNITY", "WON")),
                lost(f, current, List.of("OPPORTUNITY")));
        table.row(text(w), Figure.Html.count("funnel.steps.WON.reached", won, locale,
                DrillDown.reached(current, "WON")), new Element("span"), new Element("span"));
        return new Div(chart, table.scroller());
    }

    /** A difference of two figures: no API path of its own, so no data-metric; a link to its leads. */
    private Element derived(long value, String href) {
        return Figure.Html.unmarked(Figure.Kind.COUNT, value, locale, null, href).addClass("ponte-derived");
    }

    private Element lost(Funnel f, StatsFilter current, List<String> statuses) {
        var box = new Element("span").addClass("ponte-figure-list");
        for (String s : statuses) {
            pair(box, status(s), Figure.Html.count("funnel.lost." + s, f.lost().get(s), locale,
                    DrillDown.lostFrom(current, s)));
        }
        return box;
    }

    /** A name and its figure, in a list of such pairs. */
    private static void pair(Element list, String name, Element figure) {
        var pair = list.appendElement("span").addClass("ponte-figure-pair");
        pair.appendElement("span").text(name + " ");
        pair.appendChild(figure);
    }

    // ---------------------------------------------------------------------------------- time in status

    private Component timeInStatus(StageDurations d) {
        if (d.statuses().stream().allMatch(s -> s.count() == 0)) {
            return empty("time-in-status", "dashboard.empty.leads");
        }
        var chart = new Chart(view.getTranslation("dashboard.time-in-status.chart"));
        chart.setId("dashboard-time-chart");
        chart.setChartHeight("240px");
        chart.setData(new ChartData.Categories(ChartData.Categories.Kind.BAR,
                d.statuses().stream().map(s -> status(s.status())).toList(), List.of(
                        new ChartData.Series(view.getTranslation("dashboard.col.median-days"),
                                d.statuses().stream().map(StageDuration::medianDays).toList()),
                        new ChartData.Series(view.getTranslation("dashboard.col.mean-days"),
                                d.statuses().stream().map(StageDuration::meanDays).toList()))));
        var table = new Table("dashboard-time-table", List.of(view.getTranslation("dashboard.col.status"),
                view.getTranslation("dashboard.col.intervals"), view.getTranslation("dashboard.col.median-days"),
                view.getTranslation("dashboard.col.mean-days")));
        for (StageDuration s : d.statuses()) {
            String prefix = "stage-durations.statuses." + s.status();
            table.row(text(status(s.status())), Figure.Html.count(prefix + ".count", s.count(), locale, null),
                    Figure.Html.days(prefix + ".medianDays", s.medianDays(), locale),
                    Figure.Html.days(prefix + ".meanDays", s.meanDays(), locale));
        }
        return new Div(chart, table.scroller());
    }

    // ---------------------------------------------------------------------------------- volume

    private Component volume(Volume v) {
        if (v.series().stream().allMatch(b -> b.leads() == 0 && b.mqls() == 0 && b.won() == 0)) {
            return empty("volume", "dashboard.empty.leads");
        }
        Period period = period();
        var chart = new Chart(view.getTranslation("dashboard.volume.chart"));
        chart.setId("dashboard-volume-chart");
        List<String> starts = v.series().stream()
                .map(b -> Formats.date(b.start().atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                        java.time.ZoneOffset.UTC, locale))
                .toList();
        chart.setData(new ChartData.Categories(ChartData.Categories.Kind.LINE, starts, List.of(
                new ChartData.Series(view.getTranslation("dashboard.col.leads"),
                        v.series().stream().map(VolumeBucket::leads).toList()),
                new ChartData.Series(view.getTranslation("dashboard.col.mqls"),
                        v.series().stream().map(VolumeBucket::mqls).toList()),
                new ChartData.Series(view.getTranslation("dashboard.col.won"),
                        v.series().stream().map(VolumeBucket::won).toList()))));
        var table = new Table("dashboard-volume-table", List.of(view.getTranslation("dashboard.col.start"),
                view.getTranslation("dashboard.col.leads"), view.getTranslation("dashboard.col.mqls"),
                view.getTranslation("dashboard.col.won")));
        List<VolumeBucket> series = v.series();
        for (int i = 0; i < series.size(); i++) {
            VolumeBucket b = series.get(i);
            LocalDate end = i + 1 < series.size() ? series.get(i + 1).start().minusDays(1) : period.to();
            String prefix = "volume.series." + b.start();
            table.row(text(starts.get(i)),
                    Figure.Html.count(prefix + ".leads", b.leads(), locale,
                            DrillDown.cohort(new StatsFilter(new Period(b.start(), end), null))),
                    Figure.Html.count(prefix + ".mqls", b.mqls(), locale,
                            DrillDown.entered("MQL", b.start(), end, null, null)),
                    Figure.Html.count(prefix + ".won", b.won(), locale,
                            DrillDown.entered("WON", b.start(), end, null, null)));
        }
        var figures = new Details(view.getTranslation("dashboard.volume.figures." + v.bucket()), table.scroller());
        figures.addClassName("ponte-dashboard-figures");
        var box = new Div(chart, figures);
        box.setId("dashboard-volume");
        box.getElement().setAttribute("data-bucket", v.bucket());
        return box;
    }

    // ---------------------------------------------------------------------------------- reps

    private Component reps(People<Reps> people) {
        List<RepFigures> reps = people.figures().reps();
        if (reps.stream().allMatch(r -> r.interactions() == 0 && r.handoffsReceived() == 0 && r.won() == 0
                && r.lostFromOpportunity() == 0)) {
            return empty("reps", "dashboard.empty.activity");
        }
        Period period = period();
        var chart = new Chart(view.getTranslation("dashboard.reps.chart"));
        chart.setId("dashboard-reps-chart");
        chart.setChartHeight("260px");
        chart.setData(new ChartData.Categories(ChartData.Categories.Kind.BAR,
                reps.stream().map(r -> name(people.accounts(), r.username())).toList(), List.of(
                        new ChartData.Series(view.getTranslation("dashboard.col.handoffs-received"),
                                reps.stream().map(RepFigures::handoffsReceived).toList()),
                        new ChartData.Series(view.getTranslation("dashboard.col.accepted"),
                                reps.stream().map(RepFigures::accepted).toList()),
                        new ChartData.Series(view.getTranslation("dashboard.col.won"),
                                reps.stream().map(RepFigures::won).toList()))));
        List<String> headers = new ArrayList<>(List.of(view.getTranslation("dashboard.col.rep"),
                view.getTranslation("dashboard.col.interactions"), view.getTranslation("dashboard.col.by-type"),
                view.getTranslation("dashboard.col.avg-outcome"), view.getTranslation("dashboard.col.handoffs-received"),
                view.getTranslation("dashboard.col.accepted"), view.getTranslation("dashboard.col.rejected"),
                view.getTranslation("dashboard.col.pending"), view.getTranslation("dashboard.col.acceptance-rate"),
                view.getTranslation("dashboard.col.decision-hours"), view.getTranslation("dashboard.col.won")));
        if (money) {
            headers.add(view.getTranslation("dashboard.col.won-value"));
        }
        headers.addAll(List.of(view.getTranslation("dashboard.col.lost-from-opportunity"),
                view.getTranslation("dashboard.col.win-rate")));
        var table = new Table("dashboard-reps-table", headers);
        for (RepFigures r : reps) {
            String p = "reps." + r.username() + ".";
            Long userId = id(people.accounts(), r.username());
            List<Node> cells = new ArrayList<>(List.of(text(name(people.accounts(), r.username())),
                    Figure.Html.count(p + "interactions", r.interactions(), locale, interactions(userId, null, period)),
                    byType(p, r.interactionsByType(), userId, period),
                    Figure.Html.decimal(p + "avgOutcome", r.avgOutcome(), locale),
                    Figure.Html.count(p + "handoffsReceived", r.handoffsReceived(), locale, null),
                    Figure.Html.count(p + "accepted", r.accepted(), locale, null),
                    Figure.Html.count(p + "rejected", r.rejected(), locale, null),
                    Figure.Html.count(p + "pending", r.pending(), locale, null),
                    Figure.Html.ratio(p + "acceptanceRate", r.acceptanceRate(), locale),
                    Figure.Html.hours(p + "medianDecisionHours", r.medianDecisionHours(), locale),
                    Figure.Html.count(p + "won", r.won(), locale, userId == null ? null
                            : DrillDown.entered("WON", period.from(), period.to(), userId, null))));
            if (money) {
                cells.add(Figure.Html.money(p + "wonValue", r.wonValue(), locale, currency));
            }
            cells.add(Figure.Html.count(p + "lostFromOpportunity", r.lostFromOpportunity(), locale,
                    userId == null ? null : DrillDown.left("OPPORTUNITY", "LOST", period.from(), period.to(), userId)));
            cells.add(Figure.Html.ratio(p + "winRate", r.winRate(), locale));
            table.row(cells.toArray(Node[]::new));
        }
        return new Div(chart, table.scroller());
    }

    private Element byType(String prefix, Map<String, Long> byType, Long userId, Period period) {
        var box = new Element("span").addClass("ponte-figure-list");
        for (InteractionType type : InteractionType.values()) {
            Long count = byType.get(type.name());
            if (count != null) {
                pair(box, view.getTranslation("interaction.type." + type.name()),
                        Figure.Html.count(prefix + "interactionsByType." + type.name(), count, locale,
                                interactions(userId, type.name(), period)));
            }
        }
        return box;
    }

    private String interactions(Long userId, String type, Period period) {
        return interactionLinks && userId != null ? DrillDown.interactions(userId, type, period.from(), period.to())
                : null;
    }

    private static String name(Map<String, UserSummary> accounts, String username) {
        UserSummary account = accounts.get(username);
        return account == null || account.fullName() == null ? username : account.fullName();
    }

    private static Long id(Map<String, UserSummary> accounts, String username) {
        UserSummary account = accounts.get(username);
        return account == null ? null : account.id().value();
    }

    // ---------------------------------------------------------------------------------- marketers

    private Component marketers(People<Marketers> people) {
        List<MarketerFigures> marketers = people.figures().marketers();
        if (marketers.stream().allMatch(m -> m.leadsCreated() == 0 && m.mqls() == 0 && m.handoffsSent() == 0)) {
            return empty("marketers", "dashboard.empty.activity");
        }
        Period period = period();
        var table = new Table("dashboard-marketers-table", List.of(view.getTranslation("dashboard.col.marketer"),
                view.getTranslation("dashboard.col.leads-created"), view.getTranslation("dashboard.col.mqls"),
                view.getTranslation("dashboard.col.handoffs-sent"), view.getTranslation("dashboard.col.accepted"),
                view.getTranslation("dashboard.col.rejected"), view.getTranslation("dashboard.col.pending"),
                view.getTranslation("dashboard.col.acceptance-rate"), view.getTranslation("dashboard.col.handoffs-won")));
        for (MarketerFigures m : marketers) {
            String p = "marketers." + m.username() + ".";
            Long userId = id(people.accounts(), m.username());
            table.row(text(name(people.accounts(), m.username())),
                    Figure.Html.count(p + "leadsCreated", m.leadsCreated(), locale,
                            userId == null ? null : DrillDown.createdBy(period, userId)),
                    Figure.Html.count(p + "mqls", m.mqls(), locale, userId == null ? null
                            : DrillDown.entered("MQL", period.from(), period.to(), userId, null)),
                    Figure.Html.count(p + "handoffsSent", m.handoffsSent(), locale, null),
                    Figure.Html.count(p + "accepted", m.accepted(), locale, null),
                    Figure.Html.count(p + "rejected", m.rejected(), locale, null),
                    Figure.Html.count(p + "pending", m.pending(), locale, null),
                    Figure.Html.ratio(p + "acceptanceRate", m.acceptanceRate(), locale),
                    Figure.Html.count(p + "handoffsWon", m.handoffsWon(), locale, null));
        }
        return table.scroller();
    }

    // ---------------------------------------------------------------------------------- handoffs

    private Component handoffs(HandoffFigures h) {
        if (h.sent() == 0) {
            return empty("handoffs", "dashboard.empty.handoffs");
        }
        var figures = new Element("div").addClass("ponte-figure-grid");
        labelled(figures, "dashboard.col.handoffs-sent", Figure.Html.count("handoffs.sent", h.sent(), locale, null));
        labelled(figures, "dashboard.col.accepted", Figure.Html.count("handoffs.accepted", h.accepted(), locale, null));
        labelled(figures, "dashboard.col.rejected", Figure.Html.count("handoffs.rejected", h.rejected(), locale, null));
        labelled(figures, "dashboard.col.pending", Figure.Html.count("handoffs.pending", h.pending(), locale, null));
        labelled(figures, "dashboard.col.acceptance-rate",
                Figure.Html.ratio("handoffs.acceptanceRate", h.acceptanceRate(), locale));
        labelled(figures, "dashboard.col.decision-hours",
                Figure.Html.hours("handoffs.medianDecisionHours", h.medianDecisionHours(), locale));
        labelled(figures, "dashboard.handoffs.overdue",
                Figure.Html.count("handoffs.overduePending", h.overduePending(), locale, null));
        labelled(figures, "dashboard.handoffs.sla",
                Figure.Html.hours("handoffs.slaHours", (double) h.slaHours(), locale));
        var box = new Div(Frozen.of(figures));
        if (h.rejectionReasons().isEmpty()) {
            var none = new Paragraph(view.getTranslation("dashboard.handoffs.no-rejections"));
            none.addClassName("ponte-stats-empty-note");
            box.add(none);
            return box;
        }
        var chart = new Chart(view.getTranslation("dashboard.handoffs.chart"));
        chart.setId("dashboard-reasons-chart");
        chart.setChartHeight("240px");
        List<ChartData.Slice> slices = new ArrayList<>();
        var table = new Table("dashboard-reasons-table", List.of(view.getTranslation("dashboard.col.reason"),
                view.getTranslation("dashboard.col.handoffs")));
        for (RejectReason reason : RejectReason.values()) {
            Long count = h.rejectionReasons().get(reason.name());
            if (count != null) {
                String label = view.getTranslation("handoff.reason." + reason.name());
                slices.add(new ChartData.Slice(label, count));
                table.row(text(label),
                        Figure.Html.count("handoffs.rejectionReasons." + reason.name(), count, locale, null));
            }
        }
        chart.setData(new ChartData.Slices(ChartData.Slices.Kind.DOUGHNUT, slices));
        box.add(chart, table.scroller());
        return box;
    }

    /** A figure under its name, added to a grid of such figures. */
    private void labelled(Element grid, String label, Element figure) {
        var box = grid.appendElement("div").addClass("ponte-labelled-figure");
        box.appendElement("span").addClass("ponte-figure-label").text(view.getTranslation(label));
        box.appendChild(figure);
    }

    // ---------------------------------------------------------------------------------- channels

    /** The channels table's columns: key (the API's field), header, and how a figure reads. */
    private record Column(String key, String header, Figure.Kind kind, boolean money) {
    }

    private List<Column> channelColumns() {
        List<Column> columns = new ArrayList<>(List.of(
                new Column("channel", "dashboard.col.channel", null, false),
                new Column("leads", "dashboard.col.leads", Figure.Kind.COUNT, false),
                new Column("mqls", "dashboard.col.mqls", Figure.Kind.COUNT, false),
                new Column("customers", "dashboard.col.customers", Figure.Kind.COUNT, false),
                new Column("spend", "dashboard.col.spend", Figure.Kind.MONEY, true),
                new Column("cpl", "dashboard.col.cpl", Figure.Kind.MONEY, true),
                new Column("cac", "dashboard.col.cac", Figure.Kind.MONEY, true),
                new Column("revenue", "dashboard.col.revenue", Figure.Kind.MONEY, true),
                new Column("ltv", "dashboard.col.ltv", Figure.Kind.MONEY, true),
                new Column("ltvToCac", "dashboard.col.ltv-to-cac", Figure.Kind.DECIMAL, true)));
        // for MARKETING and SALES the money columns are absent, not empty
        columns.removeIf(c -> c.money() && !money);
        return columns;
    }

    private static Object value(ChannelFigures c, String key) {
        return switch (key) {
            case "leads" -> c.leads();
            case "mqls" -> c.mqls();
            case "customers" -> c.customers();
            case "spend" -> c.spend();
            case "cpl" -> c.cpl();
            case "cac" -> c.cac();
            case "revenue" -> c.revenue();
            case "ltv" -> c.ltv();
            case "ltvToCac" -> c.ltvToCac();
            default -> c.channel();
        };
    }

    private Component channels(ChannelEconomics economics) {
        List<ChannelFigures> rows = economics.channels();
        if (rows.stream().allMatch(c -> c.leads() == 0 && c.customers() == 0
                && (c.spend() == null || c.spend().signum() == 0))) {
            return empty("channels", "dashboard.empty.leads");
        }
        var holder = new Div();
        holder.setId("dashboard-channels");
        fillChannels(holder, rows);
        // the table is frozen HTML (no listener of its own): one listener here sorts by the header clicked
        holder.getElement().addEventListener("click", e -> {
            String key = e.getEventData().path(SORT_KEY).stringValue(null);
            channelColumns().stream().filter(c -> c.key().equals(key)).findFirst().ifPresent(column -> {
                channelAscending = column.key().equals(channelSort) ? !channelAscending : column.kind() == null;
                channelSort = column.key();
                fillChannels(holder, rows);
            });
        }).addEventData(SORT_KEY).setFilter(SORT_FILTER);
        return holder;
    }

    /** The channels table's header buttons: small, tertiary-inline (the variants' names, as Lumo reads them). */
    private static final String SORT_BUTTON_THEME = ButtonVariant.LUMO_SMALL.getVariantName() + " "
            + ButtonVariant.LUMO_TERTIARY_INLINE.getVariantName();

    /** The sort key of the header a click in the channels table landed on (null elsewhere). */
    static final String SORT_KEY = "event.target.closest('[data-sort]')?.getAttribute('data-sort') ?? null";
    /**
     * Only a click on a header reaches the server. In parentheses: {@code ??} binds looser than
     * {@code !=}, so without them the filter's value was the key itself, a string, and Flow's client
     * sends the event only when its filter is {@code true}: in a browser no click ever sorted.
     */
    static final String SORT_FILTER = "(" + SORT_KEY + ") != null";

    private void fillChannels(Div holder, List<ChannelFigures> rows) {
        holder.removeAll();
        List<Column> columns = channelColumns();
        Column sortBy = columns.stream().filter(c -> c.key().equals(channelSort)).findFirst().orElse(columns.getFirst());
        Comparator<ChannelFigures> order = sortBy.kind() == null
                ? Comparator.comparing(c -> channelNames.getOrDefault(c.channel(), c.channel()),
                        java.text.Collator.getInstance(locale))
                : Comparator.comparing(c -> number(value(c, sortBy.key())),
                        Comparator.nullsFirst(Comparator.<Double>naturalOrder()));
        if (!channelAscending) {
            order = order.reversed();
        }
        List<ChannelFigures> sorted = rows.stream().sorted(order.thenComparing(ChannelFigures::channel)).toList();

        var table = new Element("table").attr("id", "dashboard-channels-table").addClass("ponte-stats-table");
        var head = table.appendElement("thead").appendElement("tr");
        for (Column column : columns) {
            var cell = head.appendElement("th");
            String text = view.getTranslation(column.header());
            if (column == sortBy) {
                cell.attr("aria-sort", channelAscending ? "ascending" : "descending");
                text += channelAscending ? " ▲" : " ▼";
            }
            cell.attr("scope", "col");
            // a button's look without a button's server-side element: the click is the holder's (above)
            cell.appendElement("vaadin-button").attr("theme", SORT_BUTTON_THEME)
                    .attr("id", "channels-sort-" + column.key()).attr("data-sort", column.key()).text(text);
        }
        Period period = period();
        Element body = sorted.isEmpty() ? null : table.appendElement("tbody");
        for (ChannelFigures c : sorted) {
            var row = body.appendElement("tr");
            String p = "channels." + c.channel() + ".";
            StatsFilter ofChannel = new StatsFilter(period, c.channel());
            for (Column column : columns) {
                Node content = switch (column.key()) {
                    case "channel" -> text(channelNames.getOrDefault(c.channel(), c.channel()));
                    case "leads" -> Figure.Html.count(p + "leads", c.leads(), locale, DrillDown.cohort(ofChannel));
                    case "mqls" -> Figure.Html.count(p + "mqls", c.mqls(), locale,
                            DrillDown.reached(ofChannel, "MQL"));
                    case "customers" -> Figure.Html.count(p + "customers", c.customers(), locale,
                            DrillDown.entered("WON", period.from(), period.to(), null, c.channel()));
                    default -> Figure.Html.of(p + column.key(), column.kind(), value(c, column.key()), locale,
                            currency, null);
                };
                if (column.kind() == null) {
                    row.appendElement("th").attr("scope", "row").appendChild(content);
                } else {
                    row.appendElement("td").appendChild(content);
                }
            }
        }
        var scroller = new Div(Frozen.of(table));
        scroller.addClassName("ponte-table-scroller");
        holder.add(scroller);
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    // ---------------------------------------------------------------------------------- buyers

    private Component buyers(RepeatPurchases r) {
        if (r.buyers() == 0) {
            return empty("buyers", "dashboard.empty.buyers");
        }
        var figures = new Element("div").addClass("ponte-figure-grid");
        labelled(figures, "dashboard.col.buyers",
                Figure.Html.count("repeat-purchases.buyers", r.buyers(), locale, null));
        labelled(figures, "dashboard.col.one-time",
                Figure.Html.count("repeat-purchases.oneTime", r.oneTime(), locale, null));
        labelled(figures, "dashboard.col.repeat",
                Figure.Html.count("repeat-purchases.repeat", r.repeat(), locale, null));
        if (money) {
            labelled(figures, "dashboard.col.revenue",
                    Figure.Html.money("repeat-purchases.revenue", r.revenue(), locale, currency));
        }
        labelled(figures, "dashboard.col.repeat-share",
                Figure.Html.ratio("repeat-purchases.repeatRevenueShare", r.repeatRevenueShare(), locale));
        List<String> keys = List.of("1", "2", "3", "4", "5+");
        var chart = new Chart(view.getTranslation("dashboard.buyers.chart"));
        chart.setId("dashboard-buyers-chart");
        chart.setChartHeight("220px");
        chart.setData(new ChartData.Categories(ChartData.Categories.Kind.BAR, keys, List.of(
                new ChartData.Series(view.getTranslation("dashboard.col.buyers"),
                        keys.stream().map(k -> r.histogram().getOrDefault(k, 0L)).toList()))));
        var table = new Table("dashboard-buyers-table", List.of(view.getTranslation("dashboard.col.purchases"),
                view.getTranslation("dashboard.col.buyers")));
        keys.forEach(k -> table.row(text(k), Figure.Html.count("repeat-purchases.histogram." + k,
                r.histogram().getOrDefault(k, 0L), locale, null)));
        return new Div(Frozen.of(figures), chart, table.scroller());
    }

    // ---------------------------------------------------------------------------------- stalled

    private Component stalled(Stalled s) {
        if (s.leads().isEmpty()) {
            return empty("stalled", "dashboard.empty.stalled");
        }
        Instant now = asOf.get();
        var counts = new Element("div").addClass("ponte-figure-grid");
        for (String status : OPEN_STATUSES) {
            labelled(counts, "status." + status, Figure.Html.count("stalled.byStatus." + status,
                    s.byStatus().getOrDefault(status, 0L), locale, DrillDown.stalled(s.days(), now, status)));
        }
        var table = new Table("dashboard-stalled-table", List.of(view.getTranslation("dashboard.col.lead"),
                view.getTranslation("dashboard.col.status"), view.getTranslation("dashboard.col.owner"),
                view.getTranslation("dashboard.col.last-activity")));
        for (StalledLead lead : s.leads().stream().limit(STALLED_SHOWN).toList()) {
            var when = Figure.Html.mark(new Element("span"), "stalled.leads." + lead.id() + ".lastActivityAt",
                    lead.lastActivityAt()).text(Formats.date(lead.lastActivityAt(), zone, locale));
            table.row(new Element("a").attr("href", "leads/" + lead.id()).text(lead.name()),
                    text(status(lead.status())), text(Objects.requireNonNullElse(lead.owner(), "–")), when);
        }
        var more = new Paragraph(view.getTranslation("dashboard.stalled.shown",
                Math.min(STALLED_SHOWN, s.leads().size()), s.days()));
        more.addClassName("ponte-stats-empty-note");
        return new Div(Frozen.of(counts), table.scroller(), more);
    }

    // ---------------------------------------------------------------------------------- shared

    private String status(String status) {
        return view.getTranslation("status." + status);
    }

    private Component empty(String key, String message) {
        var empty = new Paragraph(view.getTranslation(message));
        empty.setId("section-" + key + "-empty");
        empty.addClassName("ponte-stats-empty");
        return empty;
    }

    /** Plain text in frozen HTML (jsoup escapes it). */
    private static TextNode text(String text) {
        return new TextNode(text);
    }

    /**
     * A plain table of figures (a native table: every figure is an element in the page, for tests and copy),
     * written as HTML and sent {@link Frozen}.
     */
    private static final class Table {

        private final Element table;
        /** Made with the first row, as NativeTable did: a table without rows has no tbody. */
        private Element body;

        Table(String id, List<String> headers) {
            table = new Element("table").attr("id", id).addClass("ponte-stats-table");
            var head = table.appendElement("thead").appendElement("tr");
            headers.forEach(h -> head.appendElement("th").attr("scope", "col").text(h));
        }

        void row(Node... cells) {
            if (body == null) {
                body = table.appendElement("tbody");
            }
            var row = body.appendElement("tr");
            row.appendElement("th").attr("scope", "row").appendChild(cells[0]);
            for (int i = 1; i < cells.length; i++) {
                row.appendElement("td").appendChild(cells[i]);
            }
        }

        /** The table in a box that scrolls sideways by itself on a narrow screen (the page never does). */
        Div scroller() {
            var scroller = new Div(Frozen.of(table));
            scroller.addClassName("ponte-table-scroller");
            return scroller;
        }
    }
}
