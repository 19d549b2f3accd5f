package app.ponte.stats.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One section of a statistics page: a title, then a skeleton while its figures load in the
 * background ({@code aria-busy="true"}), then the figures, or its own error with a retry, while
 * the rest of the page goes on working. {@link #reload()} reads the figures again (a filter
 * change, a live update) and keeps the old ones on screen until the new ones arrive.
 */
public class StatsSection<T> extends Section {

    private static final Logger log = LoggerFactory.getLogger(StatsSection.class);

    private final String key;
    private final SectionLoader loader;
    private final Supplier<T> figures;
    private final Function<T, Component> view;
    private final Div body = new Div();
    private Runnable onSettled = () -> { };
    /** Counts loads, so that only the newest one's result is shown. */
    private long generation;
    private boolean loaded;

    /**
     * @param key a short, stable name (element id {@code section-<key>}, and the log)
     * @param figures reads the figures (in the background, as the signed-in user)
     * @param view turns them into components (in the UI, with the session locked)
     */
    public StatsSection(String key, String title, SectionLoader loader, Supplier<T> figures,
            Function<T, Component> view) {
        this.key = key;
        this.loader = loader;
        this.figures = figures;
        this.view = view;
        setId("section-" + key);
        addClassName("ponte-stats-section");
        body.addClassName("ponte-stats-section-body");
        add(new H3(title), body);
        showSkeleton();
    }

    public String key() {
        return key;
    }

    /** Called (in the UI) each time a load ends, shown or failed: the page marks itself ready. */
    void onSettled(Runnable action) {
        this.onSettled = action;
    }

    /** Whether the section shows its figures (not a skeleton, not an error). */
    boolean shown() {
        return loaded && !busy();
    }

    public boolean busy() {
        return "true".equals(getElement().getAttribute("aria-busy"));
    }

    /** Reads the figures again in the background; the ones on screen stay until the new ones arrive. */
    public void reload() {
        UI ui = UI.getCurrent();
        long mine = ++generation;
        getElement().setAttribute("aria-busy", "true");
        if (!loaded) {
            showSkeleton();
        }
        loader.submit(() -> {
            T result;
            long started = System.nanoTime();
            try {
                result = figures.get();
                log.debug("Statistics section {} read in {} ms", key, // i18n-ignore: log
                        (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                log.error("Statistics section {} failed (reference {})", key, reference, e); // i18n-ignore: log
                inUi(ui, () -> {
                    if (mine == generation) {
                        showError(reference);
                    }
                });
                return;
            }
            inUi(ui, () -> {
                if (mine == generation) {
                    show(result);
                }
            });
        });
    }

    /** Runs in the tab, unless the tab has gone meanwhile (nothing to show then). */
    private static void inUi(UI ui, com.vaadin.flow.server.Command command) {
        try {
            ui.access(command);
        } catch (com.vaadin.flow.component.UIDetachedException e) {
            log.debug("Tab closed before its statistics arrived"); // i18n-ignore: log
        }
    }

    private void show(T result) {
        Component content;
        try {
            long started = System.nanoTime();
            content = view.apply(result);
            // the server's part of showing a section, beside the read's (decision 041)
            log.debug("Statistics section {} built in {} µs", key, // i18n-ignore: log
                    (System.nanoTime() - started) / 1_000);
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Statistics section {} could not be shown (reference {})", key, reference, e); // i18n-ignore
            showError(reference);
            return;
        }
        body.removeAll();
        body.add(content);
        loaded = true;
        settle();
    }

    private void showSkeleton() {
        getElement().setAttribute("aria-busy", "true");
        body.removeAll();
        var skeleton = new Div();
        skeleton.addClassName("ponte-skeleton");
        body.add(skeleton);
    }

    private void showError(String reference) {
        body.removeAll();
        var message = new Paragraph(getTranslation("stats.section.failed", reference));
        message.addClassName("ponte-stats-section-error");
        var retry = new Button(getTranslation("stats.section.retry"), VaadinIcon.REFRESH.create(), e -> reload());
        retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
        retry.setId("section-" + key + "-retry");
        var box = new Div(message, retry);
        box.addClassName("ponte-stats-section-failed");
        box.getElement().setAttribute("role", "alert");
        body.add(box);
        loaded = false;
        settle();
    }

    private void settle() {
        getElement().setAttribute("aria-busy", "false");
        onSettled.run();
    }
}
