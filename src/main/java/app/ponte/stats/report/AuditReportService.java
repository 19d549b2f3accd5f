package app.ponte.stats.report;

import app.ponte.base.ui.chart.ChartData;
import app.ponte.lead.Channel;
import app.ponte.lead.ChannelService;
import app.ponte.security.AppRoles;
import app.ponte.security.UserId;
import app.ponte.security.UserService;
import app.ponte.security.UserSummary;
import app.ponte.stats.ChannelDuration;
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
import app.ponte.stats.StatsService;
import app.ponte.stats.TimeToCustomer;
import app.ponte.stats.Volume;
import app.ponte.stats.VolumeBucket;
import app.ponte.stats.VolumeBucketKind;
import app.ponte.stats.ui.DrillDown;
import app.ponte.stats.ui.Figure.Kind;
import app.ponte.stats.ui.StatsFilter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Builds the audit report's sections from the statistics service only (dashboards.md): the figures
 * with their API paths, a chart, the tables and the sentence of each. The page loads the sections one
 * by one; the PDF takes them all. MANAGER and ADMIN only: the report shows money.
 */
@Service
@PreAuthorize(AppRoles.HAS_MANAGER_OR_ADMIN)
public class AuditReportService {

    /** The sections in the order of dashboards.md; 6 (campaigns) and 10 (data health) wait for their features. */
    public static final List<String> SECTIONS = List.of("volume", "funnel", "breaks", "time", "channels", "capacity",
            "members", "repeat");

    private static final List<String> STEPS = List.of("NEW", "MQL", "SQL", "OPPORTUNITY", "WON");
    private static final List<String> LOST = List.of("NEW", "MQL", "SQL", "OPPORTUNITY");

    private final StatsService stats;
    private final ChannelService channels;
    private final UserService users;
    private final MessageSource messages;

    AuditReportService(StatsService stats, ChannelService channels, UserService users, MessageSource messages) {
        this.stats = stats;
        this.channels = channels;
        this.users = users;
        this.messages = messages;
    }

    /** The whole report (the PDF). */
    public AuditReport report(StatsFilter filter, Instant asOf, Locale locale) {
        ReportTexts t = new ReportTexts(messages, locale);
        List<ReportSection> sections = SECTIONS.stream().map(key -> section(key, filter, asOf, locale)).toList();
        String subtitle = t.get("audit.subtitle", t.date(filter.period().from()), t.date(filter.period().to()));
        if (filter.channel() != null) {
            subtitle = subtitle + " · " + channelNames(locale).apply(filter.channel());
        }
        return new AuditReport(filter, asOf, locale, t.get("audit.title"), subtitle, sections);
    }

    /** One section by its key (one of {@link #SECTIONS}). */
    public ReportSection section(String key, StatsFilter filter, Instant asOf, Locale locale) {
        ReportTexts t = new ReportTexts(messages, locale);
        return switch (key) {
            case "volume" -> volume(filter, t);
            case "funnel" -> funnel(filter, t);
            case "breaks" -> breaks(filter, t);
            case "time" -> time(filter, t);
            case "channels" -> channels(filter, t);
            case "capacity" -> capacity(filter, asOf, t);
            case "members" -> members(filter, t);
            case "repeat" -> repeat(filter, t);
            default -> throw new IllegalArgumentException("no audit section " + key);
        };
    }

    /** Every channel's code, in the order of their names in this language (the page's channel filter). */
    public List<String> channelCodes(Locale locale) {
        return channels.list(true).stream().sorted(Channel.byName(locale)).map(Channel::code).toList();
    }

    /** Channel code → name in this language (unknown codes as they are). */
    public Function<String, String> channelNames(Locale locale) {
        Map<String, String> names = channels.list(true).stream()
                .collect(Collectors.toMap(Channel::code, c -> c.name(locale)));
        return code -> names.getOrDefault(code, code);
    }

    private String title(String key, ReportTexts t) {
        return t.get("audit.section." + key);
    }

