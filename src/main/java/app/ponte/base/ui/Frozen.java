package app.ponte.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.dom.ElementUtil;
import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.Document;

/**
 * A read-only component tree (a table of figures, links and text, no listeners) sent to the browser
 * as its HTML in one element, instead of one server-side element per cell. A statistics page holds
 * over a thousand such elements, and every element a tab keeps costs server memory for as long as
 * the tab is open (docs/benchmarks.md, "retained heap of an open dashboard tab").
 *
 * <p>The HTML is the tree's own (Flow's {@link ElementUtil#toJsoup}: text and attributes escaped), so
 * what the browser shows, and what tests read from {@code getOuterHTML()} of the page, is unchanged;
 * links inside stay router links (Flow's client handles clicks on any in-app anchor). It is written
 * compact and in ASCII, with every other character as a numeric reference: one "–" would otherwise
 * make Java keep the whole string, and the push message carrying it, at two bytes a character.
 */
public final class Frozen {

    private Frozen() {
    }

    /** The tree's HTML as one component; {@code tree} must not be attached anywhere. */
    public static Component of(Component tree) {
        var document = new Document("");
        document.outputSettings().prettyPrint(false).charset(StandardCharsets.US_ASCII);
        var html = (org.jsoup.nodes.Element) ElementUtil.toJsoup(document, tree.getElement());
        document.appendChild(html); // its output settings are the document's
        var root = new Element(html.tagName());
        html.attributes().forEach(a -> root.setAttribute(a.getKey(), a.getValue()));
        root.setProperty("innerHTML", html.html());
        return new FrozenTree(root);
    }

    private static final class FrozenTree extends Component {
        FrozenTree(Element root) {
            super(root);
        }
    }
}
