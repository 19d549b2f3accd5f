package app.ponte.stats.ui;

import app.ponte.base.ui.Frozen;
import com.vaadin.flow.dom.Element;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * A page's elements as the browser gets them: the server-side tree from {@link Element#getOuterHTML()},
 * with the HTML that went to the browser inside each {@link Frozen} tree (sent, not kept as a property).
 */
public final class PageHtml {

    private PageHtml() {
    }

    /** {@code root} and every element inside it, in document order. */
    public static Stream<org.jsoup.nodes.Element> elements(Element root) {
        var body = Jsoup.parseBodyFragment(root.getOuterHTML()).body();
        fill(root, body.child(0));
        return body.children().stream().flatMap(e -> e.select("*").stream());
    }

    /** Walks the server-side tree and its parsed copy side by side, putting each frozen tree's HTML in. */
    private static void fill(Element server, org.jsoup.nodes.Element parsed) {
        if (!server.getTag().equalsIgnoreCase(parsed.tagName())) {
            throw new AssertionError("the parsed page has <" + parsed.tagName() + "> where the server has <"
                    + server.getTag() + ">");
        }
        Optional<String> frozen = Frozen.html(server);
        if (frozen.isPresent()) {
            parsed.html(frozen.get());
            return;
        }
        List<Element> children = server.getChildren().filter(c -> !c.isTextNode()).toList();
        if (children.size() != parsed.childrenSize()) {
            throw new AssertionError("<" + server.getTag() + "> has " + children.size() + " children on the server and "
                    + parsed.childrenSize() + " parsed");
        }
        for (int i = 0; i < children.size(); i++) {
            fill(children.get(i), parsed.child(i));
        }
    }
}
