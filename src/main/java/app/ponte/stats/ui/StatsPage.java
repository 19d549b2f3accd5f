package app.ponte.stats.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.communication.PushConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
    private static final Duration RELEASE_DELAY = Duration.ofSeconds(2);

    private final List<StatsSection<?>> sections = new ArrayList<>();
    /** When the loads now running began (0: none), for the server-side time in the debug log. */
    private long loadStarted;

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
            getElement().setAttribute("data-ready", "true");
            if (loadStarted != 0 && log.isDebugEnabled()) {
                // the server's share of "the last section filled" (docs/benchmarks.md, the dashboard)
                log.debug("Statistics page {} filled in {} ms", getId().orElse("-"), // i18n-ignore: log
                        (System.nanoTime() - loadStarted) / 1_000_000);
            }
            loadStarted = 0;
            getUI().ifPresent(StatsPage::releaseLastPush);
        }
    }

    /**
     * Sends the tab one tiny push two seconds after the page filled in. Flow's push connection keeps the
     * last message it sent until it sends the next; the one that filled the sections is the page's
     * largest (hundreds of kB), and an open dashboard may see no other push for hours. The tiny one
     * takes its place (docs/benchmarks.md, "retained heap of an open dashboard tab").
     */
    private static void releaseLastPush(UI ui) {
        if (!ui.getPushConfiguration().getPushMode().isEnabled()) {
            return;
        }
        CompletableFuture.delayedExecutor(RELEASE_DELAY.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            try {
                ui.access(() -> {
                    // Only to a tab still connected: a tab that has moved on or closed has closed its
                    // socket (by now its close is known), and a push there is an error in the log.
                    PushConnection connection = ui.getInternals().getPushConnection();
                    if (connection != null && connection.isConnected()) {
                        // the smallest change there is: Flow pushes only when something changed
                        ui.getPage().executeJs("void 0");
                    }
                });
            } catch (UIDetachedException e) {
                // the tab has gone, and its connection with it
            }
        });
    }
}