    private ReportSection volume(StatsFilter filter, ReportTexts t) {
        Period period = filter.period();
        Volume volume = stats.volume(period, VolumeBucketKind.MONTH);
        String sentence = AuditSentences.volume(volume, period, t);
        if (volume.series().stream().allMatch(b -> b.leads() == 0)) {
            return ReportSection.empty("volume", title("volume", t), sentence);
        }
        List<List<ReportCell>> rows = new ArrayList<>();
        List<String> months = new ArrayList<>();
        for (int i = 0; i < volume.series().size(); i++) {
            VolumeBucket b = volume.series().get(i);
            LocalDate end = i + 1 < volume.series().size() ? volume.series().get(i + 1).start().minusDays(1) : period.to();
            String path = "volume.series." + b.start() + ".";
            String month = t.month(b.start());
            months.add(month);
            rows.add(List.of(ReportCell.text(month, b.start()),
                    ReportCell.count(path + "leads", b.leads(), DrillDown.cohort(new StatsFilter(new Period(b.start(), end), null))),
                    ReportCell.count(path + "mqls", b.mqls(), DrillDown.entered("MQL", b.start(), end, null, null)),
                    ReportCell.count(path + "won", b.won(), DrillDown.entered("WON", b.start(), end, null, null))));
        }
        var chart = new ChartData.Categories(ChartData.Categories.Kind.BAR, months, List.of(
                new ChartData.Series(t.get("audit.col.leads"), volume.series().stream().map(VolumeBucket::leads).toList()),
                new ChartData.Series(t.get("audit.col.mqls"), volume.series().stream().map(VolumeBucket::mqls).toList()),
                new ChartData.Series(t.get("audit.col.won"), volume.series().stream().map(VolumeBucket::won).toList())));
        var table = new ReportTable("volume", t.get("audit.table.volume"),
                List.of(t.get("audit.col.month"), t.get("audit.col.leads"), t.get("audit.col.mqls"), t.get("audit.col.won")),
                List.of("start", "leads", "mqls", "won"), rows);
        return new ReportSection("volume", title("volume", t), sentence, false, List.of(), chart,
                t.get("audit.chart.volume"), List.of(table), null, "month");
    }

    private ReportSection funnel(StatsFilter filter, ReportTexts t) {
        Funnel funnel = stats.funnel(filter.period(), filter.channel());
        String sentence = AuditSentences.funnel(funnel, t);
        if (funnel.cohort() == 0) {
            return ReportSection.empty("funnel", title("funnel", t), sentence);
        }
        List<ReportCell> figures = List.of(
                ReportCell.count("funnel.cohort", funnel.cohort(), DrillDown.cohort(filter)).labelled(t.get("audit.fig.cohort")),
                ReportCell.figure("funnel.leadToCustomer", Kind.RATIO, funnel.leadToCustomer())
                        .labelled(t.get("audit.fig.lead-to-customer")));
        List<List<ReportCell>> rows = funnel.steps().stream().map(s -> List.of(ReportCell.text(t.status(s.status()), s.status()),
                ReportCell.count("funnel.steps." + s.status() + ".reached", s.reached(), DrillDown.reached(filter, s.status())),
                ReportCell.figure("funnel.steps." + s.status() + ".conversion", Kind.RATIO, s.conversion()))).toList();
        var chart = new ChartData.Slices(ChartData.Slices.Kind.FUNNEL, funnel.steps().stream()
                .map(s -> new ChartData.Slice(t.status(s.status()), s.reached())).toList());
        var table = new ReportTable("funnel", t.get("audit.table.funnel"),
                List.of(t.get("audit.col.status"), t.get("audit.col.reached"), t.get("audit.col.conversion")),
                List.of("status", "reached", "conversion"), rows);
        return new ReportSection("funnel", title("funnel", t), sentence, false, figures, chart,
                t.get("audit.chart.funnel"), List.of(table), null, null);
    }

    private ReportSection breaks(StatsFilter filter, ReportTexts t) {
        Funnel funnel = stats.funnel(filter.period(), filter.channel());
        String sentence = AuditSentences.breaks(funnel, t);
        if (funnel.cohort() == 0) {
            return ReportSection.empty("breaks", title("breaks", t), sentence);
        }
        List<List<ReportCell>> rows = new ArrayList<>();
        List<String> spans = new ArrayList<>();
        List<Long> gone = new ArrayList<>();
        List<Long> lost = new ArrayList<>();
        for (int i = 0; i + 1 < funnel.steps().size(); i++) {
            FunnelStep from = funnel.steps().get(i);
            FunnelStep to = funnel.steps().get(i + 1);
            String span = t.status(from.status()) + " → " + t.status(to.status());
            long lostFrom = funnel.lost().getOrDefault(from.status(), 0L);
            spans.add(span);
            gone.add(from.reached() - to.reached());
            lost.add(lostFrom);
            Double share = from.reached() == 0 ? null : (double) (from.reached() - to.reached()) / from.reached();
            rows.add(List.of(ReportCell.text(span, from.status() + "-" + to.status()), new ReportCell(null, null, Kind.COUNT, from.reached() - to.reached(),
                            DrillDown.wentNoFurther(filter, from.status(), to.status())),
                    ReportCell.figure(null, Kind.RATIO, share),
                    ReportCell.count("funnel.lost." + from.status(), lostFrom, DrillDown.lostFrom(filter, from.status()))));
        }
        var chart = new ChartData.Categories(ChartData.Categories.Kind.BAR, spans, List.of(
                new ChartData.Series(t.get("audit.col.no-further"), gone),
                new ChartData.Series(t.get("audit.col.lost"), lost)));
        var table = new ReportTable("breaks", t.get("audit.table.breaks"),
                List.of(t.get("audit.col.span"), t.get("audit.col.no-further"), t.get("audit.col.no-further-share"),
                        t.get("audit.col.lost")),
                List.of("span", "went_no_further", "went_no_further_share", "lost"), rows);
        return new ReportSection("breaks", title("breaks", t), sentence, false, List.of(), chart,
                t.get("audit.chart.breaks"), List.of(table), null, null);
    }

