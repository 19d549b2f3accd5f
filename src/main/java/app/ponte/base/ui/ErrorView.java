package app.ponte.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * Every other exception while a view loads (its constructor, {@code beforeEnter}, an attach
 * listener) or in a listener ({@link UiErrorHandler}). A service's refusal
 * ({@link AccessDeniedException}, also wrapped in Spring's bean-creation exceptions, which is how
 * a view's constructor failure arrives) is the access-denied page with 403; anything unexpected
 * shows a short reference that the log carries with the stack trace at ERROR, so a user can
 * quote it and an administrator find it. Replaces Vaadin's page, which shows the stack trace in
 * development mode.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class ErrorView extends ErrorPage implements HasErrorParameter<Exception>, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        Throwable failure = parameter.getCaughtException();
        String where = event.getLocation().getPathWithQueryParameters();
        if (causeOf(failure, AccessDeniedException.class) || causeOf(failure,
                com.vaadin.flow.router.AccessDeniedException.class)) {
            log.warn("Access denied while opening /{}: {}", where, rootMessage(failure)); // i18n-ignore: log
            show("access-denied", "access-denied.title", "access-denied.text");
            return HttpServletResponse.SC_FORBIDDEN;
        }
        if (causeOf(failure, NotFoundException.class)) {
            show("not-found", "not-found.title", "not-found.text");
            return HttpServletResponse.SC_NOT_FOUND;
        }
        String reference = newReference();
        log.error("Unexpected error {} while showing /{}", reference, where, failure); // i18n-ignore: log
        show("error", "error.title", "error.text");
        showReference(reference);
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    /** Eight hex digits: short enough to read out on the phone, unique enough within a log. */
    public static String newReference() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    static boolean causeOf(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + title();
    }
}
