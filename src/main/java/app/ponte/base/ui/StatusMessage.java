package app.ponte.base.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The app-wide "done" message: one live region ({@code role=status}, {@code aria-live=polite}) that
 * sits in the main layout from the start, shown as a toast at the bottom of the window and hidden
 * again by a timer in the browser.
 *
 * <p>Why not a {@code Notification}: a new notification is a new element, and the browser reports
 * its {@code opened} state back (one more round trip after every save), then again when it closes.
 * Here the message travels in the same response as the save and nothing comes back (decision 030).
 * A screen reader reads it because the region already exists when its text changes.
 *
 * <p>The server never gives this element children: the browser writes the text itself, so that
 * the same message twice in a row is announced twice, and the server's view of the element never
 * disagrees with the browser's.
 */
@Tag(Tag.DIV)
public class StatusMessage extends Div {

    /** How long a message stays on screen. */
    static final int SHOWN_MS = 4000;

    /**
     * In the browser: empty the region first, write the text a frame later (a live region announces a
     * change, and the same text twice is no change), show it, and hide and empty it after {@code $1} ms.
     */
    private static final String SHOW = """
            const el = this;
            clearTimeout(el.__ponteHide);
            el.textContent = '';
            el.removeAttribute('data-shown');
            requestAnimationFrame(() => {
              el.textContent = $0;
              el.setAttribute('data-shown', '');
              el.__ponteHide = setTimeout(() => { el.removeAttribute('data-shown'); el.textContent = ''; }, $1);
            });
            """;

    private final List<String> shown = new ArrayList<>();

    public StatusMessage() {
        setId("ponte-status");
        addClassName("ponte-status");
        getElement().setAttribute("role", "status");
        getElement().setAttribute("aria-live", "polite");
        getElement().setAttribute("aria-atomic", "true");
        addAttachListener(e -> ComponentUtil.setData(e.getUI(), StatusMessage.class, this));
        addDetachListener(e -> {
            if (ComponentUtil.getData(e.getUI(), StatusMessage.class) == this) {
                ComponentUtil.setData(e.getUI(), StatusMessage.class, null);
            }
        });
    }

    /** Shows {@code message} and has it read out. */
    public void show(String message) {
        shown.add(message);
        getElement().executeJs(SHOW, message, SHOWN_MS);
    }

    /** The messages shown since the last {@link #clear()}, oldest first (tests read them). */
    public List<String> shown() {
        return List.copyOf(shown);
    }

    /** Forgets the messages shown so far (the screen is not touched). */
    public void clear() {
        shown.clear();
    }

    /** The status region of the current UI, when a view inside the main layout is shown. */
    public static Optional<StatusMessage> current() {
        UI ui = UI.getCurrent();
        return ui == null ? Optional.empty() : of(ui);
    }

    /** The status region of {@code ui}, when a view inside the main layout is shown. */
    public static Optional<StatusMessage> of(UI ui) {
        return Optional.ofNullable(ComponentUtil.getData(ui, StatusMessage.class));
    }
}
