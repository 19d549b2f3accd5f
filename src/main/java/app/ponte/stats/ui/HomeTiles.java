package app.ponte.stats.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.UI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The statistics cards of the home page: each card is a small statistics page of its own (its root
 * carries the period, {@code data-as-of} and {@code data-ready}) with one section that loads in the
 * background, so the home page renders at once and the figures fill in.
 */
final class HomeTiles {

    /** Stalled = no activity for more than this many days (the API's default, metrics.md). */
    static final int STALLED_DAYS = 14;

    private HomeTiles() {
    }

    /** What every card starts from: its period (the preset as of today in the business zone) and the reader's tab. */
    record Start(StatsFilter filter, Locale locale, UI ui) {

        /** A text in the reader's language ("" outside a tab: a card is built in one). */
        String text(String key, Object... params) {
            return ui == null ? "" : ui.getTranslation(key, params);
        }
    }

    static Start start(PeriodPreset preset, Clock clock, ZoneId zone) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        UI ui = UI.getCurrent();
        return new Start(StatsFilter.of(preset, today), ui == null ? Locale.ENGLISH : ui.getLocale(), ui);
    }

    /** @param filter the period of the card's figures; null for figures of no period */
    static <T> StatsPage card(String key, String title, StatsFilter filter, Instant asOf, SectionLoader loader,
            Supplier<T> figures, Function<T, Component> view) {
        var card = new StatsPage();
        card.setId("home-" + key);
        card.addClassName("ponte-home-card");
        card.addClassName("ponte-home-stats");
        if (filter != null) {
            card.setFilter(filter);
        }
        if (asOf != null) {
            card.setAsOf(asOf, STALLED_DAYS);
        }
        StatsSection<T> section = card.track(new StatsSection<>("home-" + key, title, loader, figures, view));
        card.add(section);
        section.reload();
        return card;
    }

    /** A tile: its label above the figure (a link when the figure has a drill-down). */
    static Div tile(String id, String label, Component figure) {
        var text = new Span(label);
        text.addClassName("ponte-my-tile-label");
        figure.getElement().getClassList().add("ponte-my-tile-value");
        var tile = new Div(text, figure);
        tile.addClassName("ponte-my-tile");
        tile.setId(id);
        return tile;
    }

    /** A tile that as a whole leads to a page (the dashboard), its figure marked inside. */
    static Anchor linkTile(String id, String href, String label, Component figure) {
        var text = new Span(label);
        text.addClassName("ponte-my-tile-label");
        figure.getElement().getClassList().add("ponte-my-tile-value");
        var tile = new Anchor(href);
        tile.add(text, figure);
        tile.addClassName("ponte-my-tile");
        tile.addClassName("ponte-my-tile-link");
        tile.setId(id);
        return tile;
    }

    static Div row(HasElement... tiles) {
        var row = new Div();
        row.addClassName("ponte-my-tiles");
        for (HasElement t : tiles) {
            row.getElement().appendChild(t.getElement());
        }
        return row;
    }

    static Anchor more(String id, String href, String text) {
        var link = new Anchor(href, text);
        link.setId(id);
        link.addClassName("ponte-home-more");
        return link;
    }
}