    private ReportSection time(StatsFilter filter, ReportTexts t) {
        TimeToCustomer time = stats.timeToCustomer(filter.period());
        Function<String, String> names = channelNames(t.locale());
        String sentence = AuditSentences.timeToCustomer(time, names, t);
        if (time.overall().count() == 0) {
            return ReportSection.empty("time", title("time", t), sentence);
        }
        StatsFilter all = filter.withChannel(null);
        List<ReportCell> figures = List.of(
                ReportCell.count("time-to-customer.overall.count", time.overall().count(), DrillDown.reached(all, "WON"))
                        .labelled(t.get("audit.fig.customers")),
                ReportCell.figure("time-to-customer.overall.medianDays", Kind.DAYS, time.overall().medianDays())
                        .labelled(t.get("audit.fig.median-days")),
                ReportCell.figure("time-to-customer.overall.meanDays", Kind.DAYS, time.overall().meanDays())
                        .labelled(t.get("audit.fig.mean-days")));
        List<List<ReportCell>> rows = new ArrayList<>();
        for (ChannelDuration c : time.channels()) {
            String path = "time-to-customer.channels." + c.channel() + ".";
            rows.add(List.of(ReportCell.text(names.apply(c.channel()), c.channel()),
                    ReportCell.count(path + "count", c.count(), DrillDown.reached(all.withChannel(c.channel()), "WON")),
                    ReportCell.figure(path + "medianDays", Kind.DAYS, c.medianDays()),
                    ReportCell.figure(path + "meanDays", Kind.DAYS, c.meanDays())));
        }
        var chart = new ChartData.Categories(ChartData.Categories.Kind.BAR,
                time.channels().stream().map(c -> names.apply(c.channel())).toList(), List.of(
                        new ChartData.Series(t.get("audit.col.median-days"),
                                time.channels().stream().map(ChannelDuration::medianDays).toList())));
        var table = new ReportTable("time", t.get("audit.table.time"),
                List.of(t.get("audit.col.channel"), t.get("audit.col.customers"), t.get("audit.col.median-days"),
                        t.get("audit.col.mean-days")),
                List.of("channel", "count", "median_days", "mean_days"), rows);
        return new ReportSection("time", title("time", t), sentence, false, figures, chart,
                t.get("audit.chart.time"), List.of(table), null, null);
    }

