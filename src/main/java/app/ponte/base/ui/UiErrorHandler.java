package app.ponte.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ErrorHandlerUtil;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * An exception that escapes a listener (a click, a value change, a live update) after the view was
 * shown: Vaadin would log it and, in development mode, show its stack trace. Every session gets
 * this handler instead, which shows {@link ErrorView} in the shell — access denied, not found, or
 * the error page with a reference that the log carries with the stack trace.
 */
@Component
class UiErrorHandler implements ErrorHandler, VaadinServiceInitListener {

    /** Broken connections and the like: nothing the user can act on, Vaadin's own handling logs them. */
    private final DefaultErrorHandler fallback = new DefaultErrorHandler();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable failure = event.getThrowable();
        if (UI.getCurrent() == null || isDisconnect(failure)) {
            fallback.error(event);
            return;
        }
        // Vaadin shows an error view only for its exact exception type; ErrorView handles Exception and
        // reads the cause chain, so the failure travels as the cause of a plain Exception.
        if (!ErrorHandlerUtil.handleErrorByRedirectingToErrorView(new Exception(failure.getMessage(), failure))) {
            fallback.error(event);
        }
    }

    private static boolean isDisconnect(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }
}
