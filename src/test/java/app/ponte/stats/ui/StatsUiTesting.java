package app.ponte.stats.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Helpers for the statistics pages' UI tests: wait for the sections, find figures by their marks. */
final class StatsUiTesting {

    private StatsUiTesting() {
    }

    /** Lets every section load in the background, then runs the pushed updates in the test's UI. */
    static void settle(SectionLoader loader) throws Exception {
        for (int i = 0; i < 3; i++) {
            loader.awaitIdle(Duration.ofSeconds(30));
            MockVaadin.clientRoundtrip(false);
        }
    }

    /** The visible component marked with this {@code data-metric}, if any. */
    static Optional<Component> metric(String metric) {
        List<Component> found = marked("data-metric", metric);
        if (found.size() > 1) {
            throw new AssertionError(found.size() + " figures marked " + metric);
        }
        return found.stream().findFirst();
    }

    static String value(String metric) {
        return metric(metric).orElseThrow(() -> new AssertionError("no figure " + metric))
                .getElement().getAttribute("data-value");
    }

    static String href(String metric) {
        return metric(metric).orElseThrow(() -> new AssertionError("no figure " + metric))
                .getElement().getAttribute("href");
    }

    /** Every {@code data-metric} on the screen. */
    static List<String> metrics() {
        return _find(Component.class).stream().map(c -> c.getElement().getAttribute("data-metric"))
                .filter(m -> m != null).toList();
    }

    static List<Component> marked(String attribute, String value) {
        return _find(Component.class).stream().filter(c -> value.equals(c.getElement().getAttribute(attribute)))
                .toList();
    }
}
