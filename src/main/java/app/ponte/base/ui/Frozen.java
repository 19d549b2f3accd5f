package app.ponte.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
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
 *
 * <p>The HTML is sent, not kept (decision 043): an element property would hold it in the tab's state
 * for as long as the tab is open (100 KB for a one-year dashboard at a million leads, the largest part
 * of an open tab's heap). It goes by a JavaScript call each time the element is attached, which Flow
 * also does when it resynchronizes a tab that lost a message; between attaches only its deflated
 * bytes stay, about a tenth of it. {@link #html(Element)} reads it back (tests, what the browser got).
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
        String inner = innerHtml(tree);
        var root = new Element(tree.tagName());
        tree.attributes().forEach(a -> root.setAttribute(a.getKey(), a.getValue()));
        return new FrozenTree(root, inner);
    }

    /**
     * What goes inside the tree's root, as the browser gets it: compact, in ASCII (every other character
     * a numeric reference). {@code tree} must have no parent.
     */
    public static String innerHtml(org.jsoup.nodes.Element tree) {
        var document = new Document("");
        document.outputSettings().prettyPrint(false).charset(StandardCharsets.US_ASCII);
        document.appendChild(tree); // its output settings are the document's
        return tree.html();
    }

    /** The HTML inside {@code element} as the browser gets it, if its content is sent, not kept. */
    public static Optional<String> html(Element element) {
        return element.getComponent().filter(Sent.class::isInstance).map(c -> ((Sent) c).html());
    }

    /**
     * A component whose element's content goes to the browser as HTML on each attach and is not kept as
     * server-side elements (a frozen tree, a chart): what it sent, for tests and for what the browser got.
     */
    public interface Sent {

        /** The HTML inside the component's element, as the browser gets it. */
        String html();
    }

    private static final class FrozenTree extends Component implements Sent {

        /** The inner HTML (ASCII), deflated. */
        private final byte[] deflated;
        private final int length;

        FrozenTree(Element root, String html) {
            super(root);
            byte[] ascii = html.getBytes(StandardCharsets.US_ASCII);
            length = ascii.length;
            deflated = deflate(ascii);
            root.addAttachListener(e -> root.executeJs("this.innerHTML = $0", html()));
        }

        @Override
        public String html() {
            var inflater = new Inflater(true);
            try {
                inflater.setInput(deflated);
                byte[] ascii = new byte[length];
                int read = 0;
                while (read < length && !inflater.finished()) {
                    int n = inflater.inflate(ascii, read, length - read);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        break;
                    }
                    read += n;
                }
                if (read != length) {
                    throw new IllegalStateException("frozen HTML inflated to " + read + " of " + length + " bytes");
                }
                return new String(ascii, StandardCharsets.US_ASCII);
            } catch (DataFormatException e) {
                throw new IllegalStateException("frozen HTML could not be inflated", e);
            } finally {
                inflater.end();
            }
        }

        private static byte[] deflate(byte[] ascii) {
            var deflater = new Deflater(Deflater.BEST_SPEED, true);
            try {
                deflater.setInput(ascii);
                deflater.finish();
                var out = new ByteArrayOutputStream(Math.max(64, ascii.length / 6));
                byte[] buffer = new byte[4096];
                while (!deflater.finished()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
                return out.toByteArray();
            } finally {
                deflater.end();
            }
        }
    }
}
