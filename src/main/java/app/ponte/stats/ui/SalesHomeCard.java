package app.ponte.stats.ui;

import app.ponte.base.PonteProperties;
import app.ponte.base.ui.HomeCard;
import app.ponte.handoff.HandoffService;
import app.ponte.interaction.AgendaGroup;
import app.ponte.interaction.InteractionService;
import app.ponte.security.CurrentUser;
import app.ponte.security.Role;
import app.ponte.security.UserService;
import app.ponte.stats.StatsService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.annotation.Order;

/**
 * A salesperson's day on the home page: their numbers this month beside the team median, the
 * handoffs waiting in their inbox and the next steps due today or overdue, each leading to its page.
 */
@org.springframework.stereotype.Component
@Order(20)
class SalesHomeCard implements HomeCard {

    /** The figures of My numbers a salesperson sees first; the page has them all. */
    static final Set<String> SHOWN = Set.of("interactions", "handoffsReceived", "won", "winRate", "wonValue");
    static final String INBOX = "inbox";
    static final String AGENDA = "agenda";

    private final StatsService stats;
    private final HandoffService handoffs;
    private final InteractionService interactions;
    private final UserService users;
    private final SectionLoader loader;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final PonteProperties properties;

    SalesHomeCard(StatsService stats, HandoffService handoffs, InteractionService interactions, UserService users,
            SectionLoader loader, CurrentUser currentUser, Clock clock, PonteProperties properties) {
        this.stats = stats;
        this.handoffs = handoffs;
        this.interactions = interactions;
        this.users = users;
        this.loader = loader;
        this.currentUser = currentUser;
        this.clock = clock;
        this.properties = properties;
    }

    record Day(List<MyFigure> figures, long inbox, long agenda) {
    }

    @Override
    public Optional<Component> create() {
        if (!currentUser.has(Role.SALES)) {
            return Optional.empty();
        }
        HomeTiles.Start start = HomeTiles.start(PeriodPreset.THIS_MONTH, clock, stats.zone());
        StatsFilter filter = start.filter();
        String username = currentUser.requireUsername();
        long userId = users.currentUserId().value();
        return Optional.of(HomeTiles.card("sales", start.text("home.sales.title"), filter, null, loader, () -> new Day(
                        MyNumbers.sales(stats.reps(filter.period()).reps(), username, userId, filter.period(),
                                stats.seesMoney(), currentUser.has(Role.MANAGER)).stream().filter(f -> SHOWN.contains(f.key())).toList(),
                        handoffs.myPendingCount(),
                        interactions.myAgenda().stream().map(item -> interactions.groupOf(item.due()))
                                .filter(g -> g == AgendaGroup.OVERDUE || g == AgendaGroup.TODAY).count()),
                day -> view(day, filter, start.locale())));
    }

    private Component view(Day day, StatsFilter filter, Locale locale) {
        var holder = new Div();
        var inbox = new Anchor(INBOX, Figure.text(Figure.Kind.COUNT, day.inbox(), locale, null));
        inbox.addClassName("ponte-figure");
        var agenda = new Anchor(AGENDA, Figure.text(Figure.Kind.COUNT, day.agenda(), locale, null));
        agenda.addClassName("ponte-figure");
        holder.add(HomeTiles.row(HomeTiles.tile("home-sales-inbox", holder.getTranslation("home.sales.inbox"), inbox),
                HomeTiles.tile("home-sales-agenda", holder.getTranslation("home.sales.agenda"), agenda)));
        holder.add(MyTiles.tiles("home-sales", day.figures(), locale, properties.currency()));
        holder.add(HomeTiles.more("home-sales-more", MyNumbersView.ROUTE + "?" + filter.toQuery().getQueryString(),
                holder.getTranslation("home.my-numbers")));
        return holder;
    }
}