    private ReportSection channels(StatsFilter filter, ReportTexts t) {
        List<ChannelFigures> all = stats.channels(filter.period()).channels();
        Function<String, String> names = channelNames(t.locale());
        String sentence = AuditSentences.channels(all, names, t);
        List<ChannelFigures> ranked = new ArrayList<>(AuditSentences.ranked(all));
        // channels without leads but with customers in the period still belong in the table, after the ranked ones
        all.stream().filter(c -> c.leads() == 0 && c.customers() > 0).forEach(ranked::add);
        if (ranked.isEmpty()) {
            return ReportSection.empty("channels", title("channels", t), sentence);
        }
        Period period = filter.period();
        List<List<ReportCell>> rows = new ArrayList<>();
        for (ChannelFigures c : ranked) {
            String path = "channels." + c.channel() + ".";
            StatsFilter of = new StatsFilter(period, c.channel());
            rows.add(List.of(ReportCell.text(names.apply(c.channel()), c.channel()),
                    ReportCell.count(path + "leads", c.leads(), DrillDown.cohort(of)),
                    ReportCell.count(path + "mqls", c.mqls(), DrillDown.reached(of, "MQL")),
                    ReportCell.figure(null, Kind.RATIO, AuditSentences.mqlShare(c)),
                    ReportCell.count(path + "customers", c.customers(),
                            DrillDown.entered("WON", period.from(), period.to(), null, c.channel())),
                    ReportCell.figure(path + "spend", Kind.MONEY, c.spend()),
                    ReportCell.figure(path + "cpl", Kind.MONEY, c.cpl()),
                    ReportCell.figure(path + "cac", Kind.MONEY, c.cac()),
                    ReportCell.figure(path + "ltv", Kind.MONEY, c.ltv()),
                    ReportCell.figure(path + "ltvToCac", Kind.DECIMAL, c.ltvToCac())));
        }
        var chart = new ChartData.Categories(ChartData.Categories.Kind.BAR,
                ranked.stream().map(c -> names.apply(c.channel())).toList(), List.of(
                        new ChartData.Series(t.get("audit.col.leads"), ranked.stream().map(ChannelFigures::leads).toList()),
                        new ChartData.Series(t.get("audit.col.mqls"), ranked.stream().map(ChannelFigures::mqls).toList()),
                        new ChartData.Series(t.get("audit.col.customers"),
                                ranked.stream().map(ChannelFigures::customers).toList())));
        var table = new ReportTable("channels", t.get("audit.table.channels"),
                List.of(t.get("audit.col.channel"), t.get("audit.col.leads"), t.get("audit.col.mqls"),
                        t.get("audit.col.mql-share"), t.get("audit.col.customers"), t.get("audit.col.spend"),
                        t.get("audit.col.cpl"), t.get("audit.col.cac"), t.get("audit.col.ltv"),
                        t.get("audit.col.ltv-to-cac")),
                List.of("channel", "leads", "mqls", "mql_share", "customers", "spend", "cpl", "cac", "ltv",
                        "ltv_to_cac"), rows);
        return new ReportSection("channels", title("channels", t), sentence, false, List.of(), chart,
                t.get("audit.chart.channels"), List.of(table), null, null);
    }

    private ReportSection capacity(StatsFilter filter, Instant asOf, ReportTexts t) {
        Period period = filter.period();
        List<RepFigures> reps = stats.reps(period).reps();
        var capacity = AuditSentences.Capacity.of(reps, period);
        String sentence = AuditSentences.capacity(capacity, t);
        if (capacity.salespeople() == 0 || capacity.received() == 0) {
            return ReportSection.empty("capacity", title("capacity", t), sentence);
        }
        HandoffFigures handoffs = stats.handoffs(period, asOf);
        List<ReportCell> figures = List.of(
                ReportCell.figure("handoffs.sent", Kind.COUNT, handoffs.sent()).labelled(t.get("audit.fig.handoffs-sent")),
                ReportCell.figure("handoffs.acceptanceRate", Kind.RATIO, handoffs.acceptanceRate())
                        .labelled(t.get("audit.fig.acceptance-rate")),
                ReportCell.figure("handoffs.medianDecisionHours", Kind.HOURS, handoffs.medianDecisionHours())
                        .labelled(t.get("audit.fig.median-decision")),
                ReportCell.figure("handoffs.pending", Kind.COUNT, handoffs.pending()).labelled(t.get("audit.fig.pending")),
                ReportCell.figure("handoffs.overduePending", Kind.COUNT, handoffs.overduePending())
                        .labelled(t.get("audit.fig.overdue", handoffs.slaHours())),
                ReportCell.figure(null, Kind.DECIMAL, capacity.receivedPerPersonMonth())
                        .labelled(t.get("audit.fig.received-per-person-month")),
                ReportCell.figure(null, Kind.DECIMAL, capacity.decidedPerPersonMonth())
                        .labelled(t.get("audit.fig.decided-per-person-month")));
        String formula = t.get("audit.capacity.formula", capacity.received(), capacity.salespeople(), capacity.months(),
                capacity.receivedPerPersonMonth(), capacity.decided(), capacity.decidedPerPersonMonth());
        List<List<ReportCell>> rows = reps.stream().map(r -> {
            String path = "reps." + r.username() + ".";
            return List.of(ReportCell.text(r.username()),
                    ReportCell.figure(path + "handoffsReceived", Kind.COUNT, r.handoffsReceived()),
                    ReportCell.figure(path + "accepted", Kind.COUNT, r.accepted()),
                    ReportCell.figure(path + "rejected", Kind.COUNT, r.rejected()),
                    ReportCell.figure(path + "pending", Kind.COUNT, r.pending()),
                    ReportCell.figure(null, Kind.DECIMAL, r.handoffsReceived() / capacity.months()));
        }).toList();
        List<String> names = reps.stream().map(RepFigures::username).toList();
        var chart = new ChartData.Categories(ChartData.Categories.Kind.STACKED_BAR, names, List.of(
                new ChartData.Series(t.get("audit.col.accepted"), reps.stream().map(RepFigures::accepted).toList()),
                new ChartData.Series(t.get("audit.col.rejected"), reps.stream().map(RepFigures::rejected).toList()),
                new ChartData.Series(t.get("audit.col.pending"), reps.stream().map(RepFigures::pending).toList())));
        var table = new ReportTable("capacity", t.get("audit.table.capacity"),
                List.of(t.get("audit.col.salesperson"), t.get("audit.col.received"), t.get("audit.col.accepted"),
                        t.get("audit.col.rejected"), t.get("audit.col.pending"), t.get("audit.col.received-per-month")),
                List.of("username", "handoffs_received", "accepted", "rejected", "pending", "received_per_month"), rows);
        return new ReportSection("capacity", title("capacity", t), sentence, false, figures, chart,
                t.get("audit.chart.capacity"), List.of(table), formula, null);
    }

