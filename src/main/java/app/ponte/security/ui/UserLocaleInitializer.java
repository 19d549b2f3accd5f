package app.ponte.security.ui;

import app.ponte.base.i18n.Languages;
import app.ponte.security.UserService;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Every UI of a signed-in user speaks the language chosen in the profile; the sign-in page
 * follows the browser's language.
 */
@Component
class UserLocaleInitializer implements VaadinServiceInitListener {

    static final String SESSION_LANGUAGE = "ponte.language";

    private final UserService users;

    UserLocaleInitializer(UserService users) {
        this.users = users;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            VaadinSession session = init.getUI().getSession();
            Locale language = (Locale) session.getAttribute(SESSION_LANGUAGE);
            if (language == null && isSignedIn()) {
                language = users.me().language();
                session.setAttribute(SESSION_LANGUAGE, language);
            }
            if (language != null) {
                init.getUI().setLocale(language);
            }
        });
    }

    /** Remembers a newly chosen language for the rest of the session. */
    static void remember(VaadinSession session, Locale language) {
        session.setAttribute(SESSION_LANGUAGE, Languages.of(language.getLanguage()));
        session.setLocale(language);
    }

    private static boolean isSignedIn() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof org.springframework.security.authentication.AnonymousAuthenticationToken);
    }
}
