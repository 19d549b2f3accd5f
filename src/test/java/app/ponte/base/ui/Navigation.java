package app.ponte.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;

/** The side navigation of the current UI as the browser gets it (its items are HTML, not components). */
public final class Navigation {

    /** An item: its label, its route path, and the badge beside it, if any. */
    public record Item(String label, String path, Optional<String> badge) {
    }

    private Navigation() {
    }

    public static List<Item> items() {
        Component nav = _get(Component.class, spec -> spec.withId("main-navigation"));
        String html = Frozen.html(nav.getElement()).orElseThrow();
        return Jsoup.parseBodyFragment(html).select("vaadin-side-nav-item").stream()
                .map(item -> new Item(item.ownText().trim(), item.attr("path"),
                        Optional.ofNullable(item.selectFirst("span[slot=suffix]")).map(s -> s.text())))
                .toList();
    }

    public static List<String> labels() {
        return items().stream().map(Item::label).toList();
    }

    public static Item item(String label) {
        return items().stream().filter(i -> i.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no navigation item " + label + " in " + labels()));
    }
}