    private ReportSection members(StatsFilter filter, ReportTexts t) {
        Period period = filter.period();
        Reps reps = stats.reps(period);
        Marketers marketers = stats.marketers(period);
        String sentence = AuditSentences.members(reps.reps(), marketers.marketers(), t);
        boolean repsActive = reps.reps().stream().anyMatch(r -> r.interactions() > 0 || r.handoffsReceived() > 0
                || r.won() > 0 || r.lostFromOpportunity() > 0);
        boolean marketersActive = marketers.marketers().stream().anyMatch(m -> m.leadsCreated() > 0 || m.mqls() > 0
                || m.handoffsSent() > 0);
        if (!repsActive && !marketersActive) {
            return ReportSection.empty("members", title("members", t), sentence);
        }
        List<String> usernames = new ArrayList<>();
        reps.reps().forEach(r -> usernames.add(r.username()));
        marketers.marketers().forEach(m -> usernames.add(m.username()));
        Map<String, UserId> ids = new java.util.HashMap<>(users.activeByUsernames(usernames).stream()
                .collect(Collectors.toMap(UserSummary::username, UserSummary::id, (a, b) -> a)));
        // a deactivated member's figures still count, and link to their records (as on the dashboard)
        usernames.stream().filter(u -> !ids.containsKey(u))
                .forEach(u -> users.findByUsername(u).ifPresent(found -> ids.put(u, found.id())));
        List<List<ReportCell>> repRows = reps.reps().stream().map(r -> {
            String path = "reps." + r.username() + ".";
            Long id = ids.containsKey(r.username()) ? ids.get(r.username()).value() : null;
            return List.of(ReportCell.text(r.username()),
                    id == null ? ReportCell.figure(path + "interactions", Kind.COUNT, r.interactions())
                            : ReportCell.count(path + "interactions", r.interactions(),
                                    DrillDown.interactions(id, null, period.from(), period.to())),
                    ReportCell.figure(path + "avgOutcome", Kind.DECIMAL, r.avgOutcome()),
                    ReportCell.figure(path + "acceptanceRate", Kind.RATIO, r.acceptanceRate()),
                    ReportCell.figure(path + "medianDecisionHours", Kind.HOURS, r.medianDecisionHours()),
                    id == null ? ReportCell.figure(path + "won", Kind.COUNT, r.won())
                            : ReportCell.count(path + "won", r.won(),
                                    DrillDown.entered("WON", period.from(), period.to(), id, null)),
                    ReportCell.figure(path + "winRate", Kind.RATIO, r.winRate()),
                    ReportCell.figure(path + "wonValue", Kind.MONEY, r.wonValue()));
        }).toList();
        List<List<ReportCell>> marketerRows = marketers.marketers().stream().map(m -> {
            String path = "marketers." + m.username() + ".";
            Long id = ids.containsKey(m.username()) ? ids.get(m.username()).value() : null;
            return List.of(ReportCell.text(m.username()),
                    id == null ? ReportCell.figure(path + "leadsCreated", Kind.COUNT, m.leadsCreated())
                            : ReportCell.count(path + "leadsCreated", m.leadsCreated(), DrillDown.createdBy(period, id)),
                    id == null ? ReportCell.figure(path + "mqls", Kind.COUNT, m.mqls())
                            : ReportCell.count(path + "mqls", m.mqls(),
                                    DrillDown.entered("MQL", period.from(), period.to(), id, null)),
                    ReportCell.figure(path + "handoffsSent", Kind.COUNT, m.handoffsSent()),
                    ReportCell.figure(path + "acceptanceRate", Kind.RATIO, m.acceptanceRate()),
                    ReportCell.figure(path + "handoffsWon", Kind.COUNT, m.handoffsWon()));
        }).toList();
        List<RepFigures> byWon = reps.reps().stream().sorted(Comparator.comparing(RepFigures::won).reversed()
                .thenComparing(RepFigures::username)).toList();
        var chart = new ChartData.Categories(ChartData.Categories.Kind.BAR,
                byWon.stream().map(RepFigures::username).toList(), List.of(
                        new ChartData.Series(t.get("audit.col.won"), byWon.stream().map(RepFigures::won).toList()),
                        new ChartData.Series(t.get("audit.col.received"),
                                byWon.stream().map(RepFigures::handoffsReceived).toList())));
        var repTable = new ReportTable("reps", t.get("audit.table.reps"),
                List.of(t.get("audit.col.salesperson"), t.get("audit.col.interactions"), t.get("audit.col.avg-outcome"),
                        t.get("audit.col.acceptance-rate"), t.get("audit.col.median-decision"), t.get("audit.col.won"),
                        t.get("audit.col.win-rate"), t.get("audit.col.won-value")),
                List.of("username", "interactions", "avg_outcome", "acceptance_rate", "median_decision_hours", "won",
                        "win_rate", "won_value"), repRows);
        var marketerTable = new ReportTable("marketers", t.get("audit.table.marketers"),
                List.of(t.get("audit.col.marketer"), t.get("audit.col.leads-created"), t.get("audit.col.mqls"),
                        t.get("audit.col.handoffs-sent"), t.get("audit.col.acceptance-rate"),
                        t.get("audit.col.handoffs-won")),
                List.of("username", "leads_created", "mqls", "handoffs_sent", "acceptance_rate", "handoffs_won"),
                marketerRows);
        return new ReportSection("members", title("members", t), sentence, false, List.of(), chart,
                t.get("audit.chart.members"), List.of(repTable, marketerTable), null, null);
    }

