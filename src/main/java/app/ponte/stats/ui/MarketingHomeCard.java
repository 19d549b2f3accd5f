package app.ponte.stats.ui;

import app.ponte.base.ui.HomeCard;
import app.ponte.security.CurrentUser;
import app.ponte.security.Role;
import app.ponte.security.UserService;
import app.ponte.stats.MarketerFigures;
import app.ponte.stats.StatsService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/**
 * A marketer's day on the home page: the leads they created and qualified this month, and how the
 * handoffs they sent this month stand (accepted, rejected, still pending).
 */
@org.springframework.stereotype.Component
@Order(30)
class MarketingHomeCard implements HomeCard {

    /** The marketer's own handoffs list (sent, with their state). */
    static final String HANDOFFS = "handoffs";

    private final StatsService stats;
    private final UserService users;
    private final SectionLoader loader;
    private final CurrentUser currentUser;
    private final Clock clock;

    MarketingHomeCard(StatsService stats, UserService users, SectionLoader loader, CurrentUser currentUser,
            Clock clock) {
        this.stats = stats;
        this.users = users;
        this.loader = loader;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    public Optional<Component> create() {
        if (!currentUser.has(Role.MARKETING)) {
            return Optional.empty();
        }
        HomeTiles.Start start = HomeTiles.start(PeriodPreset.THIS_MONTH, clock, stats.zone());
        StatsFilter filter = start.filter();
        String username = currentUser.requireUsername();
        long userId = users.currentUserId().value();
        return Optional.of(HomeTiles.card("marketing", start.text("home.marketing.title"), filter, null, loader,
                () -> stats.marketers(filter.period()).marketers().stream()
                        .filter(m -> m.username().equals(username)).findFirst(),
                mine -> view(mine, username, userId, filter, start.locale())));
    }

    private static Component view(Optional<MarketerFigures> mine, String username, long userId, StatsFilter filter,
            Locale locale) {
        var holder = new Div();
        String myNumbers = MyNumbersView.ROUTE + "?" + filter.toQuery().getQueryString();
        if (mine.isPresent()) {
            MarketerFigures me = mine.get();
            String prefix = "marketers." + username + ".";
            var period = filter.period();
            holder.add(HomeTiles.row(
                    tile(holder, "leadsCreated", Figure.count(prefix + "leadsCreated", me.leadsCreated(), locale,
                            myNumbers)),
                    tile(holder, "mqls", Figure.count(prefix + "mqls", me.mqls(), locale,
                            DrillDown.entered("MQL", period.from(), period.to(), userId, null))),
                    tile(holder, "accepted", Figure.count(prefix + "accepted", me.accepted(), locale, HANDOFFS)),
                    tile(holder, "rejected", Figure.count(prefix + "rejected", me.rejected(), locale, HANDOFFS)),
                    tile(holder, "pending", Figure.count(prefix + "pending", me.pending(), locale, HANDOFFS))));
        }
        holder.add(HomeTiles.more("home-marketing-more", myNumbers, holder.getTranslation("home.my-numbers")));
        return holder;
    }

    private static Div tile(Component translator, String key, Component figure) {
        return HomeTiles.tile("home-marketing-" + key, translator.getTranslation("home.marketing." + key), figure);
    }
}
