package app.ponte.stats.ui;

import app.ponte.base.ui.HomeCard;
import app.ponte.security.CurrentUser;
import app.ponte.security.Role;
import app.ponte.stats.Funnel;
import app.ponte.stats.HandoffFigures;
import app.ponte.stats.Stalled;
import app.ponte.stats.StatsService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/**
 * A manager's home: the team dashboard's tiles for the default period, each leading to the dashboard
 * for that period.
 */
@org.springframework.stereotype.Component
@Order(10)
class TeamHomeCard implements HomeCard {

    /** The team dashboard's route (the dashboard is its own view; this card only links to it). */
    static final String DASHBOARD = "dashboard";

    private final StatsService stats;
    private final SectionLoader loader;
    private final CurrentUser currentUser;
    private final Clock clock;

    TeamHomeCard(StatsService stats, SectionLoader loader, CurrentUser currentUser, Clock clock) {
        this.stats = stats;
        this.loader = loader;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    record TeamFigures(Funnel funnel, HandoffFigures handoffs, Stalled stalled) {
    }

    @Override
    public Optional<Component> create() {
        if (!currentUser.has(Role.MANAGER)) {
            return Optional.empty();
        }
        HomeTiles.Start start = HomeTiles.start(PeriodPreset.DEFAULT, clock, stats.zone());
        StatsFilter filter = start.filter();
        Instant asOf = clock.instant();
        String title = start.text("home.team.title", start.text("stats.preset." + PeriodPreset.DEFAULT.name()));
        return Optional.of(HomeTiles.card("team", title, filter, asOf, loader,
                () -> new TeamFigures(stats.funnel(filter.period(), null), stats.handoffs(filter.period(), asOf),
                        stats.stalledCounts(asOf, HomeTiles.STALLED_DAYS)),
                figures -> view(figures, filter, start.locale())));
    }

    private static Component view(TeamFigures f, StatsFilter filter, Locale locale) {
        String href = DASHBOARD + "?" + filter.toQuery().getQueryString();
        var holder = new Div();
        long stalled = f.stalled().byStatus().values().stream().mapToLong(Long::longValue).sum();
        var stalledFigure = new com.vaadin.flow.component.html.Span(Figure.text(Figure.Kind.COUNT, stalled, locale, null));
        // the API has no total of stalled leads: the mark names the counts by status it adds up
        Figure.mark(stalledFigure, "stalled.byStatus", f.stalled().byStatus());
        stalledFigure.addClassName("ponte-figure");
        holder.add(HomeTiles.row(
                tile(holder, "leads", href, Figure.count("funnel.cohort", f.funnel().cohort(), locale, null)),
                tile(holder, "mql", href, Figure.count("funnel.steps.MQL.reached", reached(f.funnel(), "MQL"), locale, null)),
                tile(holder, "sql", href, Figure.count("funnel.steps.SQL.reached", reached(f.funnel(), "SQL"), locale, null)),
                tile(holder, "won", href, Figure.count("funnel.steps.WON.reached", reached(f.funnel(), "WON"), locale, null)),
                tile(holder, "lead-to-customer", href,
                        Figure.ratio("funnel.leadToCustomer", f.funnel().leadToCustomer(), locale)),
                tile(holder, "acceptance", href,
                        Figure.ratio("handoffs.acceptanceRate", f.handoffs().acceptanceRate(), locale)),
                tile(holder, "overdue", href,
                        Figure.count("handoffs.overduePending", f.handoffs().overduePending(), locale, null)),
                tile(holder, "stalled", href, stalledFigure)));
        holder.add(HomeTiles.more("home-team-dashboard", href, holder.getTranslation("home.team.open-dashboard")));
        return holder;
    }

    private static com.vaadin.flow.component.html.Anchor tile(Component translator, String key, String href,
            Component figure) {
        return HomeTiles.linkTile("home-team-" + key, href, translator.getTranslation("home.team." + key), figure);
    }

    private static long reached(Funnel funnel, String status) {
        return funnel.steps().stream().filter(s -> s.status().equals(status)).findFirst().orElseThrow().reached();
    }
}
