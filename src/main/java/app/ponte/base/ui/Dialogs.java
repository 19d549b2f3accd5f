package app.ponte.base.ui;

import com.vaadin.flow.component.dialog.Dialog;

/** How a dialog that has done its work leaves the screen. */
public final class Dialogs {

    private Dialogs() {
    }

    /**
     * Closes {@code dialog} and takes it off the page in the same response. Closed the usual way, a
     * dialog stays in the page until the browser reports the end of its closing animation: one more
     * round trip after every save, which the user waits for (decision 030).
     */
    public static void closeAtOnce(Dialog dialog) {
        dialog.close();
        dialog.getElement().removeFromParent();
    }
}
