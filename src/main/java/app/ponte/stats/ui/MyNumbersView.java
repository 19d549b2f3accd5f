package app.ponte.stats.ui;

import app.ponte.base.PonteProperties;
import app.ponte.base.ui.MainLayout;
import app.ponte.security.AppRoles;
import app.ponte.security.CurrentUser;
import app.ponte.security.Role;
import app.ponte.security.UserService;
import app.ponte.stats.Period;
import app.ponte.stats.StatsService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * "My numbers" (dashboards.md): the signed-in salesperson's or marketer's own figures for a period,
 * each beside the team median of the same figure. A person with both roles sees both parts. The
 * period lives in the URL ({@code ?from&to}); there is no channel filter (the per-person figures have
 * none in the API either).
 */
@Route(value = MyNumbersView.ROUTE, layout = MainLayout.class)
@Menu(order = 6, title = "nav.my-numbers", icon = "vaadin:user-card")
@RolesAllowed({AppRoles.SALES, AppRoles.MARKETING})
class MyNumbersView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String ROUTE = "my-numbers";

    private final StatsService stats;
    private final Clock clock;
    private final PonteProperties properties;
    private final StatsPage page = new StatsPage();
    private final PeriodBar bar;
    private final String username;
    private final Long userId;
    /** Read by the sections in the background: the newest filter wins (older loads are dropped). */
    private volatile StatsFilter filter;

    MyNumbersView(StatsService stats, SectionLoader loader, UserService users, CurrentUser currentUser, Clock clock,
            PonteProperties properties) {
        this.stats = stats;
        this.clock = clock;
        this.properties = properties;
        this.username = currentUser.requireUsername();
        this.userId = users.currentUserId().value();
        setId("my-numbers-view");
        page.setId("my-numbers");
        page.setWidthFull();
        bar = new PeriodBar(today(), null);
        bar.addFilterChangeListener(f -> getUI().ifPresent(ui -> ui.navigate(MyNumbersView.class, f.toQuery())));
        page.add(bar);
        if (currentUser.has(Role.SALES)) {
            page.add(page.track(section(loader, "my-sales", "mynumbers.sales.title",
                    () -> MyNumbers.sales(stats.reps(filter.period()).reps(), username, userId, filter.period(),
                            stats.seesMoney(), currentUser.has(Role.MANAGER)))));
        }
        if (currentUser.has(Role.MARKETING)) {
            page.add(page.track(section(loader, "my-marketing", "mynumbers.marketing.title",
                    () -> MyNumbers.marketing(stats.marketers(filter.period()).marketers(), username, userId,
                            filter.period()))));
        }
        add(new H2(getTranslation("mynumbers.title")), new Paragraph(getTranslation("mynumbers.intro")), page);
    }

    private StatsSection<List<MyFigure>> section(SectionLoader loader, String key, String titleKey,
            Supplier<List<MyFigure>> figures) {
        return new StatsSection<>(key, getTranslation(titleKey), loader, figures, list -> view(key, list));
    }

    private Component view(String key, List<MyFigure> figures) {
        if (figures.isEmpty()) {
            var empty = new Paragraph(getTranslation("mynumbers.not-in-team"));
            empty.setId(key + "-empty");
            return empty;
        }
        var content = new Div(MyTiles.tiles(key, figures, getLocale(), properties.currency()),
                MyTiles.chart(getTranslation("mynumbers.chart"), figures, this));
        content.addClassName("ponte-my-numbers");
        return content;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        LocalDate today = today();
        StatsFilter wanted = StatsFilter.fromQuery(event.getLocation().getQueryParameters(), today, Set.of());
        // the per-person figures have no channel: a channel in a hand-edited link is ignored
        wanted = wanted.withChannel(null);
        if (wanted.equals(filter)) {
            return;
        }
        filter = wanted;
        bar.setFilter(filter);
        page.setFilter(filter);
        page.reloadAll();
    }

    Period period() {
        return filter.period();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(stats.zone()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + getTranslation("nav.my-numbers");
    }
}
