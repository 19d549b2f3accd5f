package app.ponte.stats.ui;

import app.ponte.base.ui.HomeCard;
import app.ponte.security.CurrentUser;
import app.ponte.security.Role;
import app.ponte.stats.DataCounts;
import app.ponte.stats.StatsService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/**
 * An administrator's home: how much data the application holds (leads, interactions, user accounts
 * active and deactivated), with the way to the user administration and the import.
 */
@org.springframework.stereotype.Component
@Order(40)
class AdminHomeCard implements HomeCard {

    static final String LEADS = "leads";
    static final String INTERACTIONS = "interactions";
    static final String USERS = "admin/users";
    static final String IMPORT = "admin/import";

    private final StatsService stats;
    private final SectionLoader loader;
    private final CurrentUser currentUser;

    AdminHomeCard(StatsService stats, SectionLoader loader, CurrentUser currentUser) {
        this.stats = stats;
        this.loader = loader;
        this.currentUser = currentUser;
    }

    @Override
    public Optional<Component> create() {
        if (!currentUser.has(Role.ADMIN)) {
            return Optional.empty();
        }
        UI ui = UI.getCurrent();
        Locale locale = ui == null ? Locale.ENGLISH : ui.getLocale();
        String title = ui == null ? "" : ui.getTranslation("home.admin.title");
        // the interactions list is a manager's; an administrator without MANAGER reads the count only
        boolean readsInteractions = currentUser.has(Role.MANAGER);
        // counts of everything there is, of no period: the card's root names none
        return Optional.of(HomeTiles.card("admin", title, null, null, loader, stats::dataCounts,
                counts -> view(counts, locale, readsInteractions)));
    }

    private static Component view(DataCounts counts, Locale locale, boolean readsInteractions) {
        var holder = new Div();
        holder.add(HomeTiles.row(
                tile(holder, "leads", count(counts.leads(), locale, LEADS)),
                tile(holder, "interactions", count(counts.interactions(), locale,
                        readsInteractions ? INTERACTIONS : null)),
                tile(holder, "active-users", count(counts.activeUsers(), locale, USERS)),
                tile(holder, "inactive-users", count(counts.inactiveUsers(), locale, USERS))));
        var links = new Div(HomeTiles.more("home-admin-users", USERS, holder.getTranslation("home.admin.users")),
                HomeTiles.more("home-admin-import", IMPORT, holder.getTranslation("home.admin.import")));
        links.addClassName("ponte-home-links");
        holder.add(links);
        return holder;
    }

    /** Data counts are not statistics of the API: a plain number, a link to the records. */
    private static Component count(long value, Locale locale, String href) {
        String text = Figure.text(Figure.Kind.COUNT, value, locale, null);
        Component c = href == null ? new Span(text) : new Anchor(href, text);
        c.getElement().getClassList().add("ponte-figure");
        return c;
    }

    private static Div tile(Component translator, String key, Component figure) {
        return HomeTiles.tile("home-admin-" + key, translator.getTranslation("home.admin." + key), figure);
    }
}
