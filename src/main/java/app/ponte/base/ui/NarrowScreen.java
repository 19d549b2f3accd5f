package app.ponte.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;

/**
 * Tells a view whether the browser window is narrow (a phone held upright), so it can switch to a
 * compact layout where CSS alone cannot: a grid's columns are chosen on the server. Plain layout
 * (wrapping, stacking) is done by media queries in {@code styles/layout.css} with the same
 * breakpoint.
 */
public final class NarrowScreen {

    /** Below this window width (CSS pixels) a view is narrow; {@code layout.css} uses the same value. */
    public static final int BREAKPOINT = 720;

    private NarrowScreen() {
    }

    /**
     * Calls {@code onChange} with {@code true} or {@code false} when the view is attached and
     * whenever the window crosses the breakpoint. Until the browser has reported its width (and in
     * UI tests without a browser) the view keeps its wide layout.
     */
    public static void follow(Component view, Consumer<Boolean> onChange) {
        var state = new Object() {
            Boolean narrow;
            Registration resize;

            void apply(int width) {
                if (width <= 0) {
                    return;
                }
                boolean now = width < BREAKPOINT;
                if (narrow == null || narrow != now) {
                    narrow = now;
                    onChange.accept(now);
                }
            }
        };
        view.addAttachListener(event -> {
            UI ui = event.getUI();
            ExtendedClientDetails details = ui.getPage().getExtendedClientDetails();
            if (details != null && details.getWindowInnerWidth() > 0) {
                state.apply(details.getWindowInnerWidth());
            } else {
                ui.getPage().retrieveExtendedClientDetails(d -> state.apply(d.getWindowInnerWidth()));
            }
            state.resize = ui.getPage().addBrowserWindowResizeListener(e -> state.apply(e.getWidth()));
        });
        view.addDetachListener(event -> {
            if (state.resize != null) {
                state.resize.remove();
                state.resize = null;
            }
        });
    }
}