    private ReportSection repeat(StatsFilter filter, ReportTexts t) {
        RepeatPurchases r = stats.repeatPurchases(filter.period());
        String sentence = AuditSentences.repeatBuyers(r, t);
        if (r.buyers() == 0) {
            return ReportSection.empty("repeat", title("repeat", t), sentence);
        }
        List<ReportCell> figures = List.of(
                ReportCell.figure("repeat-purchases.buyers", Kind.COUNT, r.buyers()).labelled(t.get("audit.fig.buyers")),
                ReportCell.figure("repeat-purchases.oneTime", Kind.COUNT, r.oneTime()).labelled(t.get("audit.fig.one-time")),
                ReportCell.figure("repeat-purchases.repeat", Kind.COUNT, r.repeat()).labelled(t.get("audit.fig.repeat")),
                ReportCell.figure("repeat-purchases.revenue", Kind.MONEY, r.revenue()).labelled(t.get("audit.fig.revenue")),
                ReportCell.figure("repeat-purchases.repeatRevenueShare", Kind.RATIO, r.repeatRevenueShare())
                        .labelled(t.get("audit.fig.repeat-revenue-share")));
        List<List<ReportCell>> rows = AuditSentences.HISTOGRAM.stream().map(k -> List.of(ReportCell.text(k),
                ReportCell.figure("repeat-purchases.histogram." + k, Kind.COUNT, AuditSentences.histogram(r.histogram(), k))))
                .toList();
        var chart = new ChartData.Categories(ChartData.Categories.Kind.BAR, AuditSentences.HISTOGRAM, List.of(
                new ChartData.Series(t.get("audit.col.buyers"), AuditSentences.HISTOGRAM.stream()
                        .map(k -> AuditSentences.histogram(r.histogram(), k)).toList())));
        var table = new ReportTable("repeat", t.get("audit.table.repeat"),
                List.of(t.get("audit.col.purchases"), t.get("audit.col.buyers")), List.of("purchases", "buyers"), rows);
        return new ReportSection("repeat", title("repeat", t), sentence, false, figures, chart,
                t.get("audit.chart.repeat"), List.of(table), null, null);
    }
}
