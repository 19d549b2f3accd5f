package app.ponte.stats.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.communication.PushConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The root of a statistics page (dashboards.md): it carries the period and channel shown
 * ({@code data-from}, {@code data-to}, {@code data-channel}), the "now" of the "now" figures
 * ({@code data-as-of}, {@code data-stalled-days}), and {@code data-ready="true"} once every section
 * has loaded or shown its error.
 */
public class StatsPage extends Div {

    private static final Logger log = LoggerFactory.getLogger(StatsPage.class);

    private final List<StatsSection<?>> sections = new ArrayList<>();
    /** When the loads now running began (0: none), for the server-side time in the debug log. */
    private long loadStarted;
    private Runnable onReady = () -> { };

    public StatsPage() {
        addClassName("ponte-stats-page");
    }

    public void setFilter(StatsFilter filter) {
        getElement().setAttribute("data-from", filter.period().from().toString());
        getElement().setAttribute("data-to", filter.period().to().toString());
        if (filter.channel() == null) {
            getElement().removeAttribute("data-channel");
        } else {
            getElement().setAttribute("data-channel", filter.channel());
        }
    }

    public void setAsOf(Instant asOf, int stalledDays) {
        getElement().setAttribute("data-as-of", asOf.toString());
        getElement().setAttribute("data-stalled-days", String.valueOf(stalledDays));
    }

    /** Adds a section to the page's readiness; it is not added to the layout (the page places it). */
    public <T> StatsSection<T> track(StatsSection<T> section) {
        sections.add(section);
        section.onSettled(this::checkReady);
        return section;
    }

    public List<StatsSection<?>> sections() {
        return List.copyOf(sections);
    }

    /** Runs (in the UI) each time every section has settled. */
    public void onReady(Runnable action) {
        this.onReady = action;
    }

    /** Reloads every tracked section (a filter change). */
    public void reloadAll() {
        loadStarted = System.nanoTime();
        getElement().removeAttribute("data-ready");
        sections.forEach(StatsSection::reload);
    }

    /** Reloads some sections (a live update that concerns only them). */
    public void reload(List<StatsSection<?>> some) {
        if (!some.isEmpty()) {
            loadStarted = System.nanoTime();
            getElement().removeAttribute("data-ready");
            some.forEach(StatsSection::reload);
        }
    }

    private void checkReady() {
        if (sections.stream().noneMatch(StatsSection::busy)) {
            pushFiguresFirst();
            getElement().setAttribute("data-ready", "true");
            if (loadStarted != 0 && log.isDebugEnabled()) {
                // the server's share of "the last section filled" (docs/benchmarks.md, the dashboard)
                log.debug("Statistics page {} filled in {} ms", getId().orElse("-"), // i18n-ignore: log
                        (System.nanoTime() - loadStarted) / 1_000_000);
            }
            loadStarted = 0;
            onReady.run();
        }
    }

    /**
     * In a background fill, pushes the sections' content now, so that the mark set after it goes in a
     * push of its own. The push connection keeps the last message it sent until the next one (Atmosphere's
     * resource event and Flow's pending future hold it), and an open dashboard may see no other push for
     * hours: the last message is then this few-byte one instead of a section's HTML (up to 100 kB,
     * docs/benchmarks.md, the heap per tab). Not during a request: its response carries the changes.
     */
    private void pushFiguresFirst() {
        UI ui = getUI().orElse(null);
        if (ui == null || VaadinRequest.getCurrent() != null || !ui.getPushConfiguration().getPushMode().isEnabled()) {
            return;
        }
        PushConnection connection = ui.getInternals().getPushConnection();
        if (connection != null && connection.isConnected()) {
            ui.push();
        }
    }
}
