package app.ponte.stats.ui;

import com.vaadin.flow.dom.Element;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * A page's elements as the browser gets them: the server-side tree plus what went as HTML
 * ({@link app.ponte.base.ui.Frozen} tables), read from {@link Element#getOuterHTML()}.
 */
public final class PageHtml {

    private PageHtml() {
    }

    /** {@code root} and every element inside it, in document order. */
    public static Stream<org.jsoup.nodes.Element> elements(Element root) {
        return Jsoup.parseBodyFragment(root.getOuterHTML()).body().children().stream()
                .flatMap(e -> e.select("*").stream());
    }
}
