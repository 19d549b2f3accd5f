package app.ponte.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.dom.ElementUtil;
import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.Document;

/**
 * A read-only tree (a table of figures, links and text, no listeners) sent to the browser as its
 * HTML in one element, instead of one server-side element per cell. A statistics page holds over a
 * thousand such elements, and every element a tab keeps costs server memory for as long as the tab
 * is open (docs/benchmarks.md, "retained heap of an open dashboard tab").
 *
 * <p>The tree is written as jsoup elements directly (decision 041): building Vaadin components only
 * to serialize them cost more server time than the statistics they show. jsoup escapes text and
 * attribute values, so what the browser shows, and what tests read from {@code getOuterHTML()} of the
 * page, is the HTML of the tree; links inside stay router links (Flow's client handles clicks on any
 * in-app anchor). It is written compact and in ASCII, with every other character as a numeric
 * reference: one "–" would otherwise make Java keep the whole string, and the push message carrying
 * it, at two bytes a character.
 */
public final class Frozen {

    private Frozen() {
    }

    /**
     * The tree's HTML as one component: its root becomes the component's element (tag and
     * attributes), everything inside goes as that element's {@code innerHTML}. {@code tree} must have
     * no parent; it is not to be changed afterwards.
     */
    public static Component of(org.jsoup.nodes.Element tree) {
        var document = new Document("");
        document.outputSettings().prettyPrint(false).charset(StandardCharsets.US_ASCII);
        document.appendChild(tree); // its output settings are the document's
        var root = new Element(tree.tagName());
        tree.attributes().forEach(a -> root.setAttribute(a.getKey(), a.getValue()));
        root.setProperty("innerHTML", tree.html());
        return new FrozenTree(root);
    }

    /**
     * A component tree's HTML as one component (Flow's {@link ElementUtil#toJsoup}); {@code tree} must
     * not be attached anywhere. For trees that exist as components anyway: a tree built only to be
     * frozen is cheaper written as jsoup elements ({@link #of(org.jsoup.nodes.Element)}).
     */
    public static Component of(Component tree) {
        return of((org.jsoup.nodes.Element) ElementUtil.toJsoup(new Document(""), tree.getElement()));
    }

    private static final class FrozenTree extends Component {
        FrozenTree(Element root) {
            super(root);
        }
    }
}
